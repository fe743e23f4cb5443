"""A body's rules about its seats and its quorum, as plain functions and as checks on a body.

The arithmetic is kept apart from the database so the property tests can try every case.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Office, SeatTerm
from .models.seats import FAMILY_SEAT_TYPES


def has_majority(present, seats):
    """More than half of `seats` present (a body without seats has no quorum)."""
    return seats > 0 and 2 * present > seats


def is_quorate(voting_seats, voting_present, family_present, needs_family):
    return has_majority(voting_present, voting_seats) and (family_present or not needs_family)


def meets_share(family_seats, seats, percent):
    """At least `percent` of `seats` are family seats (exact, in whole numbers)."""
    return 100 * family_seats >= percent * seats


def seat_holders(body, day=None):
    """[(seat, term or None)] for every seat of the body on `day` (two queries)."""
    day = day or timezone.localdate()
    seats = list(body.seats.all())
    terms = {
        t.seat_id: t
        for t in SeatTerm.objects.on(day).filter(seat__collaborative=body).select_related("user")
    }
    return [(seat, terms.get(seat.pk)) for seat in seats]


def rule_warnings(body, holders=None):
    """What the body's own rules ask for and its seats do not give, in plain words."""
    holders = seat_holders(body) if holders is None else holders
    warnings = []
    if body.needs_family_co_chair and not any(
        term and term.office == Office.CO_CHAIR and seat.seat_type in FAMILY_SEAT_TYPES
        for seat, term in holders
    ):
        warnings.append(_("None of the co-chairs is a family member."))
    if body.family_voting_share:
        voting = [(s, t) for s, t in holders if s.is_voting]
        family = [s for s, t in voting if t and s.seat_type in FAMILY_SEAT_TYPES]
        if not meets_share(len(family), len(voting), body.family_voting_share):
            warnings.append(
                _(
                    "Family members and youth hold %(held)s of %(seats)s voting seats; "
                    "the rule asks for at least %(percent)s%%."
                )
                % {"held": len(family), "seats": len(voting), "percent": body.family_voting_share}
            )
    vacant = [s for s, t in holders if s.is_reserved and t is None]
    for seat in vacant:
        warnings.append(
            _("A seat reserved for %(type)s is vacant.") % {"type": seat.get_seat_type_display()}
        )
    return warnings


class Quorum:
    """A meeting's quorum, computed live from its roll call."""

    def __init__(self, meeting, holders=None):
        body = meeting.collaborative
        holders = seat_holders(body, meeting.day) if holders is None else holders
        present = set(meeting.roll.filter(status="present").values_list("seat_id", flat=True))
        self.held = {seat.pk: (seat, term) for seat, term in holders if term is not None}
        voting = [seat for seat, _term in self.held.values() if seat.is_voting]
        self.voting_seats = len(voting)
        self.voting_present = sum(1 for seat in voting if seat.pk in present)
        self.family_present = any(
            seat.pk in present and seat.seat_type in FAMILY_SEAT_TYPES
            for seat, _term in self.held.values()
        )
        self.needs_family = body.quorum_needs_family
        self.needed = self.voting_seats // 2 + 1

    @property
    def is_quorate(self):
        return is_quorate(
            self.voting_seats, self.voting_present, self.family_present, self.needs_family
        )
