"""`soc send_reminders`: run hourly from cron or a scheduler. Safe to run as often as you like:
each reminder is sent once (see soc/messaging/reminders.py)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from soc.messaging.reminders import send_reminders


class Command(BaseCommand):
    help = "Send tomorrow's meeting reminders and today's next-step reminders (once each)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this day (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = None
        if options.get("date"):
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError("--date must look like 2026-05-04.") from error
        claimed = send_reminders(today)
        self.stdout.write(f"{claimed} new reminders handed to the worker.")
