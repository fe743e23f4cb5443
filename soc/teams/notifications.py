"""E-mails to team members, each in the member's own language, sent in the background.

E-mails never carry case details: they say that something happened and link to sign in.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from soc.texting import backends, wording

from . import calendar
from .models import Invitation, Meeting, Membership


def _send(member, template, context, attachment=None):
    with translation.override(member.language if member.language in ("en", "es") else "en"):
        context = {**context, "member": member, "site_url": settings.SITE_URL}
        subject = render_to_string(f"teams/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"teams/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [member.email])
    if attachment is not None:
        content, method = attachment
        message.attach("invite.ics", content, f"text/calendar; charset=utf-8; method={method}")
    message.send()


@task()
def send_meeting_invitations_task(meeting_id):
    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    attendees = list(meeting.team.memberships.active().exclude(email=""))
    content = calendar.invitation(meeting, attendees)
    method = "CANCEL" if meeting.is_cancelled else "REQUEST"
    template = (
        "meeting_cancelled"
        if meeting.is_cancelled
        else ("meeting_changed" if meeting.sequence else "meeting_invitation")
    )
    link = reverse("meeting", args=[meeting.team.family_id, meeting.pk])
    for member in attendees:
        _send(
            member,
            template,
            {"meeting": meeting, "link": settings.SITE_URL + link},
            (content, method),
        )


@task()
def welcome_member_task(membership_id):
    member = Membership.objects.select_related("team").get(pk=membership_id)
    if not member.email:
        return
    context = {"link": settings.SITE_URL + reverse("family", args=[member.team.family_id])}
    if member.user_id is None:
        _invitation, token = Invitation.issue(member)
        context["link"] = settings.SITE_URL + reverse("accept_invitation", args=[token])
        _send(member, "member_invitation", context)
    else:
        _send(member, "member_added", context)


@task()
def proposal_waiting_task(membership_id):
    member = Membership.objects.select_related("team").get(pk=membership_id)
    link = settings.SITE_URL + reverse("family", args=[member.team.family_id])
    for caregiver in (
        member.team.memberships.active().filter(role=Membership.Role.CAREGIVER).exclude(email="")
    ):
        _send(caregiver, "proposal_waiting", {"link": link, "proposed": member})


def _after_commit(task_, *args):
    transaction.on_commit(lambda: task_.enqueue(*args))


def send_meeting_invitations(meeting):
    _after_commit(send_meeting_invitations_task, meeting.pk)
    text_meeting_invitations(meeting)


def welcome_member(member):
    _after_commit(welcome_member_task, member.pk)


def proposal_waiting(member):
    _after_commit(proposal_waiting_task, member.pk)


# Text messages (soc.texting): only to members who said yes, never with case details.


def send_text(member, build, *args):
    """`build(*args)` in the member's language, to their number (callers check `accepts_texts`)."""
    backends.send_text(member.text_number, wording.in_language(member.language, build, *args))


@task()
def text_meeting_invitations_task(meeting_id):
    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    build = (
        wording.meeting_cancelled
        if meeting.is_cancelled
        else (wording.meeting_changed if meeting.sequence else wording.meeting_invitation)
    )
    link = settings.SITE_URL + reverse("meeting", args=[meeting.team.family_id, meeting.pk])
    for member in meeting.team.memberships.active().exclude(text_number=""):
        if member.accepts_texts:
            send_text(member, build, meeting.starts_at, link)


@task()
def text_welcome_task(membership_id):
    member = Membership.objects.get(pk=membership_id)
    if member.accepts_texts:
        send_text(member, wording.welcome)


def text_meeting_invitations(meeting):
    _after_commit(text_meeting_invitations_task, meeting.pk)


def text_welcome(member):
    _after_commit(text_welcome_task, member.pk)


def send_email(member, template, context):
    """An e-mail from `teams/email/<template>.txt`, for reminders (soc.messaging.reminders)."""
    _send(member, template, context)
