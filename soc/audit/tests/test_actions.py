"""The registry of audit actions: every action is named once, with its kind and its words."""

import re
from pathlib import Path

import pytest

from soc.audit import actions
from soc.audit.actions import Kind, UnknownAction
from soc.audit.log import record
from soc.audit.models import AuditEvent

SOC = Path(__file__).resolve().parents[2]
# record(user, "x", ...), audit_view(request, "x", ...), family_for(..., audit="x")
LITERAL_ACTIONS = re.compile(
    r"""(?:\brecord\(\s*[\w.]+,\s*|\baudit_view\(\s*request,\s*|\baudit=|_consent\(request, """
    r"""family_id, consent_id, )"([a-z_.]+)\"""",
    re.S,
)


@pytest.mark.django_db
def test_record_refuses_an_unregistered_action_and_writes_nothing():
    with pytest.raises(UnknownAction, match="soc/audit/actions.py"):
        record(None, "family.peek", ("families.family", "1"), family_id=1)
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_recorded_event_carries_the_kind_from_the_registry():
    assert record(None, "family.view", family_id=1).kind == Kind.READ
    assert record(None, "meeting.convene", family_id=1).kind == Kind.CHANGE
    assert record(None, "disclosure", family_id=1).kind == Kind.DISCLOSURE


def test_every_action_named_in_the_code_is_registered():
    named = set()
    for path in SOC.rglob("*.py"):
        if "tests" not in path.parts and "migrations" not in path.parts:
            named |= set(LITERAL_ACTIONS.findall(path.read_text()))
    assert len(named) > 40  # the pattern still finds the calls
    assert named - set(actions.REGISTRY) == set()


def test_every_read_a_family_sees_has_plain_words_and_every_timeline_entry_is_a_change():
    for action in actions.REGISTRY.values():
        if action.looked:
            assert action.kind == Kind.READ, action.name
        if action.timeline:
            assert action.kind == Kind.CHANGE, action.name
    assert str(actions.looked_wording("family.view")) == "Opened the team page"
    assert actions.looked_wording("retired.action") == actions.LOOKED_DEFAULT


def test_an_action_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="twice"):
        actions.register("family.view", Kind.READ)
