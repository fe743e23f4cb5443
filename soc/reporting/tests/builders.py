"""A CCPT with a known year of meetings, attendance, a confidential case review and a barrier."""

from datetime import date, datetime

from django.utils import timezone

from soc import factories as f
from soc.collaboratives.models import (
    AgendaItem,
    Attendance,
    Barrier,
    GovMeeting,
    Minutes,
    SeatTerm,
)
from soc.collaboratives.tests.builders import body, seat
from soc.plans.models import Need
from soc.plans.tests.builders import add_plan

CASE_REVIEW = "Case review: the Alvarez child, born 2015"
BARRIER = "No Spanish-speaking therapist for teens in Wake County."
MONTHS_2025 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]


def ccpt_year():
    """Wake CCPT, calendar 2025: 12 meetings (3 a quarter), one more in 2026; the family seat
    missed one meeting, the school seat missed all; one confidential case review."""
    ccpt = body("ccpt", name="Wake County CCPT", slug="wake-ccpt")
    holder = f.UserFactory(full_name="Fe Familia")
    family = seat(ccpt, "family", holder, office="co_chair")
    agency = seat(ccpt, "agency", f.StaffFactory(full_name="Al Agency"), office="chair")
    school = seat(ccpt, "school", "Sol School")
    SeatTerm.objects.filter(seat__collaborative=ccpt).update(starts_on=date(2024, 1, 1))
    meetings = []
    for month in MONTHS_2025:
        when = timezone.make_aware(datetime(2025, month, 10, 18, 0))
        meetings.append(GovMeeting.objects.create(collaborative=ccpt, starts_at=when))
    GovMeeting.objects.create(
        collaborative=ccpt, starts_at=timezone.make_aware(datetime(2026, 1, 10, 18, 0))
    )
    for n, meeting in enumerate(meetings):
        Attendance.objects.create(meeting=meeting, seat=agency, status="present")
        Attendance.objects.create(
            meeting=meeting, seat=family, status="absent" if n == 0 else "present"
        )
        Attendance.objects.create(meeting=meeting, seat=school, status="absent")
        Minutes.objects.create(meeting=meeting, text="Minutes", status="approved")
    AgendaItem.objects.create(
        meeting=meetings[3], title=CASE_REVIEW, is_confidential=True, status="on_agenda"
    )
    AgendaItem.objects.create(meeting=meetings[3], title="Trends", suggested_by_family=True)
    barrier = Barrier.objects.create(body=ccpt, description=BARRIER, status="escalated")
    Barrier.objects.filter(pk=barrier.pk).update(
        created_at=timezone.make_aware(datetime(2025, 5, 1, 12, 0))
    )
    return ccpt, holder


def unmet_needs(cast, language=12, waiting=1):
    """Unmet needs in the cast family's plan in effect (Wake County)."""
    add_plan(cast)
    for barrier, n in (("language", language), ("waiting_list", waiting)):
        for i in range(n):
            Need.objects.create(
                family=cast.family,
                version=cast.plan_v1,
                author=cast.facilitator,
                rank=10 + i,
                description=f"Therapist for {cast.child.first_name} {i}",
                domain="wellbeing",
                setting="community",
                is_unmet=True,
                barrier=barrier,
            )
