import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from soc import factories as f
from soc.teams.models import Meeting

pytestmark = pytest.mark.django_db


def _pdf_text(response):
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def test_meeting_summary_pdf_in_the_readers_language_with_part2_notice(client, cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes="Plan de recuperación", category="substance_use", author=cast.facilitator
    )
    client.force_login(cast.caregiver)  # Spanish
    response = client.get(reverse("meeting_pdf", args=[cast.family.pk, cast.meeting.pk]))
    text = _pdf_text(response)
    assert response["Content-Type"] == "application/pdf"
    assert "Plan de recuperación" in text and "42 CFR" in text and "Reunión del equipo" in text


def test_export_guards_against_formula_injection_and_carries_the_notice(client, cast):
    Meeting.objects.filter(pk=cast.meeting.pk).update(
        notes='=HYPERLINK("http://evil")', category="substance_use", author=cast.facilitator
    )
    client.force_login(cast.facilitator)
    url = reverse("family_export", args=[cast.family.pk]) + "?lang=en"
    book = load_workbook(io.BytesIO(client.get(url).content))
    assert book.sheetnames[0] == "Notice" and "42 CFR" in book["Notice"]["A2"].value
    notes = [row[8] for row in book["Meetings"].iter_rows(min_row=3, values_only=True)]
    assert notes == ['\'=HYPERLINK("http://evil")']
    assert book["Meetings"]["I3"].data_type == "s"


def test_export_without_protected_notes_has_no_notice(client, cast):
    client.force_login(cast.facilitator)
    book = load_workbook(
        io.BytesIO(client.get(reverse("family_export", args=[cast.family.pk])).content)
    )
    assert "Notice" not in book.sheetnames and "Aviso" not in book.sheetnames


def _search_queries(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("search") + "?q=Room").status_code == 200
    return len(ctx.captured_queries)


def test_search_finds_only_my_families_and_costs_a_fixed_number_of_queries(client, cast):
    other = f.TeamFactory()
    f.MeetingFactory(team=other, agenda="Room 5", called_by=other.started_by)
    Meeting.objects.filter(pk=cast.meeting.pk).update(agenda="Room 2")
    client.force_login(cast.member)
    page = client.get(reverse("search") + "?q=Room").content.decode()
    assert reverse("meeting", args=[cast.family.pk, cast.meeting.pk]) in page
    assert other.family.display_name not in page
    small = _search_queries(client, cast.member)
    for i in range(6):
        team = f.TeamFactory()
        f.MembershipFactory(team=team, user=cast.member)
        f.MeetingFactory(
            team=team,
            agenda=f"Room {i}",
            called_by=team.started_by,
            starts_at=timezone.now() + timedelta(days=i + 1),
        )
    assert _search_queries(client, cast.member) == small
