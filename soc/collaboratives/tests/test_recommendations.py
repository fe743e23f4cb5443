"""A recommendation with two agency responses, tracked to completion; the public tracker and feed."""

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from soc import factories as f
from soc.collaboratives import actions

from .builders import state_with_seats

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def adopted():
    state, chair, _agency = state_with_seats()
    dss = f.OrganizationFactory(name="NC DSS")
    dpi = f.OrganizationFactory(name="NC DPI", kind="school")
    rec = actions.draft_recommendation(
        chair,
        state,
        title="One release form for all agencies",
        topic="coordination",
        text="Agencies accept one shared release form.",
        agencies=[dss, dpi],
    )
    return state, chair, rec, dss, dpi


def test_two_agency_responses_and_milestones_carry_it_to_completion(client, adopted):
    state, chair, rec, dss, dpi = adopted
    actions.move_recommendation(chair, rec, status="adopted")
    dss_staff = f.StaffFactory(organization=dss)
    client.force_login(dss_staff)
    url = reverse("agency_response", args=[rec.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"organization": dss.pk, "answer": "accept", "commitments": "Use it by June"})
    with pytest.raises(ValidationError):  # declining in part needs reasons
        actions.respond(chair, rec, organization=dpi, answer="accept_in_part")
    actions.respond(chair, rec, organization=dpi, answer="accept_in_part", reasons="Schools only")
    with pytest.raises(PermissionDenied):  # DSS staff cannot answer for DPI
        actions.respond(dss_staff, rec, organization=dpi, answer="decline", reasons="x")
    one = actions.add_milestone(chair, rec, title="Form drafted")
    two = actions.add_milestone(chair, rec, title="Form in use")
    actions.move_recommendation(chair, rec, status="in_implementation")
    actions.complete_milestone(chair, one)
    rec.refresh_from_db()
    assert rec.progress() == 50
    actions.post_update(chair, rec, text="Half way", review_on=None)
    actions.complete_milestone(chair, two)
    rec = actions.move_recommendation(chair, rec, status="implemented")
    assert rec.progress() == 100 and rec.responses.count() == 2
    with pytest.raises(ValidationError):
        actions.move_recommendation(chair, rec, status="withdrawn")


def test_drafts_stay_off_the_public_tracker_and_feed(client, adopted):
    _state, chair, rec, *_ = adopted
    assert rec.title not in client.get(reverse("recommendation_tracker")).content.decode()
    assert client.get(rec.get_absolute_url()).status_code == 404
    client.force_login(chair)
    assert rec.title in client.get(reverse("recommendation_tracker")).content.decode()


def test_the_tracker_and_its_atom_feed_show_progress(client, adopted):
    _state, chair, rec, dss, _dpi = adopted
    actions.move_recommendation(chair, rec, status="adopted")
    actions.add_milestone(chair, rec, title="Drafted")
    actions.respond(chair, rec, organization=dss, answer="accept")
    page = client.get(reverse("recommendation_tracker")).content.decode()
    assert rec.title in page and "NC DSS: Accept" in page and "Progress: 0%" in page
    feed = client.get(reverse("recommendation_feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.content)  # noqa: S314  # our own response, in a test
    titles = [e.find(f"{ATOM}title").text for e in root.iter(f"{ATOM}entry")]
    assert titles == [f"{rec.title} (Adopted)"]


def test_only_the_state_collaborative_makes_recommendations(adopted):
    from .builders import body

    local = body()
    chair = f.StaffFactory()
    from .builders import seat

    seat(local, "agency", chair, office="chair")
    with pytest.raises(ValidationError):
        actions.draft_recommendation(chair, local, title="X", topic="funding", text="Y")


def test_a_status_change_on_the_page_after_someone_elses_says_so_and_saves_nothing(client, adopted):
    state, chair, rec, *_ = adopted
    url = reverse("recommendation_move", args=[rec.pk])
    client.force_login(chair)
    assert 'name="version" value="1"' in client.get(url).content.decode()
    agency_chair = state.seats.get(seat_type="agency").terms.get().user
    actions.move_recommendation(agency_chair, rec, status="adopted", version=1)
    stale = client.post(url, {"status": "withdrawn", "version": 1})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Someone else changed this" in page and "Nothing was saved" in page
    assert f'href="{url}"' in page  # the way to the latest version
    rec.refresh_from_db()
    assert (rec.status, rec.version) == ("adopted", 2)
    assert client.post(url, {"status": "in_implementation", "version": 2}).status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.version) == ("in_implementation", 3)
