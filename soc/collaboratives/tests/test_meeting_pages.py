"""Meeting pages: confidential items never reach the public; a family co-chair runs a meeting."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.collaboratives import actions
from soc.collaboratives.models import Minutes, Motion

from .builders import admin, seat, state_with_seats

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_with_secrets():
    state, chair, agency_chair = state_with_seats()
    when = timezone.make_aware(datetime(2026, 3, 10, 18, 0))
    meeting = actions.schedule_meeting(chair, state, starts_at=when)
    public = actions.suggest_item(chair, meeting, title="Respite funding")
    secret = actions.suggest_item(chair, meeting, title="Case review: secret", is_confidential=True)
    under = actions.suggest_item(chair, meeting, title="Follow-up under it", parent=secret)
    actions.take_roll(chair, meeting, dict.fromkeys(state.seats.all(), "present"))
    family = state.seats.get(seat_type="family")
    actions.make_motion(chair, meeting, text="Refer the case quietly", mover=family, item=secret)
    actions.make_motion(chair, meeting, text="Fund respite", mover=family, item=public)
    return state, chair, meeting, public, secret, under


def test_the_public_sees_public_items_only(client, meeting_with_secrets):
    state, chair, meeting, public, secret, under = meeting_with_secrets
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Respite funding" in page and "Fund respite" in page
    assert "secret" not in page and "Follow-up under it" not in page and "quietly" not in page
    for item in (secret, under):
        url = reverse("gov_item", args=[state.slug, meeting.pk, item.pk])
        assert client.get(url).status_code == 404
    client.force_login(f.StaffFactory())  # signed in, but no seat
    assert (
        client.get(reverse("gov_item", args=[state.slug, meeting.pk, secret.pk])).status_code == 404
    )


def test_a_seat_opens_the_confidential_items(client, meeting_with_secrets):
    state, chair, meeting, public, secret, under = meeting_with_secrets
    client.force_login(chair)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Case review: secret" in page and "Follow-up under it" in page
    url = reverse("gov_item", args=[state.slug, meeting.pk, secret.pk])
    assert client.get(url).status_code == 200


def test_draft_minutes_are_not_public(client, meeting_with_secrets):
    state, chair, meeting, *_ = meeting_with_secrets
    actions.draft_minutes(chair, meeting, text="Draft words")
    assert "Draft words" not in client.get(meeting.get_absolute_url()).content.decode()


def test_a_family_co_chair_suggests_an_item_records_a_vote_and_approves_minutes(
    client, meeting_with_secrets
):
    state, chair, meeting, *_ = meeting_with_secrets
    client.force_login(chair)
    url = reverse("agenda_suggest", args=[state.slug, meeting.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Interpreters at meetings"})
    assert meeting.items.filter(title="Interpreters at meetings", suggested_by_family=True).exists()
    family = state.seats.get(seat_type="family")
    response = client.post(
        reverse("motion_new", args=[state.slug, meeting.pk]),
        {"text": "Approve the minutes", "mover": family.pk, "seconder": ""},
    )
    motion = Motion.objects.get(text="Approve the minutes")
    assert response.url == reverse("motion_votes", args=[state.slug, meeting.pk, motion.pk])
    votes = {f"seat_{s.pk}": "yes" for s in state.seats.filter(is_voting=True)}
    client.post(response.url, votes)
    assert Motion.objects.get(pk=motion.pk).result == "carried"
    client.post(reverse("minutes_edit", args=[state.slug, meeting.pk]), {"text": "We met."})
    client.post(reverse("minutes_approve", args=[state.slug, meeting.pk]), {"motion": motion.pk})
    assert Minutes.objects.get(meeting=meeting).is_approved
    locked = client.get(reverse("minutes_edit", args=[state.slug, meeting.pk]))
    assert "approved and locked" in locked.content.decode()
    client.logout()
    public = client.get(state.get_absolute_url()).content.decode()
    assert "Approved minutes" in public and "#minutes" in public
    assert "We met." in client.get(meeting.get_absolute_url()).content.decode()


def test_a_vote_by_a_non_voting_seat_gets_a_clear_message_on_the_page(client, meeting_with_secrets):
    state, chair, meeting, *_ = meeting_with_secrets
    motion = Motion.objects.get(text="Fund respite")
    client.force_login(chair)
    # The form lists voting seats only; a forged field for a non-voting seat is ignored.
    observer = state.seats.get(is_voting=False)
    url = reverse("motion_votes", args=[state.slug, meeting.pk, motion.pk])
    page = client.get(url).content.decode()
    assert f"seat_{observer.pk}" not in page


def test_a_motion_without_quorum_is_refused_on_the_page(client):
    state, chair, _agency = state_with_seats()
    when = timezone.make_aware(datetime(2026, 4, 10, 18, 0))
    meeting = actions.schedule_meeting(chair, state, starts_at=when)
    client.force_login(chair)
    family = state.seats.get(seat_type="family")
    response = client.post(
        reverse("motion_new", args=[state.slug, meeting.pk]), {"text": "X", "mover": family.pk}
    )
    assert response.status_code == 200
    assert "There is no quorum" in response.content.decode()
    assert not Motion.objects.filter(meeting=meeting).exists()


def test_the_motion_form_offers_only_voting_seats_held_that_day(client, meeting_with_secrets):
    state, chair, meeting, *_ = meeting_with_secrets
    empty = seat(state, "court")
    observer = state.seats.get(is_voting=False)
    client.force_login(chair)
    url = reverse("motion_new", args=[state.slug, meeting.pk])
    form = client.get(url).content.decode()
    assert "Fe Familia" in form and "Pia Provider" in form
    assert "Obi Observer" not in form and f'value="{empty.pk}"' not in form
    refused = client.post(url, {"text": "Adopt it", "mover": observer.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert not Motion.objects.filter(text="Adopt it").exists()


def test_an_admin_without_a_seat_never_sees_a_confidential_item_on_the_pages(
    client, meeting_with_secrets
):
    state, chair, meeting, public, secret, under = meeting_with_secrets
    family = state.seats.get(seat_type="family")
    quiet = Motion.objects.get(text="Refer the case quietly")
    for motion in Motion.objects.filter(meeting=meeting):
        actions.record_votes(chair, motion, {family: "yes"})
    actions.draft_minutes(chair, meeting, text="We met.")
    client.force_login(admin())  # runs every body's meetings, holds no seat
    motion_form = reverse("motion_new", args=[state.slug, meeting.pk])
    shown = {
        meeting.get_absolute_url(): "Respite funding",
        motion_form: "Respite funding",  # among the items a motion may be about
        reverse("minutes_approve", args=[state.slug, meeting.pk]): "Fund respite",
    }
    for url, public_words in shown.items():
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.content.decode()
        assert public_words in text, url
        assert "secret" not in text and "Follow-up under it" not in text, url
        assert "quietly" not in text, url
    votes = reverse("motion_votes", args=[state.slug, meeting.pk, quiet.pk])
    assert client.get(votes).status_code == 404
    refused = client.post(motion_form, {"text": "X", "mover": family.pk, "item": secret.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert not Motion.objects.filter(text="X").exists()


def test_accepting_a_confidential_item_without_a_seat_is_not_found_and_recorded(
    client, meeting_with_secrets
):
    state, chair, meeting, *_ = meeting_with_secrets
    member = f.StaffFactory()
    seat(state, "school", member)
    item = actions.suggest_item(member, meeting, title="A family's story", is_confidential=True)
    url = reverse("agenda_accept", args=[state.slug, meeting.pk, item.pk])
    outside = admin()
    client.force_login(outside)
    assert client.post(url).status_code == 404
    item.refresh_from_db()
    assert item.status == "suggested"
    refused = AuditEvent.objects.filter(action="access.denied", actor=outside)
    assert list(refused.values_list("object_id", flat=True)) == [str(item.pk)]
    assert not AuditEvent.objects.filter(action="agenda.accept").exists()
    client.force_login(chair)
    assert client.post(url).status_code == 302
    item.refresh_from_db()
    assert item.status == "on_agenda"
