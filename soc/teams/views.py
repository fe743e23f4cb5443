from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.accounts.models import User, hash_secret
from soc.audit.log import record
from soc.consent import policy
from soc.consent.categories import DataCategory
from soc.consent.disclosures import PART2_NOTICE, note_disclosure
from soc.families.access import audit_view, family_for, require
from soc.families.models import Family
from soc.form_pages import submit
from soc.versioning import StaleVersion

from . import actions, calendar, timeline
from .forms import (
    CancelForm,
    DecisionForm,
    MeetingForm,
    MemberForm,
    NextStepForm,
    NextStepStatusForm,
    RecordForm,
    RequiredForm,
)
from .models import Invitation, Meeting, Membership, NextStep


@login_required
def home(request):
    """My families: every family whose team I am on, with what is coming up."""
    now = timezone.now()
    # Counts follow the policy too: protected steps count only where I may read them
    # (my own family's, or ones I wrote); consented ones are left out rather than risked.
    my_own_families = Membership.objects.filter(
        user=request.user, status=Membership.Status.ACTIVE, role__in=Membership.FAMILY_ROLES
    ).values("team__family_id")
    readable_step = (
        Q(team__next_steps__category=DataCategory.GENERAL)
        | Q(team__next_steps__created_by=request.user)
        | Q(id__in=my_own_families)
    )
    families = (
        Family.objects.visible_to(request.user)
        .open()
        .select_related("county")
        .annotate(
            open_steps=Count(
                "team__next_steps",
                filter=Q(team__next_steps__status=NextStep.Status.OPEN) & readable_step,
                distinct=True,
            ),
            waiting=Count(
                "team__memberships",
                filter=Q(team__memberships__status=Membership.Status.PROPOSED),
                distinct=True,
            ),
        )
        .order_by("display_name", "id")
    )
    page = Paginator(families, 25).get_page(request.GET.get("page"))
    upcoming = (
        Meeting.objects.visible_to(request.user)
        .filter(status=Meeting.Status.SCHEDULED, ends_at__gte=now)
        .select_related("team__family")
        .order_by("starts_at")[:5]
    )
    record(
        request.user,
        "family.list",
        ("families.family", ""),
        request=request,
        detail={"families": [f.pk for f in page]},
    )
    return render(request, "teams/home.html", {"page": page, "upcoming": upcoming})


@login_required
def family(request, family_id):
    """The team page: members, meetings, next steps and what happened lately."""
    family = family_for(request, family_id, audit="family.view")
    me = policy.membership_in(request.user, family)
    team = family.team
    members = list(
        team.memberships.current().select_related("organization").order_by("status", "role", "name")
    )
    now = timezone.now()
    meetings = team.meetings.select_related("team")
    context = {
        "family": family,
        "team": team,
        "me": me,
        "is_family": me is not None and me.is_family,
        "emergency": me is None,
        "people": list(family.people.all()),
        "active_members": [m for m in members if m.is_active],
        "proposed_members": [m for m in members if m.is_proposed],
        "upcoming": list(
            meetings.filter(status=Meeting.Status.SCHEDULED, ends_at__gte=now).order_by(
                "starts_at"
            )[:10]
        ),
        "past": list(meetings.filter(starts_at__lt=now).order_by("-starts_at")[:10]),
        "next_steps": [
            (step, step.description_for(request.user))
            for step in team.next_steps.open().select_related("responsible", "team")[:50]
        ],
        "timeline": timeline.recent(family.pk),
        "can": {
            a: family.can(request.user, a)
            for a in (
                "edit_family",
                "edit_people",
                "invite_member",
                "propose_member",
                "decide_proposal",
                "remove_member",
                "convene_meeting",
                "record_meeting",
                "see_who_looked",
                "mark_required",
                "see_consents",
            )
        },
    }
    return render(request, "teams/family.html", context)


def _member(family, member_id):
    return get_object_or_404(family.team.memberships.select_related("team"), pk=member_id)


