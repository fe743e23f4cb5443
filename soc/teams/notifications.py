"""E-mails to team members, each in the member's own language, sent in the background.

E-mails never carry case details: they say that something happened and link to sign in.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import SafeMIMEText
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from soc.languages import site_language
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


class _InvitationEmail(EmailMultiAlternatives):
    """Carries the invitation as a real `text/calendar; method=...` alternative (what Outlook
    and Gmail look for to show their Yes / No / Maybe buttons), beside the same file attached."""

    def _create_mime_attachment(self, content, mimetype):
        if mimetype.startswith("text/calendar"):
            part = SafeMIMEText(content, "calendar", "utf-8")
            part.set_param("method", mimetype.split("method=", 1)[1], requote=False)
            return part
        return super()._create_mime_attachment(content, mimetype)


def send_invitation_email(address, subject, body, ics, method):
    """An e-mail carrying a calendar invitation both ways clients look for it. Team and
    collaborative meetings send theirs through here."""
    message = _InvitationEmail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    message.attach_alternative(ics.decode("utf-8"), f"text/calendar; method={method}")
    message.attach("invite.ics", ics, "application/ics")
    message.send()


def _send_invitation(member, template, context, meeting, attendees, organizer, answers):
    """One member's invitation: the e-mail and the calendar's words in their language."""
    with translation.override(site_language(member.language)):
        context = {**context, "member": member, "site_url": settings.SITE_URL}
        subject = render_to_string(f"teams/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"teams/email/{template}.txt", context)
        ics = calendar.invitation(meeting, attendees, organizer=organizer, answers=answers)
    method = calendar.invitation_method(meeting, organizer)
    send_invitation_email(member.email, subject, body, ics, method)


@task()
def send_meeting_invitations_task(meeting_id):
    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    attendees = list(meeting.team.memberships.active().exclude(email="").order_by("name"))
    organizer = next((m for m in attendees if m.role == Membership.Role.FACILITATOR), None)
    answers = {a.membership_id: a for a in meeting.answers.all()}
    template = (
        "meeting_cancelled"
        if meeting.is_cancelled
        else ("meeting_changed" if meeting.sequence else "meeting_invitation")
    )
    link = reverse("meeting", args=[meeting.team.family_id, meeting.pk])
    context = {
        "meeting": meeting,
        "link": settings.SITE_URL + link,
        "organizer": organizer,
        "replies_go_to_organizer": organizer is not None,
    }
    for member in attendees:
        _send_invitation(member, template, context, meeting, attendees, organizer, answers)


def team_contact(team):
    """Who the e-mail comes from, so that it can be trusted: the facilitator and her agency."""
    facilitator = (
        team.memberships.active()
        .filter(role=Membership.Role.FACILITATOR)
        .select_related("organization", "user__organization")
        .order_by("decided_at", "id")
        .first()
    )
    if facilitator is None:
        return {"facilitator": None, "agency": None}
    agency = facilitator.organization or (
        facilitator.user.organization if facilitator.user else None
    )
    return {"facilitator": facilitator, "agency": agency}


def _send_account_invitation(member, sent_by=None):
    """A new link for someone on the team without an account (any earlier link stops working)."""
    invitation, token = Invitation.issue(member, sent_by=sent_by)
    context = {
        **team_contact(member.team),
        "link": settings.SITE_URL + reverse("accept_invitation", args=[token]),
        "expires_at": invitation.expires_at,
        "added_by": member.proposed_by,
    }
    _send(member, "member_invitation", context)


@task()
def welcome_member_task(membership_id):
    member = Membership.objects.select_related("team", "proposed_by").get(pk=membership_id)
    if not member.email or not member.is_active:
        return
    if member.user_id is None:
        _send_account_invitation(member, sent_by=member.proposed_by)
    else:
        context = {
            **team_contact(member.team),
            "link": settings.SITE_URL + reverse("family", args=[member.team.family_id]),
        }
        _send(member, "member_added", context)


@task()
def send_account_invitation_task(membership_id, sent_by_id=None):
    member = Membership.objects.select_related("team", "proposed_by").get(pk=membership_id)
    if member.email and member.is_active and member.user_id is None:
        sent_by = get_user_model().objects.filter(pk=sent_by_id).first() if sent_by_id else None
        _send_account_invitation(member, sent_by=sent_by)


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


def send_account_invitation(member, sent_by=None):
    _after_commit(send_account_invitation_task, member.pk, sent_by.pk if sent_by else None)


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
