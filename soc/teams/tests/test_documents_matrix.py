"""Every document (meeting PDF, family spreadsheet, meeting .ics, calendar feed, consent PDF)
for every relation in the access matrix: no 5xx, the chosen language, protected items left out.

The meeting's notes are substance-use notes written by the facilitator and its next step is an
education record, with no consent for either: the family and the writer read them, the other
team member gets the documents without them, and nobody outside the team gets anything.
"""

import io

import pytest
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from soc import factories as f
from soc.teams.models import Attendance, Meeting

pytestmark = pytest.mark.django_db

INSIDERS = ("caregiver", "youth", "facilitator", "member")
OUTSIDERS = ("proposed", "removed", "same_org_staff", "other_org_staff", "org_admin", "superuser")
EVERYONE = INSIDERS + OUTSIDERS + ("anonymous",)
READS_PROTECTED = {"caregiver", "youth", "facilitator"}
SECRETS = ("SECRETNOTES", "SECRETDECISION", "SECRETSTEP")
DOCUMENTS = ("meeting_pdf", "family_export", "consent_pdf", "meeting_ics")
# What each language calls the document's heading: (English, Spanish).
WORDS = {
    "meeting_pdf": ("Team meeting", "Reunión del equipo"),
    "family_export": ("Meetings", "Reuniones"),
    "consent_pdf": ("Consent to share information", "Consentimiento para compartir información"),
    "meeting_ics": ("Child and Family Team meeting", "Reunión del Equipo de Niños y Familia"),
}


@pytest.fixture
def protected(cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="SECRETNOTES", decisions="SECRETDECISION", category="substance_use",
        author=cast.facilitator,
    )  # fmt: skip
    cast.meeting.refresh_from_db()
    f.NextStepFactory(
        team=cast.team,
        meeting=cast.meeting,
        description="SECRETSTEP",
        responsible=cast.member_membership,
        author=cast.facilitator,
        category="education",
    )
    Attendance.objects.create(
        meeting=cast.meeting, membership=cast.caregiver_membership, status="present"
    )
    return cast


def _url(name, cast):
    if name == "family_export":
        return reverse(name, args=[cast.family.pk])
    if name == "consent_pdf":
        return reverse(name, args=[cast.family.pk, cast.consent.pk])
    return reverse(name, args=[cast.family.pk, cast.meeting.pk])


def _text(name, response):
    if name in ("meeting_pdf", "consent_pdf"):
        reader = PdfReader(io.BytesIO(response.content))
        return " ".join(page.extract_text() for page in reader.pages)
    if name == "family_export":
        book = load_workbook(io.BytesIO(response.content))
        cells = [" ".join(book.sheetnames)]
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells.extend(str(value) for value in row if value is not None)
        return " ".join(cells)
    cal = Calendar.from_ical(response.content)
    return " ".join(str(e["summary"]) + " " + str(e["description"]) for e in cal.walk("VEVENT"))


@pytest.mark.parametrize("relation", EVERYONE)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_for_each_relation(client, protected, name, relation):
    cast = protected
    user = getattr(cast, relation)
    if user is not None:
        client.force_login(user)
    for lang in ("", "?lang=en", "?lang=es"):
        response = client.get(_url(name, cast) + lang)
        assert response.status_code < 500, (name, relation, lang)
        if relation == "anonymous":
            assert response.status_code == 302 and response.url.startswith(reverse("login"))
            continue
        if relation in OUTSIDERS:
            assert response.status_code == 404
            assert cast.family.display_name not in response.content.decode(errors="ignore")
            continue
        assert response.status_code == 200, (name, relation, lang)
        text = _text(name, response)
        english, spanish = WORDS[name]
        if name == "meeting_ics":
            # The calendar speaks the reader's language (only the caregiver reads Spanish).
            expected = spanish if user.language == "es" else english
        else:
            # Documents: the language chosen at export, else the family's (Spanish).
            expected = english if lang == "?lang=en" else spanish
        assert expected in text, (name, relation, lang)
        if name in ("meeting_pdf", "family_export"):
            for secret in SECRETS:
                assert (secret in text) == (relation in READS_PROTECTED), (secret, relation)
        if name == "meeting_pdf" and relation in READS_PROTECTED - {"caregiver", "youth"}:
            assert "42 CFR" in text  # substance-use notes shown outside the family


@pytest.mark.parametrize("relation", INSIDERS + OUTSIDERS)
def test_calendar_feed_for_each_relation(client, protected, relation):
    cast = protected
    user = getattr(cast, relation)
    response = client.get(reverse("calendar_feed", args=[user.new_calendar_feed()]))
    assert response.status_code == 200
    cal = Calendar.from_ical(response.content)
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert (f"meeting-{cast.meeting.uid}@soc" in uids) == (relation in INSIDERS)
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body  # a feed says when and where, never what about
    if relation in INSIDERS:
        english, spanish = WORDS["meeting_ics"]
        assert (spanish if user.language == "es" else english) in _text("meeting_ics", response)


def test_calendar_feed_without_a_valid_secret_is_not_found(client):
    assert client.get(reverse("calendar_feed", args=["not-a-token"])).status_code == 404
