"""An officer marks an action item done, drops it or opens it again from the meeting page; a
stale click overwrites nothing; a member without an office cannot."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from soc.audit.models import AuditEvent
from soc.collaboratives import actions
from soc.collaboratives.models import ActionItem

from .builders import governance

pytestmark = pytest.mark.django_db


@pytest.fixture
def g():
    g = governance()
    g.action = actions.add_action_item(
        g.chair, g.meeting, text="Ask DHHS for the respite data", owner="Al"
    )
    return g


def _url(g):
    return reverse("action_item_status", args=[g.state.slug, g.meeting.pk, g.action.pk])


def test_an_officer_marks_it_done_from_the_meeting_page_and_opens_it_again(client, g):
    client.force_login(g.chair)
    page = client.get(g.meeting.get_absolute_url()).content.decode()
    assert "Mark it done" in page and "Drop it" in page
    response = client.post(_url(g), {"status": "done", "version": 1})
    assert response.status_code == 302 and response["Location"] == g.meeting.get_absolute_url()
    done = ActionItem.objects.get(pk=g.action.pk)
    assert (done.status, done.version) == ("done", 2)
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["The action item is done."]
    assert AuditEvent.objects.filter(action="action_item.update", actor=g.chair).exists()
    assert "Open it again" in client.get(g.meeting.get_absolute_url()).content.decode()
    client.post(_url(g), {"status": "open", "version": 2})
    assert ActionItem.objects.get(pk=g.action.pk).status == "open"


def test_a_click_on_a_page_someone_else_changed_since_overwrites_nothing(client, g):
    actions.update_action_item(g.officer, g.action, status="dropped", version=1)
    client.force_login(g.chair)
    response = client.post(_url(g), {"status": "done", "version": 1}, follow=True)
    assert ActionItem.objects.get(pk=g.action.pk).status == "dropped"
    assert "Someone else changed this" in response.content.decode()


def test_a_member_without_an_office_and_the_public_cannot_change_it(client, g):
    client.force_login(g.member)
    assert "Mark it done" not in client.get(g.meeting.get_absolute_url()).content.decode()
    assert client.post(_url(g), {"status": "done", "version": 1}).status_code in (403, 404)
    client.logout()
    response = client.post(_url(g), {"status": "done", "version": 1})
    assert response.status_code == 302 and "sign-in" in response["Location"]
    assert ActionItem.objects.get(pk=g.action.pk).status == "open"


def test_a_status_that_is_not_offered_gets_a_clear_message(client, g):
    client.force_login(g.chair)
    response = client.post(_url(g), {"status": "finished", "version": 1}, follow=True)
    assert "Choose open, done or dropped." in response.content.decode()
    assert ActionItem.objects.get(pk=g.action.pk).status == "open"
