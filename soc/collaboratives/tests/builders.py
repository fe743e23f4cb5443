"""Small builders for governance tests: a body with seats and the people in them."""

from datetime import date, timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone

from soc import factories as f
from soc.accounts.models import County
from soc.collaboratives import actions
from soc.collaboratives.models import Collaborative, Seat, SeatTerm
from soc.collaboratives.standing import Quorum

START = date(2026, 1, 1)


def admin():
    user = f.StaffFactory(full_name="Cora Admin")
    user.user_permissions.add(Permission.objects.get(codename="administer_collaboratives"))
    return type(user).objects.get(pk=user.pk)  # fresh permission cache


def body(kind=Collaborative.Kind.COMMUNITY, name="Wake Community Collaborative", **fields):
    slug = fields.pop("slug", name.lower().replace(" ", "-")[:80])
    level = Collaborative.Level.STATE if kind == Collaborative.Kind.STATE else "local"
    made = Collaborative.objects.create(name=name, slug=slug, kind=kind, level=level, **fields)
    if kind != Collaborative.Kind.STATE:
        made.counties.set(County.objects.filter(name="Wake"))
    return made


def seat(on, seat_type="agency", holder=None, office="", voting=True, **fields):
    made = Seat.objects.create(collaborative=on, seat_type=seat_type, is_voting=voting, **fields)
    if holder is not None:
        user = holder if not isinstance(holder, str) else None
        SeatTerm.objects.create(
            seat=made,
            user=user,
            name=holder if isinstance(holder, str) else "",
            office=office,
            starts_on=START,
        )
    return made


def state_with_seats():
    """The State Collaborative: a family co-chair, an agency co-chair, two more voting seats."""
    state = actions.create_collaborative(
        admin(), name="State Collaborative", slug="state", kind=Collaborative.Kind.STATE
    )
    family_chair = f.UserFactory(full_name="Fe Familia")
    agency_chair = f.StaffFactory(full_name="Al Agency")
    seat(state, "family", family_chair, office="co_chair")
    seat(state, "agency", agency_chair, office="co_chair")
    seat(state, "youth", "Yara Youth")
    seat(state, "provider", "Pia Provider")
    seat(state, "other", "Obi Observer", voting=False)
    return state, family_chair, agency_chair


class Governance:
    """The State Collaborative and everyone at some distance from it, with a meeting to come."""

    def seat_of(self, seat_type):
        return self.state.seats.get(seat_type=seat_type)

    def everyone_present(self, status="present"):
        """Every seat held on the day marked present (a quorum), or `status`."""
        held = [seat for seat, _term in Quorum(self.meeting).held.values()]
        actions.take_roll(self.chair, self.meeting, dict.fromkeys(held, status))


def governance():
    g = Governance()
    g.state, g.chair, g.officer = state_with_seats()  # the two co-chairs
    g.member = f.StaffFactory(full_name="Sol School")  # a seat, no office
    seat(g.state, "school", g.member)
    g.outsider = f.StaffFactory(full_name="Otto Outsider")  # no seat
    g.admin = admin()  # may run any body's meetings, holds no seat
    starts = timezone.now() + timedelta(days=7)
    g.meeting = actions.schedule_meeting(g.chair, g.state, starts_at=starts, place="Raleigh")
    return g