@login_required
def member_add(request, family_id):
    """Caregivers invite directly; everyone else proposes, and a caregiver decides."""
    family = family_for(request, family_id)
    invite = family.can(request.user, "invite_member")
    if not invite and not family.can(request.user, "propose_member"):
        raise PermissionDenied
    act = actions.invite_member if invite else actions.propose_member
    return submit(
        request,
        "teams/member_form.html",
        {"family": family, "invite": invite},
        MemberForm(
            request.POST or None, family_roles=(Membership.Role.CAREGIVER,) if invite else ()
        ),
        lambda data: act(request.user, family.team, dict(data), request=request),
        success=_("They are now on your team. We will let them know.")
        if invite
        else _("Your suggestion was sent. They join when a caregiver approves."),
        done=family,
    )


@login_required
@require_POST
def member_decide(request, family_id, member_id, decision):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "decide_proposal")
    form = DecisionForm(request.POST)
    form.is_valid()
    act = {"approve": actions.approve_member, "decline": actions.decline_member}[decision]
    kwargs = {"reason": form.cleaned_data.get("reason", "")} if decision == "decline" else {}
    return _run(
        request,
        family,
        lambda: act(
            request.user, member, form.cleaned_data.get("version"), request=request, **kwargs
        ),
        _("%(name)s is now on your team.") % {"name": member.name}
        if decision == "approve"
        else _("You said no. %(name)s will not join the team.") % {"name": member.name},
    )


@login_required
@require_POST
def member_withdraw(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "withdraw_proposal")
    form = DecisionForm(request.POST)
    form.is_valid()
    return _run(
        request,
        family,
        lambda: actions.withdraw_proposal(
            request.user, member, form.cleaned_data.get("version"), request=request
        ),
        _("The suggestion was withdrawn."),
    )


