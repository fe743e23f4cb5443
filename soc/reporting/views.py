"""The reporting inventory, its duplication view, and the annual report drafts.

Every page is for seat holders and collaborative administrators; everyone else gets 404, as
if the page did not exist. Downloads are audited.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.collaboratives.models import Collaborative, Recommendation
from soc.collaboratives.rules import can as collaborative_can
from soc.form_pages import submit

from . import actions, annual, documents, queries, rules
from .forms import RequirementForm
from .models import ReportingRequirement

PAGE_SIZE = 50
FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _allowed_or_404(user, action, body=None):
    if not rules.can(user, action, body):
        raise Http404


def _state_may_recommend(user):
    state = Collaborative.objects.state().first()
    return state is not None and collaborative_can(user, "manage_recommendations", state)


@login_required
def requirement_list(request):
    _allowed_or_404(request.user, "see_inventory")
    page = Paginator(ReportingRequirement.objects.for_listing(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "may_add": rules.can(request.user, "open_requirement_form"),
        "bodies": Collaborative.objects.local().filter(parent=None),
    }
    return render(request, "reporting/requirements.html", context)


@login_required
def duplication(request):
    _allowed_or_404(request.user, "see_inventory")
    context = {
        "items": queries.duplicated_items(),
        "may_recommend": _state_may_recommend(request.user),
        "topic": Recommendation.Topic.REPORTING,
    }
    return render(request, "reporting/duplication.html", context)


@login_required
def requirement_new(request):
    _allowed_or_404(request.user, "open_requirement_form")
    if request.method == "GET":
        record(request.user, "requirement_new.view", None, request=request)
    return submit(
        request,
        "reporting/form.html",
        {"title": _("Add a reporting requirement")},
        RequirementForm(request.POST or None),
        lambda data: actions.add_requirement(request.user, request=request, **data),
        success=_("The reporting requirement is added."),
        done=reverse("requirement_list"),
    )


def _body_for_report(request, slug):
    body = get_object_or_404(Collaborative.objects.local(), slug=slug)
    _allowed_or_404(request.user, "download_annual_report", body)
    return body


def _year(request, body):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year is not None:
        if year not in annual.YEARS:
            raise Http404  # a year no report can cover (the downloads refuse it too)
        return year
    today = timezone.localdate()
    # The last period that has ended.
    year = today.year - 1
    if annual.Period.for_body(body, today.year - 1).ends_on >= today:
        year -= 1
    return year


def requirement_for(body, requirement_id):
    """The body's requirement with this id (its own or its kind's), or 404 (pages and API)."""
    if requirement_id in (None, ""):
        return None
    try:
        requirement_id = int(requirement_id)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < requirement_id < 2**63:
        raise Http404
    found = ReportingRequirement.objects.for_listing().for_body(body).filter(pk=requirement_id)
    return get_object_or_404(found)


@login_required
def annual_report(request, slug):
    body = _body_for_report(request, slug)
    year = _year(request, body)
    requirement = requirement_for(body, request.GET.get("requirement"))
    filled, by_hand = annual.contents(requirement) if requirement else ([], [])
    context = {
        "body": body,
        "year": year,
        "period": annual.Period.for_body(body, year),
        "requirements": ReportingRequirement.objects.for_listing().for_body(body),
        "requirement": requirement,
        "filled": filled,
        "by_hand": by_hand,
        "query": f"?requirement={requirement.pk}" if requirement else "",
    }
    return render(request, "reporting/annual.html", context)


@login_required
def annual_report_download(request, slug, year, fmt):
    body = _body_for_report(request, slug)
    if fmt not in FORMATS or not annual.YEARS.start <= year < annual.YEARS.stop:
        raise Http404
    requirement = requirement_for(body, request.GET.get("requirement"))
    return annual_response(request, body, year, fmt, requirement)


def annual_response(request, body, year, fmt, requirement=None):
    """Build, audit and send one draft as an attachment (pages and API share this)."""
    report = annual.build(body, year, requirement)
    record(
        request.user,
        "reporting.annual_report_download",
        body,
        request=request,
        detail={
            "year": year,
            "format": fmt,
            **({"requirement": requirement.pk} if requirement else {}),
        },
    )
    content = documents.workbook(report) if fmt == "xlsx" else documents.pdf(report)
    response = HttpResponse(content, FORMATS[fmt])
    name = f"{body.slug}-{year}" + (f"-{requirement.pk}" if requirement else "")
    response["Content-Disposition"] = f'attachment; filename="{name}-draft.{fmt}"'
    return response
