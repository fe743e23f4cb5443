"""Enter once, report many times: each reporting requirement gets a draft holding exactly the
data items it names (XLSX, PDF, page and API alike), and the items the platform does not hold
listed to fill in by hand."""

import io

import openpyxl
import pytest
from django.urls import reverse
from pypdf import PdfReader

from soc.api.testing import ApiClient
from soc.audit.models import AuditEvent
from soc.collaboratives.tests.builders import admin, body
from soc.reporting import actions, annual
from soc.reporting.models import DataItem

from .builders import BARRIER, ccpt_year, unmet_needs

pytestmark = pytest.mark.django_db

# Sheet names stop at 31 characters, Excel's limit.
CASE_REVIEWS_SHEET = "Child fatality and CCPT case re"
SEATS_SHEET = "Seats and vacancies by seat typ"
CHAIRS_SHEET = "Family member as chair or co-ch"


def _requirement(collaborative=None, codes=(), **fields):
    return actions.add_requirement(
        admin(),
        title=fields.pop("title", "CCPT report to the commissioners"),
        collaborative=collaborative,
        recipient=fields.pop("recipient", "Wake County Board of Commissioners"),
        frequency="annual",
        data_items=list(DataItem.objects.filter(code__in=codes)),
        **fields,
    )


@pytest.fixture
def asked():
    """The Wake CCPT's year and a requirement for meetings, case reviews and two items the
    platform cannot fill (a JCPC's funded programs; the roster, since a draft names no one)."""
    ccpt, holder = ccpt_year()
    requirement = _requirement(
        ccpt,
        ["meetings_held", "case_reviews_count", "jcpc_funded_programs", "membership_roster"],
    )
    return ccpt, holder, requirement


def _get(client, user, url, **params):
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response


def _download(client, user, ccpt, fmt, requirement):
    url = reverse("annual_report_download", args=[ccpt.slug, 2025, fmt])
    return _get(client, user, url, requirement=requirement.pk).content


def _cells(book):
    return {str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row}


def _rows(book, sheet):
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def _pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_xlsx_holds_exactly_the_items_the_requirement_names(client, asked, cast):
    ccpt, holder, requirement = asked
    unmet_needs(cast)
    book = openpyxl.load_workbook(io.BytesIO(_download(client, holder, ccpt, "xlsx", requirement)))
    assert book.sheetnames == ["Cover", "Meetings held", CASE_REVIEWS_SHEET, "To fill in by hand"]
    cover = {r[0]: r[1] for r in _rows(book, "Cover")[2:]}
    assert cover["Report"] == "CCPT report to the commissioners"
    assert cover["To whom"] == "Wake County Board of Commissioners"
    assert _rows(book, "Meetings held")[3] == ["Meetings", *["fewer than 10"] * 4, 12]
    reviews = _rows(book, CASE_REVIEWS_SHEET)
    assert reviews[3][:2] == ["Confidential items, such as case reviews", "fewer than 10"]
    cells = _cells(book)
    # Nothing from the items it does not name: attendance, seats, barriers, unmet needs.
    for other in ("Present", "Seats held", "Seat type", BARRIER, "Why unmet", "Recommendation"):
        assert other not in cells
    by_hand = {r[0]: r[1] for r in _rows(book, "To fill in by hand")[4:]}
    assert set(by_hand) == {"JCPC funded programs", "Membership roster"}
    assert "does not hold" in by_hand["JCPC funded programs"]
    assert "names no one" in by_hand["Membership roster"]
    event = AuditEvent.objects.get(action="reporting.annual_report_download")
    assert event.detail == {"year": 2025, "format": "xlsx", "requirement": requirement.pk}


def test_the_pdf_holds_exactly_the_items_the_requirement_names(client, asked):
    ccpt, holder, requirement = asked
    text = _pdf_text(_download(client, holder, ccpt, "pdf", requirement))
    assert "CCPT report to the commissioners" in text
    assert "Meetings fewer than 10 fewer than 10 fewer than 10 fewer than 10 12" in text
    assert "Confidential items, such as case reviews fewer than 10" in text
    assert "To fill in by hand" in text and "JCPC funded programs" in text
    for other in ("Attendance by seat type", "Total 23 13 0 36", "Seats held", BARRIER):
        assert other not in text


def test_a_requirement_for_every_body_of_a_kind_gets_its_items_too(client):
    ccpt, holder = ccpt_year()
    every_ccpt = _requirement(
        body_kind="ccpt", title="Every CCPT", codes=["family_co_chair", "seats_by_type"]
    )
    book = openpyxl.load_workbook(io.BytesIO(_download(client, holder, ccpt, "xlsx", every_ccpt)))
    assert book.sheetnames == ["Cover", SEATS_SHEET, CHAIRS_SHEET]
    seats = _rows(book, SEATS_SHEET)
    assert seats[2] == ["Seat type", "Held", "Vacant", "Total"]
    # Three seats, one of each type, all held: every count is small, so "fewer than 10".
    assert seats[3] == ["Family member", "fewer than 10", 0, "fewer than 10"]
    chairs = {r[0]: r[1] for r in _rows(book, CHAIRS_SHEET)[3:] if r[0]}
    assert chairs["Chairs and co-chairs who are family members or youth"] == "fewer than 10"
    # The participation shares belong to another item.
    assert "Seats held by family members and youth" not in _cells(book)


