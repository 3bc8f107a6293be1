from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import DEMO_ORGANIZATIONS, DEMO_ROLES, build_demo, demo_username


class Command(BaseCommand):
    help = "Create the demo organizations, pages and users (idempotent); never in production."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="port shown in the printed URLs")

    def handle(self, *args, **options):
        if getattr(settings, "REFUSE_DEMO_CREDENTIALS", False):
            raise CommandError("The demo content and its known passwords are not for production.")
        build_demo(stdout=self.stdout)
        port = options["port"]
        password = settings.DEMO_ADMIN_PASSWORD
        lines = [
            "",
            "Demo organizations:",
        ]
        for org in DEMO_ORGANIZATIONS:
            lines.append(f"  {org['name']}: http://{org['hostname']}:{port}/")
        lines += [
            f"  (http://localhost:{port}/ serves {DEMO_ORGANIZATIONS[0]['name']})",
            "",
            f"Admin: http://localhost:{port}/admin/",
            f"  administrator: {settings.DEMO_ADMIN_USERNAME} / {password}",
        ]
        for org in DEMO_ORGANIZATIONS:
            for role in DEMO_ROLES:
                lines.append(
                    f"  {org['name']} {role}: {demo_username(org['slug'], role)} / {password}"
                )
        self.stdout.write("\n".join(lines))
