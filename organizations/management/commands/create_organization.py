from django.core.management.base import BaseCommand, CommandError

from organizations.provisioning import OrganizationError, create_organization, organization_groups


class Command(BaseCommand):
    help = (
        "Add an organization: its site, home page, news and event indexes, draft about, "
        "contact and privacy policy pages, image/document collection, groups (editors, "
        "moderators, translators, registrations) and settings. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='e.g. "Fundacja Studio M6"')
        parser.add_argument("--slug", required=True, help="e.g. m6")
        parser.add_argument("--hostname", required=True, help="e.g. m6.localhost")
        parser.add_argument(
            "--languages",
            help="comma-separated, e.g. pl,uk; languages are added, never removed "
            "(default: all for a new organization, its own for an existing one)",
        )
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, **options):
        languages = options["languages"]
        if languages is not None:
            languages = [code.strip() for code in languages.split(",") if code.strip()]
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
                    + ", ".join(
                        f"'{name}'"
                        for name in organization_groups(org)
                        .order_by("name")
                        .values_list("name", flat=True)
                    )
                    + "."
                )
            )
        elif result.changes:
            self.stdout.write(self.style.SUCCESS(f"{org.name}: {'; '.join(result.changes)}."))
        else:
            self.stdout.write(f"{org.name} already exists on {org.site.hostname}; nothing changed.")