def test_the_page_lists_the_bodys_requirements_and_what_each_draft_holds(client, asked):
    ccpt, holder, requirement = asked
    jcpc = body("jcpc", name="Wake County JCPC", slug="wake-jcpc")
    _requirement(jcpc, ["meetings_held"], title="JCPC annual plan")
    page_url = reverse("annual_report", args=[ccpt.slug])
    page = _get(client, holder, page_url).content.decode()
    assert "CCPT report to the commissioners" in page and "JCPC annual plan" not in page
    page = _get(client, holder, page_url, requirement=requirement.pk, year=2025).content.decode()
    filled = page.split("The draft fills in")[1].split("To fill in by hand")[0]
    assert "Meetings held" in filled and "Child fatality and CCPT case reviews" in filled
    assert "JCPC funded programs" not in filled
    by_hand = page.split("To fill in by hand")[1]
    assert "JCPC funded programs" in by_hand and "Membership roster" in by_hand
    xlsx = reverse("annual_report_download", args=[ccpt.slug, 2025, "xlsx"])
    assert f'href="{xlsx}?requirement={requirement.pk}"' in page


def test_another_bodys_requirement_is_a_404_on_every_door(client, asked):
    ccpt, holder, _requirement_of_ccpt = asked
    jcpc = body("jcpc", name="Wake County JCPC", slug="wake-jcpc")
    theirs = _requirement(jcpc, ["meetings_held"], title="JCPC annual plan")
    client.force_login(holder)
    page = reverse("annual_report", args=[ccpt.slug])
    download = reverse("annual_report_download", args=[ccpt.slug, 2025, "xlsx"])
    for value in (theirs.pk, 987654, "soon", -1, 2**70):
        assert client.get(page, {"requirement": value}).status_code == 404
        assert client.get(download, {"requirement": value}).status_code == 404
    api = ApiClient(holder)
    url = f"/collaboratives/{ccpt.slug}/annual-reports/2025"
    assert api.get(url, {"requirement": theirs.pk}).status_code == 404
    assert not AuditEvent.objects.filter(action="reporting.annual_report_download").exists()


def test_the_api_gives_the_same_draft_and_says_what_is_left_by_hand(client, asked):
    ccpt, holder, requirement = asked
    api = ApiClient(holder)
    url = f"/collaboratives/{ccpt.slug}/annual-reports/2025"
    answer = api.get(url, {"requirement": requirement.pk})
    assert answer.status_code == 200
    from_api = openpyxl.load_workbook(io.BytesIO(answer.content))
    from_page = openpyxl.load_workbook(
        io.BytesIO(_download(client, holder, ccpt, "xlsx", requirement))
    )
    assert from_api.sheetnames == from_page.sheetnames
    for sheet in from_api.sheetnames[1:]:
        assert _rows(from_api, sheet) == _rows(from_page, sheet)
    pdf = api.get(url, {"requirement": requirement.pk, "format": "pdf"})
    text = _pdf_text(pdf.content)
    assert "Confidential items" in text and "Attendance by seat type" not in text
    listed = {r["id"]: r for r in api.get("/reporting/requirements").json()["items"]}
    assert listed[requirement.pk]["to_fill_in_by_hand"] == [
        "jcpc_funded_programs",
        "membership_roster",
    ]


def test_without_a_requirement_the_draft_holds_everything_the_platform_fills():
    ccpt, _holder = ccpt_year()
    report = annual.build(ccpt, 2025)
    assert [s.key for s in report.sections] == list(annual.BUILDERS)
    assert report.by_hand == []


def test_trainings_held_counts_the_bodys_trainings_and_who_came(client):
    from datetime import datetime, timedelta

    from django.utils import timezone

    from soc.trainings.models import Registration
    from soc.trainings.tests.builders import training, wake

    ccpt, holder = ccpt_year()
    wake()
    when = timezone.make_aware(datetime(2025, 9, 1, 18, 0))
    later = when.replace(year=2026)
    hours = timedelta(hours=2)
    held = training(ccpt, starts_at=when, ends_at=when + hours, capacity=40)
    training(ccpt, starts_at=when, ends_at=when + hours, status="cancelled")
    training(ccpt, starts_at=later, ends_at=later + hours)
    for n in range(12):
        Registration.objects.create(
            training=held,
            name=f"Person {n}",
            email=f"person{n}@example.org",
            status="registered",
            attended=n != 0,
        )
    trainings = _requirement(ccpt, ["training_held"], title="Trainings report")
    book = openpyxl.load_workbook(io.BytesIO(_download(client, holder, ccpt, "xlsx", trainings)))
    assert book.sheetnames == ["Cover", "Trainings held and attendance"]
    rows = {r[0]: r[1] for r in _rows(book, "Trainings held and attendance")[3:] if r[0]}
    assert rows["Trainings offered"] == "fewer than 10"
    assert rows["People who came"] == 11
    assert "Person 1" not in _cells(book)
