"""The State Collaborative's recommendations: a public tracker and feed, and keeping them current."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.form_pages import run_and_return, submit

from .. import actions, rules
from ..actions.recommendations import may_respond
from ..forms_governance import MilestoneForm, MoveForm, RecommendationForm, ResponseForm, UpdateForm
from ..models import Collaborative, Milestone, Recommendation

PUBLIC = [s for s in Recommendation.Status.values if s != Recommendation.Status.DRAFT]


def state_or_404():
    state = Collaborative.objects.state().first()
    if state is None:
        raise Http404
    return state


def public_recommendations(user):
    """Drafts are for the State Collaborative's members; everything else is public."""
    state = Collaborative.objects.state().first()
    found = Recommendation.objects.prefetch_related("milestones", "responses__organization")
    if state is not None and rules.can(user, "see_confidential", state):
        return found
    return found.filter(status__in=PUBLIC)


def recommendation_tracker(request):
    state = Collaborative.objects.state().first()
    context = {
        "state": state,
        "page": Paginator(public_recommendations(request.user), 25).get_page(
            request.GET.get("page")
        ),
        "may_manage": state is not None
        and rules.can(request.user, "manage_recommendations", state),
    }
    return render(request, "collaboratives/tracker.html", context)


def recommendation(request, recommendation_id):
    item = get_object_or_404(
        public_recommendations(request.user).select_related("collaborative"), pk=recommendation_id
    )
    state = item.collaborative
    manage = rules.can(request.user, "manage_recommendations", state)
    context = {
        "item": item,
        "body": state,
        "manage": manage,
        "next_statuses": [Recommendation.Status(s) for s in Recommendation.NEXT[item.status]],
        "may_respond": any(may_respond(request.user, item, org) for org in item.agencies.all()),
        "updates": item.updates.all(),
        "barriers": item.barriers.select_related("county"),
    }
    return render(request, "collaboratives/recommendation.html", context)


def _manage(request, item=None):
    state = item.collaborative if item else state_or_404()
    if not rules.can(request.user, "manage_recommendations", state):
        raise PermissionDenied
    if request.method == "GET":
        record(
            request.user, f"{request.resolver_match.url_name}.view", item or state, request=request
        )
    return state


@login_required
def recommendation_new(request):
    state = _manage(request)
    return submit(
        request,
        "collaboratives/form.html",
        {"title": _("Draft a recommendation"), "body": state},
        RecommendationForm(
            request.POST or None, state=state, initial={"topic": request.GET.get("topic", "")}
        ),
        lambda data: actions.draft_recommendation(request.user, state, request=request, **data),
        success=_("The recommendation is drafted."),
        done=lambda r: r.get_absolute_url(),
    )


def _keep_current(request, recommendation_id, *, title, form, act, success, initial=None):
    """The State Collaborative's officers keep a recommendation current: one form, one action."""
    item = get_object_or_404(Recommendation, pk=recommendation_id)
    state = _manage(request, item)
    return submit(
        request,
        "collaboratives/form.html",
        {"title": title, "body": state, "intro": item.title, "back": item.get_absolute_url()},
        form(request.POST or None, initial=initial(item) if initial else None),
        lambda data: act(request.user, item, request=request, **data),
        success=success,
        done=item.get_absolute_url(),
    )


@login_required
def recommendation_move(request, recommendation_id):
    return _keep_current(
        request,
        recommendation_id,
        title=_("Change the status"),
        form=MoveForm,
        act=actions.move_recommendation,
        success=_("The status is changed."),
        initial=lambda item: {"version": item.version},
    )


@login_required
def milestone_add(request, recommendation_id):
    return _keep_current(
        request,
        recommendation_id,
        title=_("Add a milestone"),
        form=MilestoneForm,
        act=actions.add_milestone,
        success=_("The milestone is added."),
    )


@login_required
@require_POST
def milestone_done(request, recommendation_id, milestone_id):
    milestone = get_object_or_404(
        Milestone.objects.filter(recommendation_id=recommendation_id), pk=milestone_id
    )
    _manage(request, milestone.recommendation)
    return run_and_return(
        request,
        milestone.recommendation,
        lambda: actions.complete_milestone(request.user, milestone, request=request),
        _("The milestone is done."),
    )


@login_required
def recommendation_update(request, recommendation_id):
    return _keep_current(
        request,
        recommendation_id,
        title=_("Post an update"),
        form=UpdateForm,
        act=actions.post_update,
        success=_("The update is posted."),
    )


@login_required
def agency_response(request, recommendation_id):
    item = get_object_or_404(Recommendation.objects.filter(status__in=PUBLIC), pk=recommendation_id)
    if not any(may_respond(request.user, item, org) for org in item.agencies.all()):
        raise PermissionDenied
    if request.method == "GET":
        record(request.user, "agency_response.view", item, request=request)
    return submit(
        request,
        "collaboratives/form.html",
        {
            "title": _("The agency's response"),
            "body": item.collaborative,
            "intro": item.title,
            "back": item.get_absolute_url(),
        },
        ResponseForm(request.POST or None, recommendation=item),
        lambda data: actions.respond(request.user, item, request=request, **data),
        success=_("The response is saved."),
        done=item.get_absolute_url(),
    )
