"""Family partnership, measured: how much of each body's work is in the hands of families and youth.

These are counts of public seats and governance acts, never of families receiving services, so
they are shown as they are (case counts go through `suppression`). Shares are whole percents.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import AgendaItem, Attendance, Collaborative, GovMeeting, Motion, SeatTerm
from .models.seats import CHAIRS, FAMILY_SEAT_TYPES
from .standing import seat_holders

LAST_MEETINGS = 12


def percent(part, whole):
    return round(100 * part / whole) if whole else None


@dataclass
class Partnership:
    seats: int = 0
    family_seats: int = 0
    voting_seats: int = 0
    family_voting_seats: int = 0
    family_chairs: int = 0
    family_attended: int = 0
    family_expected: int = 0
    items: int = 0
    family_items: int = 0
    motions: int = 0
    family_motions: int = 0
    work_groups: int = 0
    family_chaired_work_groups: int = 0

    def __add__(self, other):
        return Partnership(
            **{f: getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__}
        )

    @property
    def seat_share(self):
        return percent(self.family_seats, self.seats)

    @property
    def voting_share(self):
        return percent(self.family_voting_seats, self.voting_seats)

    @property
    def attendance_share(self):
        return percent(self.family_attended, self.family_expected)

    @property
    def item_share(self):
        return percent(self.family_items, self.items)

    @property
    def motion_share(self):
        return percent(self.family_motions, self.motions)


def _is_family(seat):
    return seat.seat_type in FAMILY_SEAT_TYPES


def _seat_part(holders):
    held = [(s, t) for s, t in holders if t is not None]
    voting = [(s, t) for s, t in held if s.is_voting]
    return {
        "seats": len(held),
        "family_seats": sum(1 for s, _t in held if _is_family(s)),
        "voting_seats": len(voting),
        "family_voting_seats": sum(1 for s, _t in voting if _is_family(s)),
        "family_chairs": sum(1 for s, t in held if t.office in CHAIRS and _is_family(s)),
    }


def _acts(meetings):
    family_roll = Attendance.objects.filter(
        meeting__in=meetings, seat__seat_type__in=FAMILY_SEAT_TYPES
    ).aggregate(expected=Count("id"), attended=Count("id", filter=Q(status="present")))
    items = AgendaItem.objects.filter(meeting__in=meetings).aggregate(
        items=Count("id"), family_items=Count("id", filter=Q(suggested_by_family=True))
    )
    motions = Motion.objects.filter(meeting__in=meetings).aggregate(
        motions=Count("id"), family_motions=Count("id", filter=Q(moved_by_family=True))
    )
    return {
        "family_attended": family_roll["attended"],
        "family_expected": family_roll["expected"],
        **items,
        **motions,
    }


def for_body(body, holders=None):
    """The body's seats today and its last 12 meetings."""
    meetings = (
        GovMeeting.objects.filter(collaborative=body)
        .past()
        .values_list("pk", flat=True)[:LAST_MEETINGS]
    )
    return for_meetings(body, meetings, holders=holders)


def for_meetings(body, meetings, day=None, holders=None):
    """The body's seats on `day` and the acts of `meetings` (a report's period), in a fixed
    number of queries however many work groups the body has (the state roll-up asks this of
    every local body)."""
    family_chaired = (
        SeatTerm.objects.on(day)
        .filter(
            seat__collaborative__parent=body,
            office__in=CHAIRS,
            seat__seat_type__in=FAMILY_SEAT_TYPES,
        )
        .values("seat__collaborative")
        .distinct()
        .count()
    )
    holders = seat_holders(body, day) if holders is None else holders
    return Partnership(
        **_seat_part(holders),
        **_acts(list(meetings)),
        work_groups=body.work_groups.count(),
        family_chaired_work_groups=family_chaired,
    )


def for_meeting(meeting):
    return Partnership(
        **_seat_part(seat_holders(meeting.collaborative, meeting.day)), **_acts([meeting.pk])
    )


def state_rollup():
    """[(body, Partnership)] for every local body, and their sum."""
    rows = [(body, for_body(body)) for body in Collaborative.objects.local().filter(parent=None)]
    total = sum((p for _b, p in rows), Partnership())
    return rows, total
