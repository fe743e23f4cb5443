from django.core.management.base import BaseCommand

from soc.plans.notifications import send_review_reminders_task


class Command(BaseCommand):
    help = "Queue the reminders for plans due for review in the next 14 days (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14)

    def handle(self, *args, days, **options):
        send_review_reminders_task.enqueue(days)
        self.stdout.write("Plan review reminders queued.")
