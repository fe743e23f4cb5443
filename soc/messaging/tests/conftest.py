import re

import pytest
from django.core import mail

from soc.families.models import Person
from soc.teams.models import NextStep
from soc.texting import backends


def case_details(family):
    """Everything about a family a text or reminder must never carry."""
    words = {family.display_name}
    for person in Person.objects.filter(family=family):
        words |= {person.first_name, person.last_name, person.full_name}
    for step in NextStep.objects.filter(family=family):
        words.add(step.description)
    for meeting in family.team.meetings.all():
        words |= {meeting.place, meeting.agenda, meeting.notes, meeting.decisions}
    return {w for w in words if w}


def _leaked(details, text):
    # Whole words only: "Ana" is a child's name, and also the end of "mañana".
    return [d for d in details if re.search(rf"\b{re.escape(d)}\b", text, re.IGNORECASE)]


@pytest.fixture
def no_case_details():
    """Call at the end of a test: checks every text and e-mail sent during it."""

    def check(family, *, texts_expected=True, emails=True):
        details = case_details(family)
        assert not texts_expected or backends.outbox, "expected texts to check"
        for text in backends.outbox:
            leaked = _leaked(details, text.body)
            assert leaked == [], f"text carries case details {leaked}: {text.body!r}"
        for email in mail.outbox if emails else []:
            # An e-mail greets its reader by name; anything else about the family must not be there.
            body = email.body
            for member in family.team.memberships.filter(email__in=email.to):
                body = body.replace(member.name, "")
            leaked = _leaked(details, email.subject + body)
            assert leaked == [], f"e-mail carries case details {leaked}: {email.body!r}"

    return check