@login_required
def member_remove(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    if not policy.can(request.user, "remove_member", member):
        raise PermissionDenied
    return submit(
        request,
        "teams/member_remove.html",
        {"family": family, "member": member},
        DecisionForm(request.POST or None, initial={"version": member.version}),
        lambda data: actions.remove_member(
            request.user, member, data["version"], data["reason"], request=request
        ),
        success=_("%(name)s is no longer on the team.") % {"name": member.name},
        done=family,
    )


@login_required
def member_required(request, family_id, member_id):
    family = family_for(request, family_id)
    member = _member(family, member_id)
    require(request, family, "mark_required")
    initial = {
        "version": member.version,
        "required": member.required_by_agency,
        "required_reason": member.required_reason,
    }
    return submit(
        request,
        "teams/member_required.html",
        {"family": family, "member": member},
        RequiredForm(request.POST or None, initial=initial),
        lambda data: actions.mark_required(
            request.user,
            member,
            required=data["required"],
            reason=data["required_reason"],
            version=data["version"],
            request=request,
        ),
        success=_("Saved."),
        done=family,
    )


def _run(request, family, act, success):
    """Run a one-click action from the team page and come back with its result."""
    try:
        act()
    except StaleVersion as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(family)


@login_required
def meeting_new(request, family_id):
    family = family_for(request, family_id, "convene_meeting")
    form = MeetingForm(request.POST or None)
    return submit(
        request,
        "teams/meeting_form.html",
        {"family": family},
        form,
        lambda data: actions.convene_meeting(
            request.user, family.team, form.meeting_fields(), request=request
        ),
        success=_("The meeting is set. Everyone on the team with an e-mail gets an invitation."),
        done=lambda meeting: reverse("meeting", args=[family.pk, meeting.pk]),
        errors=_meeting_errors,
    )


def _meeting_errors(form, error):
    mapping = {"starts_at": "start_time", "ends_at": "end_time"}
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            name = mapping.get(field, field)
            form.add_error(name if name in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _meeting(request, family, meeting_id):
    return get_object_or_404(
        Meeting.objects.select_related("team"), pk=meeting_id, team__family=family
    )


@login_required
def meeting(request, family_id, meeting_id):
    family = family_for(request, family_id, audit=False)
    meeting = _meeting(request, family, meeting_id)
    audit_view(request, "meeting.view", meeting, family.pk)
    attendance = list(meeting.attendance.select_related("membership"))
    show_notes = policy.can_read_record(request.user, meeting, author_id=meeting.notes_by_id)
    if show_notes and (meeting.notes or meeting.decisions):
        note_disclosure(
            request.user,
            meeting,
            category=meeting.category,
            author_id=meeting.notes_by_id,
            request=request,
        )
    context = {
        "family": family,
        "meeting": meeting,
        "attendance": attendance,
        "show_notes": show_notes,
        "part2_notice": PART2_NOTICE if meeting.category == DataCategory.SUBSTANCE_USE else None,
        "next_steps": [
            (step, step.description_for(request.user))
            for step in meeting.next_steps.select_related("responsible", "team")
        ],
        "can_change": meeting.can(request.user, "change_meeting") and not meeting.is_cancelled,
        "can_record": meeting.can(request.user, "record_meeting") and not meeting.is_cancelled,
        "step_form": NextStepForm(team=family.team)
        if family.can(request.user, "add_next_step")
        else None,
    }
    return render(request, "teams/meeting.html", context)


@login_required
def meeting_edit(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    if not meeting.can(request.user, "change_meeting"):
        raise PermissionDenied
    form = MeetingForm(request.POST or None, initial=MeetingForm.initial_for(meeting))
    return submit(
        request,
        "teams/meeting_form.html",
        {"family": family, "meeting": meeting},
        form,
        lambda data: actions.change_meeting(
            request.user,
            meeting,
            version=data["version"],
            changes=form.meeting_fields(),
            request=request,
        ),
        success=_("The meeting was changed. Everyone gets an updated invitation."),
        done=reverse("meeting", args=[family.pk, meeting.pk]),
        errors=_meeting_errors,
    )


@login_required
def meeting_cancel(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    if not meeting.can(request.user, "change_meeting"):
        raise PermissionDenied
    return submit(
        request,
        "teams/meeting_cancel.html",
        {"family": family, "meeting": meeting},
        CancelForm(request.POST or None, initial={"version": meeting.version}),
        lambda data: actions.cancel_meeting(
            request.user, meeting, version=data["version"], reason=data["reason"], request=request
        ),
        success=_("The meeting was cancelled. Everyone gets a cancellation."),
        done=reverse("meeting", args=[family.pk, meeting.pk]),
    )


@login_required
def meeting_record(request, family_id, meeting_id):
    family = family_for(request, family_id)
    meeting = _meeting(request, family, meeting_id)
    require(request, family, "record_meeting")
    form = RecordForm(
        request.POST or None,
        members=list(family.team.memberships.active().order_by("name")),
        existing={a.membership_id: a for a in meeting.attendance.all()},
        initial={
            "version": meeting.version,
            "notes": meeting.notes,
            "decisions": meeting.decisions,
            "category": meeting.category,
        },
    )
    return submit(
        request,
        "teams/meeting_record.html",
        {"family": family, "meeting": meeting},
        form,
        lambda data: actions.record_meeting(
            request.user,
            meeting,
            version=data["version"],
            notes=data["notes"],
            decisions=data["decisions"],
            attendance=form.attendance(),
            category=data["category"],
            request=request,
        ),
        success=_("Saved."),
        done=reverse("meeting", args=[family.pk, meeting.pk]),
    )


@login_required
def meeting_ics(request, family_id, meeting_id):
    family = family_for(request, family_id, audit=False)
    meeting = _meeting(request, family, meeting_id)
    record(request.user, "meeting.download", meeting, family_id=family.pk, request=request)
    attendees = family.team.memberships.active().exclude(email="")
    response = HttpResponse(
        calendar.invitation(meeting, attendees), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response


@login_required
@require_POST
def next_step_add(request, family_id):
    family = family_for(request, family_id, "add_next_step")
    form = NextStepForm(request.POST, team=family.team)
    meeting_id = request.POST.get("meeting")
    meeting = get_object_or_404(Meeting, pk=meeting_id, team__family=family) if meeting_id else None
    back = (
        reverse("meeting", args=[family.pk, meeting.pk]) if meeting else family.get_absolute_url()
    )
    if form.is_valid():
        try:
            actions.add_next_step(
                request.user, family.team, meeting=meeting, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The next step was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(back)


@login_required
@require_POST
def next_step_update(request, family_id, step_id):
    """Mark a next step done: a whole page for plain forms, just the item for htmx."""
    family = family_for(request, family_id)
    step = get_object_or_404(
        NextStep.objects.select_related("team", "responsible"), pk=step_id, team__family=family
    )
    if not policy.can(request.user, "update_next_step", step):
        raise PermissionDenied
    form = NextStepStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a status."))
        return redirect(family)
    change = lambda: actions.update_next_step(  # noqa: E731
        request.user,
        step,
        version=form.cleaned_data["version"],
        changes={"status": form.cleaned_data["status"]},
        request=request,
    )
    if not request.htmx:
        return _run(request, family, change, _("Saved."))
    problem = None
    try:
        step = change()
    except StaleVersion as conflict:
        problem = conflict.message
    except ValidationError as error:
        problem = " ".join(error.messages)
    if problem:
        step.refresh_from_db()
    context = {
        "step": step,
        "description": step.description_for(request.user),
        "family": family,
        "problem": problem,
        "can": {"record_meeting": family.can(request.user, "record_meeting")},
    }
    return render(request, "teams/_next_step.html", context)


def calendar_feed(request, token):
    """A person's private calendar feed. The secret URL is the credential; it can be revoked."""
    user = (
        User.objects.filter(calendar_feed_hash=hash_secret(token), is_active=True).first()
        if token
        else None
    )
    if user is None:
        raise Http404
    since = timezone.now() - timezone.timedelta(days=90)
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(ends_at__gte=since)
        .select_related("team")
        .order_by("starts_at")[:500]
    )
    meetings = list(meetings)
    record(
        user,
        "calendar_feed.view",
        user,
        request=request,
        detail={"meetings": [m.pk for m in meetings]},
    )
    body = calendar.feed(meetings, _("My team meetings"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def accept_invitation(request, token):
    """A member added without an account creates one (or signs in) and joins their team."""
    from soc.accounts.forms import CreateAccountForm
    from soc.accounts.views import signed_in_after

    invitation = Invitation.find(token)
    if invitation is None:
        raise Http404
    member = invitation.membership
    existing = User.objects.filter(email__iexact=member.email).first()
    if request.user.is_authenticated or existing:
        if not request.user.is_authenticated:
            messages.info(
                request, _("You already have an account. Please sign in, then open the link again.")
            )
            return redirect(f"{reverse('login')}?next={request.path}")
        if request.user.email.lower() != member.email.lower():
            messages.error(request, _("This invitation was sent to another e-mail address."))
            return redirect("home")
        if request.method == "POST":
            return _accept(request, invitation, request.user)
        return render(request, "teams/accept_invitation.html", {"member": member, "form": None})
    form = CreateAccountForm(
        request.POST or None,
        email=member.email,
        initial={
            "full_name": member.name,
            "language": member.language if member.language in ("en", "es") else "en",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # no account without its place on the team
                user = User.objects.create_user(
                    member.email,
                    form.cleaned_data["password"],
                    full_name=form.cleaned_data["full_name"],
                    language=form.cleaned_data["language"],
                    phone=member.phone,
                )
                member = actions.accept_invitation(invitation, user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("login")
        signed_in_after(request, user)
        messages.success(request, _("Welcome to the team."))
        return redirect("family", member.team.family_id)
    return render(request, "teams/accept_invitation.html", {"member": member, "form": form})


def _accept(request, invitation, user):
    try:
        member = actions.accept_invitation(invitation, user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("home")
    messages.success(request, _("Welcome to the team."))
    return redirect("family", member.team.family_id)
