"""`soc seed --demo`: the Rivera family and the sign-ins tell the story the demo needs."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.test import override_settings
from django.utils import timezone

from soc.accounts.models import User
from soc.demo import story
from soc.families.models import Family
from soc.teams.models import Meeting, Membership, NextStep, Team

pytestmark = pytest.mark.django_db

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as conftest.py, module-wide
Role = Membership.Role
Status = Membership.Status


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Seed the demo once for the module, in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed", "--demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def user(email):
    return User.objects.get(email=email)


def test_maria_is_a_spanish_speaking_caregiver_on_the_rivera_team():
    maria = user(story.MARIA)
    membership = Membership.objects.get(user=maria)
    family = membership.team.family
    assert maria.language == "es" and maria.organization is None
    assert (membership.role, membership.status) == (Role.CAREGIVER, Status.ACTIVE)
    assert membership.person.user == maria
    assert family.display_name == "The Rivera family" and family.county.name == "Wake"
    assert family.primary_language == "es" and family.interpreter_needed
    assert list(Family.objects.visible_to(maria)) == [family]


def test_the_rivera_team_waits_for_maria_to_approve_the_school_counselor():
    team = Team.objects.get(family__display_name="The Rivera family")
    counselor = team.memberships.get(user__email=story.COUNSELOR)
    assert counselor.status == Status.PROPOSED
    assert team.memberships.get(user__email=story.PARTNER).status == Status.ACTIVE
    assert team.memberships.filter(required_by_agency=True).exclude(required_reason="").exists()
    assert Family.objects.visible_to(counselor.user).filter(team=team).count() == 0


def test_the_rivera_team_has_a_past_meeting_an_upcoming_one_and_open_next_steps():
    team = Team.objects.get(family__display_name="The Rivera family")
    past = team.meetings.past().get()
    assert past.notes and past.attendance.filter(interpreter_used=True).exists()
    assert team.meetings.upcoming().count() == 1
    assert team.next_steps.open().filter(responsible__user__email=story.MARIA).exists()


def test_the_outsider_and_the_administrator_see_no_family():
    for email in (story.OUTSIDER, story.ADMIN):
        person = user(email)
        assert not Membership.objects.filter(user=person).exists()
        assert Family.objects.visible_to(person).count() == 0
    assert user(story.ADMIN).is_superuser and user(story.OUTSIDER).organization is not None


def test_the_coordinator_counselor_and_partner_work_with_several_families():
    def active_teams(email, role):
        return Membership.objects.filter(user__email=email, role=role, status=Status.ACTIVE)

    assert active_teams(story.COORDINATOR, Role.FACILITATOR).count() >= 4
    assert active_teams(story.COUNSELOR, Role.AGENCY).count() >= 2
    partner = active_teams(story.PARTNER, Role.FAMILY_PARTNER)
    assert partner.count() >= 3
    assert partner.filter(team__family__display_name="The Rivera family").exists()


def test_the_sign_ins_share_one_printed_password():
    out = StringIO()
    call_command("seed", "--demo", "--if-empty", stdout=out)
    for _role, email, password, _language, _hint in story.sign_in_rows():
        assert email in out.getvalue()
        assert user(email).check_password(password)


def test_every_team_has_exactly_one_active_facilitator():
    teams = Team.objects.annotate(
        facilitators=Count(
            "memberships",
            filter=Q(memberships__role=Role.FACILITATOR, memberships__status="active"),
        )
    )
    assert teams.count() == 31
    assert set(teams.values_list("facilitators", flat=True)) == {1}


def test_current_memberships_are_unique_per_user_and_per_email():
    current = Membership.objects.current()
    by_user = current.filter(user__isnull=False).values("team", "user")
    by_email = current.exclude(email="").values("team", "email")
    assert not by_user.annotate(n=Count("id")).filter(n__gt=1).exists()
    assert not by_email.annotate(n=Count("id")).filter(n__gt=1).exists()


def test_the_demo_has_every_kind_of_member():
    statuses = set(Membership.objects.values_list("status", flat=True))
    roles = set(Membership.objects.values_list("role", flat=True))
    assert {"active", "proposed"} <= statuses and statuses & {"removed", "declined"}
    assert roles == set(Role.values)
    supports = Membership.objects.filter(role=Role.NATURAL_SUPPORT)
    assert supports.filter(user__isnull=True).count() == supports.count()


def test_next_steps_belong_to_active_members_of_their_own_team():
    assert NextStep.objects.count() > 31
    assert not NextStep.objects.exclude(responsible__team=F("team")).exists()
    assert not NextStep.objects.exclude(responsible__status=Status.ACTIVE).exists()
    assert not NextStep.objects.filter(status="done", completed_at__isnull=True).exists()


def test_meetings_are_called_by_team_members_in_office_hours_around_today():
    now = timezone.now()
    upcoming = Meeting.objects.upcoming()
    assert upcoming.exists() and Meeting.objects.past().exists()
    assert not upcoming.filter(starts_at__gt=now + timedelta(days=31)).exists()
    for meeting in Meeting.objects.select_related("team"):
        starts = timezone.localtime(meeting.starts_at)
        assert meeting.ends_at - meeting.starts_at == timedelta(hours=1)
        assert starts.hour >= 8 and (starts.hour, starts.minute) <= (17, 0)
        assert meeting.team.memberships.filter(user=meeting.called_by_id).exists()
        if meeting.is_cancelled:
            assert meeting.sequence == 1
    assert len(set(Meeting.objects.values_list("uid", flat=True))) == Meeting.objects.count()
