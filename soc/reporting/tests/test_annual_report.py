"""Annual report drafts: the figures in the XLSX and the PDF, the period, who may download,
and that nothing in them names a person or shows a confidential item."""

import io
from datetime import datetime

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from soc import factories as f
from soc.audit.models import AuditEvent
from soc.collaboratives.models import Barrier, GovMeeting
from soc.collaboratives.tests.builders import body, seat
from soc.reporting import annual

from .builders import BARRIER, CASE_REVIEW, ccpt_year, unmet_needs

pytestmark = pytest.mark.django_db


def _download(client, user, slug, year, fmt):
    client.force_login(user)
    url = reverse("annual_report_download", args=[slug, year, fmt])
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response.content


def _rows(book, sheet):
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def _pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_xlsx_opens_with_openpyxl_and_holds_the_expected_figures(client):
    ccpt, holder = ccpt_year()
    book = openpyxl.load_workbook(io.BytesIO(_download(client, holder, ccpt.slug, 2025, "xlsx")))
    assert book.sheetnames[0] == "Cover"
    cover = {r[0]: r[1] for r in _rows(book, "Cover")[2:]}
    assert cover["Body"] == "Wake County CCPT"
    assert cover["Period"] == "Calendar year 2025 (Jan. 1, 2025 to Dec. 31, 2025)"
    assert cover["Status"] == "Draft" and "Draft built from the records" in cover["Note"]
    assert cover["Report"] == "Everything the platform can fill in"
    meetings = _rows(book, "Meetings held")
    # Three a quarter: each is "fewer than 10"; the year's 12 is shown. 2026's is left out.
    assert meetings[3] == ["Meetings", *["fewer than 10"] * 4, 12]
    assert meetings[6][:2] == ["Minutes approved", 12]
    reviews = _rows(book, "Child fatality and CCPT case re")
    assert reviews[3][:2] == ["Confidential items, such as case reviews", "fewer than 10"]
    attendance = _rows(book, "Attendance by seat type")
    assert attendance[2] == ["Seat type", "Present", "Absent", "Excused", "Total"]
    # The family seat missed one meeting: suppressed, and the cells that would give it away hidden.
    assert attendance[3] == ["Family member", "hidden", "fewer than 10", 0, "hidden"]
    assert attendance[6] == ["Total", 23, 13, 0, 36]
    partnership = {r[0]: r[1:3] for r in _rows(book, "Family participation share")[3:] if r[0]}
    assert partnership["Seats held"][0] == "fewer than 10"
    assert partnership["Family and youth seats expected at meetings"] == [12, None]
    assert partnership["Family and youth seats present at meetings"] == [11, "92%"]
    barriers = _rows(book, "Barriers raised")
    assert ["Sent to the State Collaborative", "fewer than 10"] in [r[:2] for r in barriers]
    assert BARRIER in [r[0] for r in barriers]
    assert "To fill in by hand" not in book.sheetnames
    event = AuditEvent.objects.get(action="reporting.annual_report_download")
    assert event.object_id == str(ccpt.pk) and event.detail == {"year": 2025, "format": "xlsx"}


def test_the_pdf_text_shows_the_figures(client):
    ccpt, holder = ccpt_year()
    text = _pdf_text(_download(client, holder, ccpt.slug, 2025, "pdf"))
    assert "Wake County CCPT: annual report (draft)" in text
    assert "Calendar year 2025 (Jan. 1, 2025 to Dec. 31, 2025)" in text
    assert "Minutes approved 12" in text
    assert "Meetings fewer than 10 fewer than 10 fewer than 10 fewer than 10 12" in text
    assert "Total 23 13 0 36" in text


