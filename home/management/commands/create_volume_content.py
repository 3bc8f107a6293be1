import time

from django.core.management.base import BaseCommand, CommandError

from home.volume import build_volume


class Command(BaseCommand):
    help = (
        "Create organizations full of articles and events (Polish, some also in Ukrainian and "
        "English) for measuring the site at volume (make bench). Safe to run again: it adds "
        "only what is missing; --force removes the volume organizations first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=5)
        parser.add_argument(
            "--articles", type=int, default=10000, help="in all, spread over the organizations"
        )
        parser.add_argument("--events", type=int, help="in all (default: a tenth of the articles)")
        parser.add_argument(
            "--translated",
            type=float,
            default=0.2,
            help="the share of articles and events also in Ukrainian and English (0.2)",
        )
        parser.add_argument("--port", type=int, default=80, help="the port the sites are served on")
        parser.add_argument(
            "--force",
            action="store_true",
            help="remove the volume organizations (volume-1, volume-2, …) and build them again",
        )

    def handle(self, *args, **options):
        if options["organizations"] < 1 or options["articles"] < 0:
            raise CommandError("At least one organization and no negative number of articles.")
        if not 0 <= options["translated"] <= 1:
            raise CommandError("--translated is a share between 0 and 1.")
        started = time.monotonic()
        made = build_volume(
            organizations=options["organizations"],
            articles=options["articles"],
            events=options["events"],
            translated=options["translated"],
            port=options["port"],
            force=options["force"],
            write=self.stdout.write,
        )
        self.stdout.write(
            f"{made['articles']} articles and {made['events']} events added in "
            f"{time.monotonic() - started:.1f} s."
        )
