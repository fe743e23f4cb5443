"""Registering: a place while there is room, then the waitlist; once per person; cancelling
or more places give them to the first on the waitlist; closed trainings refuse."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from soc.audit.models import AuditEvent
from soc.trainings import actions
from soc.trainings.models import Registration, Training

from .builders import hosted_body, training

pytestmark = pytest.mark.django_db


def _register(t, name, email="", phone="", user=None, request=None, **extra):
    return actions.register(user, t, name=name, email=email, phone=phone, request=request, **extra)


@pytest.fixture
def small(db):
    body, chair, member = hosted_body()
    return training(body, capacity=2)


def test_registrants_get_places_until_it_is_full_then_the_waitlist(small):
    first = _register(small, "Ana", "ana@example.org")
    second = _register(small, "Bea", phone="919-555-0101")
    third = _register(small, "Cruz", "cruz@example.org")
    assert [first.status, second.status, third.status] == ["registered", "registered", "waitlisted"]
    assert small.taken() == 2 and small.is_full()


def test_the_same_email_cannot_register_twice_whatever_its_case(small):
    _register(small, "Ana", "ana@example.org")
    with pytest.raises(ValidationError, match="already registered"):
        _register(small, "Ana again", "ANA@example.org ")
    assert small.registrations.count() == 1


def test_the_same_phone_or_account_cannot_register_twice(small):
    from soc import factories as f

    _register(small, "Bea", phone="919-555-0101")
    with pytest.raises(ValidationError):
        _register(small, "Bea", phone="919-555-0101")
    user = f.UserFactory()
    actions.register(user, small)
    with pytest.raises(ValidationError):
        actions.register(user, small)


def test_a_registrant_gives_an_email_or_a_phone(small):
    with pytest.raises(ValidationError) as error:
        _register(small, "Ana")
    assert "email" in error.value.error_dict


def test_cancelling_a_place_gives_it_to_the_first_on_the_waitlist(small):
    first = _register(small, "Ana", "ana@example.org")
    _register(small, "Bea", "bea@example.org")
    waiting = _register(small, "Cruz", "cruz@example.org")
    later = _register(small, "Dee", "dee@example.org")
    actions.cancel_registration(None, first)
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert waiting.status == "registered" and later.status == "waitlisted"
    assert small.taken() == 2
    # Cancelled, the address may register again (on the waitlist now).
    assert _register(small, "Ana", "ana@example.org").status == "waitlisted"


def test_cancelling_from_the_waitlist_moves_no_one_up(small):
    _register(small, "Ana", "ana@example.org")
    _register(small, "Bea", "bea@example.org")
    waiting = _register(small, "Cruz", "cruz@example.org")
    later = _register(small, "Dee", "dee@example.org")
    actions.cancel_registration(None, waiting)
    later.refresh_from_db()
    assert later.status == "waitlisted"


@pytest.fixture
def full(db):
    """Two places taken (Ana, Bea) and three on the waitlist (Cruz, Dee, Eve); and its chair."""
    body, chair, _member = hosted_body()
    t = training(body, capacity=2, created_by=chair)
    for name in ("Ana", "Bea", "Cruz", "Dee", "Eve"):
        _register(t, name, f"{name.lower()}@example.org")
    return t, chair


def _statuses(t):
    return dict(t.registrations.values_list("name", "status"))


def test_more_places_go_to_the_first_on_the_waitlist_in_order(full):
    t, chair = full
    actions.change_training(chair, t, version=t.version, capacity=4)
    assert _statuses(t) == {"Ana": "registered", "Bea": "registered", "Cruz": "registered",
                            "Dee": "registered", "Eve": "waitlisted"}  # fmt: skip
    promoted = AuditEvent.objects.filter(action="training.waitlist_promote")
    moved = Registration.objects.filter(
        pk__in=[int(pk) for pk in promoted.values_list("object_id", flat=True)]
    )
    assert sorted(moved.values_list("name", flat=True)) == ["Cruz", "Dee"]
    t = Training.objects.get(pk=t.pk)
    actions.change_training(chair, t, version=t.version, capacity=10)
    assert set(_statuses(t).values()) == {"registered"} and t.registrations.count() == 5


def test_fewer_places_or_a_cancelled_training_move_no_one(full):
    t, chair = full
    t = actions.change_training(chair, t, version=t.version, capacity=1)
    assert list(_statuses(t).values()).count("registered") == 2  # no one loses a place
    actions.change_training(chair, t, version=t.version, capacity=5, status="cancelled")
    assert list(_statuses(t).values()).count("waitlisted") == 3


def test_the_new_places_are_given_in_the_same_transaction_as_the_change(full, monkeypatch):
    t, chair = full

    def broken(registration, promoted=False):
        raise RuntimeError("the mail queue is down")

    monkeypatch.setattr(actions.notifications, "registration_confirmed", broken)
    with pytest.raises(RuntimeError):
        actions.change_training(chair, t, version=t.version, capacity=4)
    assert Training.objects.get(pk=t.pk).capacity == 2
    assert list(_statuses(t).values()).count("waitlisted") == 3


def test_a_cancelled_or_past_training_takes_no_registrations(small):
    Training.objects.filter(pk=small.pk).update(status="cancelled")
    small.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        _register(small, "Ana", "ana@example.org")
    assert not Registration.objects.exists()


def test_members_only_trainings_refuse_the_public(db):
    body, chair, member = hosted_body()
    private = training(body, is_public=False)
    with pytest.raises(PermissionDenied):
        _register(private, "Ana", "ana@example.org")
    assert actions.register(member, private).status == "registered"


def test_one_address_may_register_only_a_few_times_an_hour(small):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    other = training(small.collaborative, capacity=50, title="Another")
    for n in range(actions.RATE_LIMIT):
        _register(other, f"P{n}", f"p{n}@example.org", request=request)
    with pytest.raises(actions.TooManyRegistrations):
        _register(small, "One more", "more@example.org", request=request)
    elsewhere = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
    assert _register(small, "Fine", "fine@example.org", request=elsewhere).status == "registered"


def test_registering_is_audited_without_the_persons_details(small):
    registration = _register(small, "Ana", "ana@example.org")
    event = AuditEvent.objects.get(action="training.register")
    assert event.object_id == str(registration.pk) and event.family_id is None
    assert "ana@example.org" not in str(event.detail)


def test_a_registration_cannot_be_cancelled_once_the_training_was_held(small):
    registration = _register(small, "Ana", "ana@example.org")
    Training.objects.filter(pk=small.pk).update(status=Training.Status.HELD)
    with pytest.raises(ValidationError):
        actions.cancel_registration(None, registration)
    assert Registration.objects.get(pk=registration.pk).status == "registered"


def test_the_address_is_kept_only_as_a_keyed_hash(small):
    import hashlib

    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    registration = _register(small, "Ana", "ana@example.org", request=request)
    source = Registration.objects.get(pk=registration.pk).source
    assert source and "203.0.113.9" not in source
    assert source != hashlib.sha256(b"203.0.113.9").hexdigest()  # not reversible by brute force
