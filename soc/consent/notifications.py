"""Telling the family and the facilitator that someone used emergency access. No case details."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .models import EmergencyAccess


@task()
def emergency_access_used_task(grant_id):
    grant = EmergencyAccess.objects.select_related("family__team", "user__organization").get(
        pk=grant_id
    )
    team = grant.family.team
    link = settings.SITE_URL + reverse("who_looked", args=[grant.family_id])
    recipients = (
        team.memberships.active().filter(role__in=["caregiver", "facilitator"]).exclude(email="")
    )
    for member in recipients:
        with translation.override(member.language if member.language in ("en", "es") else "en"):
            context = {"member": member, "grant": grant, "link": link}
            subject = render_to_string("consent/email/emergency_subject.txt", context).strip()
            body = render_to_string("consent/email/emergency.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [member.email])


def emergency_access_used(grant):
    transaction.on_commit(lambda: emergency_access_used_task.enqueue(grant.pk))
