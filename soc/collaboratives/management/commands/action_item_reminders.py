"""`soc action_item_reminders`: remind owners of meeting action items (run daily)."""

from django.core.management.base import BaseCommand

from soc.collaboratives.action_reminders import remind


class Command(BaseCommand):
    help = "E-mail owners of action items due within 3 days or overdue (run daily)."

    def handle(self, *args, **options):
        counts = remind()
        self.stdout.write(
            f"Action items reminded: {counts['due_soon']}; overdue: {counts['overdue']}."
        )
