"""Collaboratives' public pages, and setting them up."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.form_pages import submit

from .. import actions, partnership, rules, standing
from ..forms import CollaborativeForm, EndTermForm, SeatForm, TermForm
from ..models import Collaborative, GovMeeting, Minutes, SeatTerm
from .base import body_for, can


def collaborative_list(request):
    """Every body, the State Collaborative first: public."""
    bodies = Collaborative.objects.filter(parent=None).prefetch_related("counties", "work_groups")
    context = {
        "state": [b for b in bodies if b.is_state],
        "local": [b for b in bodies if not b.is_state],
        "may_set_up": rules.can(request.user, "set_up_collaborative"),
    }
    return render(request, "collaboratives/list.html", context)


def collaborative(request, slug):
    """What the body is, who sits on it, when it meets, its minutes and recommendations: public."""
    body = body_for(request, slug)
    holders = standing.seat_holders(body)
    flags = can(request.user, body)
    context = {
        "body": body,
        "holders": holders,
        "warnings": standing.rule_warnings(body, holders),
        "partnership": partnership.for_body(body, holders),
        "work_groups": body.work_groups.all(),
        "can": flags,
        **_meetings_and_minutes(body),
    }
    return render(request, "collaboratives/collaborative.html", context)


def _meetings_and_minutes(body):
    meetings = GovMeeting.objects.filter(collaborative=body)
    return {
        "upcoming": meetings.upcoming()[:5],
        "past": meetings.past()[:12],
        "approved_minutes": Minutes.objects.filter(
            meeting__collaborative=body, status=Minutes.Status.APPROVED
        ).select_related("meeting")[:12],
    }


def partnership_rollup(request):
    """Family partnership in every local body, and across them: public."""
    rows, total = partnership.state_rollup()
    return render(request, "collaboratives/partnership.html", {"rows": rows, "total": total})


@login_required
def collaborative_new(request):
    if not rules.can(request.user, "set_up_collaborative"):
        raise PermissionDenied
    if request.method == "GET":
        record(request.user, "collaborative_new.view", request=request)
    form = CollaborativeForm(request.POST or None)
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Set up a collaborative")},
        form,
        lambda data: actions.create_collaborative(
            request.user, request=request, **_body_fields(data)
        ),
        success=_("The collaborative is set up."),
        done=lambda body: body.get_absolute_url(),
    )


def _body_fields(data):
    return dict(data)


@login_required
def collaborative_edit(request, slug):
    body = body_for(request, slug, "change_collaborative")
    form = CollaborativeForm(request.POST or None, instance=Collaborative.objects.get(pk=body.pk))
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Change the collaborative"), "body": body},
        form,
        lambda data: actions.change_collaborative(
            request.user, body, request=request, **_body_fields(data)
        ),
        success=_("Saved."),
        done=body.get_absolute_url(),
    )


@login_required
def seat_add(request, slug):
    body = body_for(request, slug, "manage_seats")
    form = SeatForm(request.POST or None)
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Add a seat"), "body": body},
        form,
        lambda data: actions.add_seat(request.user, body, request=request, **data),
        success=_("The seat is added."),
        done=body.get_absolute_url(),
    )


@login_required
def seat_fill(request, slug, seat_id):
    body = body_for(request, slug, "manage_seats")
    seat = get_object_or_404(body.seats, pk=seat_id)
    form = TermForm(request.POST or None)
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Who holds this seat"), "body": body, "seat": seat},
        form,
        lambda data: actions.fill_seat(request.user, seat, request=request, **data),
        success=_("The seat holder is saved."),
        done=body.get_absolute_url(),
    )


@login_required
def term_end(request, slug, term_id):
    body = body_for(request, slug, "manage_seats")
    term = get_object_or_404(SeatTerm.objects.filter(seat__collaborative=body), pk=term_id)
    form = EndTermForm(request.POST or None)
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("End a term"), "body": body, "term": term},
        form,
        lambda data: actions.end_term(request.user, term, request=request, **data),
        success=_("The term is ended."),
        done=body.get_absolute_url(),
    )
