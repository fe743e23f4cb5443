"""E-mails about the plan, in each member's language, sent in the background.

They never carry case details: they say that the plan needs the reader and link to sign in.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from soc.teams.models import Membership

from .models import Plan, PlanVersion


def _language(member):
    return member.language if member.language in ("en", "es") else "en"


def _send(member, template, context):
    with translation.override(_language(member)):
        context = {**context, "member": member, "site_url": settings.SITE_URL}
        subject = render_to_string(f"plans/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"plans/email/{template}.txt", context)
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [member.email]).send()


def _members(version, roles=None):
    members = version.plan.family.team.memberships.active().exclude(email="")
    return members.filter(role__in=roles) if roles else members


@task()
def plan_proposed_task(version_id):
    version = PlanVersion.objects.select_related("plan__family__team").get(pk=version_id)
    link = settings.SITE_URL + reverse("plan_agree", args=[version.family_id, version.pk])
    for member in _members(version, Membership.FAMILY_ROLES):
        _send(member, "plan_proposed", {"link": link})


@task()
def plan_in_effect_task(version_id):
    version = PlanVersion.objects.select_related("plan__family__team").get(pk=version_id)
    link = settings.SITE_URL + reverse("plan", args=[version.family_id])
    for member in _members(version):
        _send(member, "plan_in_effect", {"link": link})


@task()
def send_review_reminders_task(days_ahead=14):
    """Remind each team whose plan is due for review within `days_ahead` days, once per date.

    Run daily (e.g. from cron: `soc plan_reminders`). The e-mail says only that the plan is
    due for review and when; the team opens the plan after signing in.
    """
    today = timezone.localdate()
    due = (
        PlanVersion.objects.in_effect()
        .filter(
            review_date__lte=today + timezone.timedelta(days=days_ahead),
            review_date__gte=today,
        )
        .select_related("plan__family__team")
    )
    sent = 0
    for version in due:
        # Remember the date reminded about, so a daily run sends one reminder per review date.
        if Plan.objects.filter(pk=version.plan_id, reminded_for=version.review_date).exists():
            continue
        Plan.objects.filter(pk=version.plan_id).update(reminded_for=version.review_date)
        link = settings.SITE_URL + reverse("plan", args=[version.family_id])
        for member in _members(version):
            _send(member, "plan_review_due", {"link": link, "review_date": version.review_date})
            sent += 1
    return sent


def _after_commit(task_, *args):
    transaction.on_commit(lambda: task_.enqueue(*args))


def plan_proposed(version):
    _after_commit(plan_proposed_task, version.pk)


def plan_in_effect(version):
    _after_commit(plan_in_effect_task, version.pk)
