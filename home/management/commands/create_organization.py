from django.core.management.base import BaseCommand, CommandError

from home.organizations import ROLES, OrganizationError, create_organization, group_name


class Command(BaseCommand):
    help = (
        "Add an organization: its site, home page, news and event indexes, image/document "
        "collection, groups (editors, moderators, translators, registrations) and settings. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='e.g. "Fundacja Studio M6"')
        parser.add_argument("--slug", required=True, help="e.g. m6")
        parser.add_argument("--hostname", required=True, help="e.g. m6.localhost")
        parser.add_argument(
            "--languages", default="pl,uk,en", help="comma-separated, e.g. pl,uk (default: all)"
        )
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, **options):
        languages = [code.strip() for code in options["languages"].split(",") if code.strip()]
        try:
            result = create_organization(
                name=options["name"],
                slug=options["slug"],
                hostname=options["hostname"],
                languages=languages,
                port=options["port"],
            )
        except OrganizationError as error:
            raise CommandError(str(error)) from error

        org = result.settings
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {org.name} on {org.site.hostname} "
                    f"({', '.join(org.languages)}), with groups "
                    + ", ".join(f"'{group_name(org.name, role)}'" for role in ROLES)
                    + "."
                )
            )
        elif result.changes:
            self.stdout.write(self.style.SUCCESS(f"{org.name}: {'; '.join(result.changes)}."))
        else:
            self.stdout.write(f"{org.name} already exists on {org.site.hostname}; nothing changed.")
