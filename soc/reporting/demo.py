"""The demo's reporting inventory: what the Wake County CCPT and JCPC (and every JCPC and
Community Collaborative) report, to whom and how often, with items asked for more than once,
and a JCPC meeting so its fiscal-year draft has something in it."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from soc.accounts.models import User
from soc.collaboratives import actions as collaboratives
from soc.collaboratives.models import Collaborative, Seat

from . import actions
from .models import DataItem, ReportingRequirement
from .vocabulary import load_data_items

REQUIREMENTS = [
    # (title, body slug or kind, to whom, how often, when due, data item codes)
    (
        "JCPC annual plan and funding request",
        "wake-jcpc",
        "NC DPS Juvenile Justice",
        "annual",
        "By 1 May, for the next fiscal year (July to June)",
        ["meetings_held", "membership_roster", "attendance_by_seat_type", "jcpc_funded_programs",
         "unmet_needs_by_county", "youth_served_by_program"],
    ),
    (
        "JCPC program quarterly report",
        "jcpc",
        "NC DPS Juvenile Justice",
        "quarterly",
        "15 days after each quarter",
        ["jcpc_funded_programs", "youth_served_by_program", "program_outcomes"],
    ),
    (
        "CCPT end-of-year report",
        "wake-ccpt",
        "NC DHHS DSS",
        "annual",
        "By 31 January, for the calendar year",
        ["meetings_held", "membership_roster", "attendance_by_seat_type", "case_reviews_count",
         "recommendations", "unmet_needs_by_county", "family_participation_share"],
    ),
    (
        "CCPT report to the county commissioners",
        "wake-ccpt",
        "Wake County Board of Commissioners",
        "annual",
        "With the county budget",
        ["meetings_held", "case_reviews_count", "recommendations", "barriers_raised"],
    ),
    (
        "Community Collaborative quarterly report",
        "community",
        "NC DHHS Division of Mental Health",
        "quarterly",
        "30 days after each quarter",
        ["meetings_held", "family_participation_share", "barriers_raised",
         "unmet_needs_by_county", "training_held", "referrals_declined"],
    ),
]  # fmt: skip


def _jcpc_meeting(jcpc):
    chair = jcpc.seats.filter(terms__user__isnull=False, terms__office="chair").first()
    user = chair.terms.filter(user__isnull=False).first().user if chair else None
    if user is None:
        return
    meeting = collaboratives.schedule_meeting(
        user, jcpc, starts_at=timezone.now() - timedelta(days=45), place="Wake County Courthouse"
    )
    collaboratives.suggest_item(user, meeting, title="Funding round for prevention programs")
    roll = dict.fromkeys(
        Seat.objects.filter(collaborative=jcpc, terms__isnull=False).distinct(), "present"
    )
    collaboratives.take_roll(user, meeting, roll)


@transaction.atomic
def add_demo_reporting():
    """Runs once, after `soc demo_collaboratives`: nothing happens when requirements exist."""
    load_data_items(DataItem)
    if ReportingRequirement.objects.exists():
        return False
    admin = User.objects.filter(email="admin@example.org").first()
    bodies = {b.slug: b for b in Collaborative.objects.filter(slug__in=["wake-ccpt", "wake-jcpc"])}
    if admin is None or len(bodies) < 2:
        return None
    items = {i.code: i for i in DataItem.objects.all()}
    for title, asked_of, to_whom, frequency, due_rule, codes in REQUIREMENTS:
        body = bodies.get(asked_of)
        actions.add_requirement(
            admin,
            title=title,
            collaborative=body,
            body_kind="" if body else asked_of,
            recipient=to_whom,
            frequency=frequency,
            due_rule=due_rule,
            data_items=[items[c] for c in codes],
        )
    _jcpc_meeting(bodies["wake-jcpc"])
    return True
