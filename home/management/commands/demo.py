from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import DEMO_ORGANIZATIONS, DEMO_ROLES, build_demo, demo_username


class Command(BaseCommand):
    help = (
        "Create the demo organizations, pages and users (idempotent: a second run keeps what "
        "is there); never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="the port the demo is served on: its sites' port, so that absolute links "
            "(View live, share links, sitemap, e-mails, calendar) carry it",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="remove the demo organizations (their pages, images, groups and demo users) "
            "and build them again from home/demo_content/",
        )

    def handle(self, *args, **options):
        if getattr(settings, "REFUSE_DEMO_CREDENTIALS", False):
            raise CommandError("The demo content and its known passwords are not for production.")
        port = options["port"]
        build_demo(stdout=self.stdout, port=port, force=options["force"])
        address = "" if port == 80 else f":{port}"
        password = settings.DEMO_ADMIN_PASSWORD
        lines = ["", "Demo organizations:"]
        for org in DEMO_ORGANIZATIONS:
            lines.append(
                f"  {org['name']}: http://{org['hostname']}{address}/ "
                f"({', '.join(org['languages'])})"
            )
        lines += [
            f"  (http://localhost{address}/ serves {DEMO_ORGANIZATIONS[0]['name']})",
            "",
            f"Admin: http://localhost{address}/admin/",
            f"  administrator: {settings.DEMO_ADMIN_USERNAME} / {password}",
        ]
        for org in DEMO_ORGANIZATIONS:
            for role in DEMO_ROLES:
                lines.append(
                    f"  {org['name']} {role}: {demo_username(org['slug'], role)} / {password}"
                )
        self.stdout.write("\n".join(lines))