def test_a_jcpc_reports_on_the_north_carolina_fiscal_year():
    jcpc = body("jcpc", name="Wake County JCPC", slug="wake-jcpc")
    for when in [(2025, 6, 30), (2025, 7, 1), (2026, 6, 30), (2026, 7, 1)]:
        starts = timezone.make_aware(datetime(*when, 12, 0))
        GovMeeting.objects.create(collaborative=jcpc, starts_at=starts)
    report = annual.build(jcpc, 2025)
    assert report.period.label == "Fiscal year 2025–26 (July 1, 2025 to June 30, 2026)"
    held = report.sections[0].tables[0].rows[0]
    assert [str(c) for c in held] == [
        "Meetings",
        "fewer than 10",
        "0",
        "0",
        "fewer than 10",
        "fewer than 10",
    ]


def test_nothing_in_the_drafts_names_a_person_or_a_confidential_item(client, cast):
    ccpt, holder = ccpt_year()
    unmet_needs(cast)
    xlsx = openpyxl.load_workbook(io.BytesIO(_download(client, holder, ccpt.slug, 2025, "xlsx")))
    cells = " ".join(
        str(v) for ws in xlsx.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )
    text = _pdf_text(_download(client, holder, ccpt.slug, 2025, "pdf"))
    names = [
        CASE_REVIEW,
        "Alvarez",
        "Fe Familia",
        "Al Agency",
        "Sol School",
        cast.family.display_name,
        cast.child.first_name,
        cast.facilitator.full_name,
        "Therapist for",
    ]
    for output in (cells, text):
        assert "Unmet needs" in output
        for name in names:
            assert name not in output
    unmet = _rows(xlsx, "Unmet needs by county")
    assert unmet[2] == ["Why unmet", "Wake", "Total"]
    # One waiting-list need (counted as "no room", as referrals say it) is suppressed; the 12
    # language needs are hidden with it.
    assert ["No room (no capacity)", "fewer than 10", "fewer than 10"] in unmet
    assert ["Not offered in the family's language", "hidden", "hidden"] in unmet


def test_only_seat_holders_the_state_and_admins_may_download(client, cast):
    ccpt, holder = ccpt_year()
    state = body("state", name="State Collaborative", slug="state")
    state_member = f.UserFactory()
    seat(state, "family", state_member)
    other = body("community", name="Wake CC", slug="wake-cc")
    other_member = f.UserFactory()
    seat(other, "agency", other_member)
    url = reverse("annual_report_download", args=[ccpt.slug, 2025, "xlsx"])
    page = reverse("annual_report", args=[ccpt.slug])
    for outsider in (cast.other_org_staff, cast.facilitator, cast.caregiver, other_member):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.get(page).status_code == 404
    for insider in (holder, state_member, cast.superuser):
        client.force_login(insider)
        assert client.get(url).status_code == 200
        assert client.get(page).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302  # to sign in


def test_building_a_draft_costs_a_fixed_number_of_queries():
    ccpt, _holder = ccpt_year()
    with CaptureQueriesContext(connection) as few:
        annual.build(ccpt, 2025)
    more = ccpt_year_again(ccpt)
    assert more
    with CaptureQueriesContext(connection) as many:
        annual.build(ccpt, 2025)
    assert len(many) == len(few)


def ccpt_year_again(ccpt):
    """Twice the meetings, more barriers, a work group with a family chair."""
    starts = timezone.make_aware(datetime(2025, 3, 3, 12, 0))
    for _n in range(12):
        GovMeeting.objects.create(collaborative=ccpt, starts_at=starts)
    for n in range(5):
        made = Barrier.objects.create(body=ccpt, description=f"Barrier {n}")
        Barrier.objects.filter(pk=made.pk).update(created_at=starts)
    for n in range(3):
        wg = body("work_group", name=f"WG {n}", slug=f"wg-{n}", parent=ccpt)
        seat(wg, "family", f.UserFactory(), office="chair")
    return True


def test_a_year_no_report_can_cover_is_a_404_not_an_error(client):
    ccpt, holder = ccpt_year()
    client.force_login(holder)
    page = reverse("annual_report", args=[ccpt.slug])
    assert client.get(page, {"year": "2025"}).status_code == 200
    for year in ("0", "10000", "-3"):
        assert client.get(page, {"year": year}).status_code == 404
    assert client.get(page, {"year": "soon"}).status_code == 200  # the last period that ended
