"""Meeting invitations, changes and cancellations go by text to members who said yes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soc.teams import actions
from soc.teams.models import Membership
from soc.texting import backends

pytestmark = pytest.mark.django_db


def test_invitation_change_and_cancellation_are_texted_without_case_details(
    cast, django_capture_on_commit_callbacks, no_case_details
):
    Membership.objects.filter(pk=cast.grandma.pk).update(
        text_number="+19195550100", text_opt_in_at=timezone.now()
    )
    # Sam's number is on file but he never said yes: no texts for him.
    Membership.objects.filter(pk=cast.member_membership.pk).update(text_number="+19195550111")
    starts = (timezone.now() + timedelta(days=5)).replace(microsecond=0)
    fields = {
        "reason": "crisis",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=1),
        "place": "Wake Behavioral Health, room 2",
        "agenda": "Ana's safety plan",
    }
    with django_capture_on_commit_callbacks(execute=True):
        meeting = actions.convene_meeting(cast.caregiver, cast.team, fields)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = actions.change_meeting(
            cast.caregiver,
            meeting,
            version=meeting.version,
            changes={
                "starts_at": starts + timedelta(hours=2),
                "ends_at": starts + timedelta(hours=3),
            },
        )
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_meeting(cast.caregiver, meeting, version=meeting.version)
    assert [t.to for t in backends.outbox] == ["+19195550100"] * 3
    invited, changed, cancelled = (t.body for t in backends.outbox)
    assert invited.startswith("Su equipo se reúne a las ")
    assert changed.startswith("La reunión de su equipo cambió.")
    assert cancelled.startswith("Se canceló la reunión")
    assert all(f"/meetings/{meeting.pk}/" in body for body in (invited, changed, cancelled))
    # The e-mail invitation names the place (for those who may read e-mail); texts do not.
    no_case_details(cast.family, emails=False)
