"""The confirmation e-mail: in the registrant's language, with the training as an .ics file
that icalendar reads back, and the waitlist said plainly."""

import pytest
from icalendar import Calendar

from soc.trainings import actions
from soc.trainings.calendar import invitation

from .builders import hosted_body, training

pytestmark = pytest.mark.django_db


def test_the_ics_parses_and_says_when_and_where():
    body, *_rest = hosted_body()
    t = training(body)
    cal = Calendar.from_ical(invitation(t))
    (event,) = cal.walk("VEVENT")
    assert event["summary"] == t.title
    assert event.decoded("dtstart") == t.starts_at.replace(microsecond=0)
    assert event.decoded("dtend") == t.ends_at.replace(microsecond=0)
    assert str(event["location"]) == "Wake County Library"
    assert cal.walk("VTIMEZONE")[0]["tzid"] == "America/New_York"
    # Published for information, from the platform's address in the host's name: no replies.
    assert cal["method"] == "PUBLISH" and "attendee" not in event
    assert event["organizer"].params["cn"] == body.name


def test_the_confirmation_is_in_spanish_with_the_ics_and_a_cancel_link(
    mailoutbox, django_capture_on_commit_callbacks
):
    body, *_rest = hosted_body()
    t = training(body, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        actions.register(None, t, name="Ana", email="ana@example.org", language="es")
        actions.register(None, t, name="Bea", email="bea@example.org", language="en")
    spanish, english = mailoutbox
    assert spanish.subject.startswith("Está inscrito")
    assert "/trainings/cancel/" in spanish.body
    (name, content, mimetype) = spanish.attachments[0]
    assert name == "training.ics" and mimetype.startswith("text/calendar")
    assert Calendar.from_ical(content).walk("VEVENT")[0]["summary"] == t.title
    assert english.subject.startswith("You are on the waitlist")


def test_the_first_on_the_waitlist_is_told_when_a_place_opens(
    mailoutbox, django_capture_on_commit_callbacks
):
    body, *_rest = hosted_body()
    t = training(body, capacity=1)
    first = actions.register(None, t, name="Ana", email="ana@example.org")
    actions.register(None, t, name="Bea", email="bea@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_registration(None, first)
    (mail,) = mailoutbox
    assert mail.to == ["bea@example.org"] and "a place opened" in mail.body


def test_everyone_given_one_of_the_new_places_is_told_in_their_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    body, chair, _member = hosted_body()
    t = training(body, capacity=1, created_by=chair)
    for name, language in (("Ana", "en"), ("Bea", "es"), ("Cruz", "en"), ("Dee", "en")):
        actions.register(None, t, name=name, email=f"{name.lower()}@example.org", language=language)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.change_training(chair, t, version=t.version, capacity=3)
    spanish, english = mailoutbox
    assert spanish.to == ["bea@example.org"] and "se abrió un lugar" in spanish.body
    assert english.to == ["cruz@example.org"] and "a place opened" in english.body


def test_a_cancelled_training_tells_registrants_once_not_on_every_later_edit(
    mailoutbox, django_capture_on_commit_callbacks
):
    body, chair, _member = hosted_body()
    t = training(body, capacity=5, created_by=chair)
    actions.register(None, t, name="Ana", email="ana@example.org")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        t = actions.change_training(chair, t, version=t.version, status="cancelled")
    assert len(mailoutbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        actions.change_training(chair, t, version=t.version, status="cancelled", place="Online")
    assert len(mailoutbox) == 1
