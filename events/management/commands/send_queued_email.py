"""Send the queued e-mails about registrations that are due; safe to run from cron every
minute, on as many servers as you like (a row being sent by one run is skipped by others)."""

from django.core.management.base import BaseCommand

from events.emails import MAX_ATTEMPTS, given_up, send_queued


class Command(BaseCommand):
    help = (
        "Send the queued e-mails about event registrations that are due, and retry those "
        f"the mail server refused (up to {MAX_ATTEMPTS} attempts each)."
    )

    def handle(self, *args, **options):
        sent, failed = send_queued()
        self.stdout.write(f"Sent: {sent}. Failed, to be tried again later: {failed}.")
        stuck = given_up().count()
        if stuck:
            self.stderr.write(
                f"Given up after {MAX_ATTEMPTS} attempts: {stuck} (see OutgoingEmail.last_error)."
            )
