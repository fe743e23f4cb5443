"""E-mails to seat holders, each in their own language, sent in the background.

Like team e-mails they carry no details beyond when and where: the agenda, which may hold
confidential items, stays behind the meeting's page.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from soc.languages import site_language
from soc.teams.notifications import send_invitation_email

from . import calendar
from .models import ActionItem, GovMeeting


def _words(user, template, context):
    """Subject and body of `collaboratives/email/<template>` in the user's language."""
    context = {**context, "user": user, "site_url": settings.SITE_URL}
    subject = render_to_string(f"collaboratives/email/{template}_subject.txt", context)
    return subject.strip(), render_to_string(f"collaboratives/email/{template}.txt", context)


@task()
def send_gov_meeting_invitations_task(meeting_id):
    """The invitation (a REQUEST, an update with the next SEQUENCE, or a CANCEL) to each seat
    holder with an account."""
    meeting = GovMeeting.objects.select_related("collaborative", "called_by").get(pk=meeting_id)
    users = calendar.invitees(meeting)
    method = calendar.method(meeting)
    context = {"meeting": meeting, "link": settings.SITE_URL + meeting.get_absolute_url()}
    for user in users:
        with translation.override(site_language(user.language)):
            subject, body = _words(user, "gov_meeting", context)
            ics = calendar.invitation(meeting, users)
        send_invitation_email(user.email, subject, body, ics, method)


def send_gov_meeting_invitations(meeting):
    transaction.on_commit(lambda: send_gov_meeting_invitations_task.enqueue(meeting.pk))


@task()
def remind_action_item_task(action_id, overdue):
    action = ActionItem.objects.select_related("owner_user", "meeting__collaborative").get(
        pk=action_id
    )
    user = action.owner_user
    if user is None or not user.email or not user.is_active or not action.is_open:
        return  # done or handed over since the reminder was claimed
    context = {
        "action": action,
        "overdue": overdue,
        "link": settings.SITE_URL + action.meeting.get_absolute_url(),
    }
    with translation.override(site_language(user.language)):
        subject, body = _words(user, "action_item", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def remind_action_item(action, overdue):
    transaction.on_commit(lambda: remind_action_item_task.enqueue(action.pk, overdue))
