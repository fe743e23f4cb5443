"""Telling people a referral changed: a notice in the app and an e-mail, in each person's
language, never with case details.

- The person who made the referral hears of every change; when nobody answered it for 14
  business days (an escalation) the team's facilitators hear of it too.
- The family's caregivers who have an account hear of every change of status. Their e-mail
  says only "There is news about a referral for your family": not the service, whose name can
  tell what the need is (a substance-use program), not the need, not a child's name. It goes
  to the address on their team membership. No text: members said yes to texts about their
  team's meetings and next steps (soc.texting.wording.consent_wording), and a message they did
  not agree to is one they never asked for.
- Nobody is told of a change they made themselves.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from soc.languages import site_language
from soc.teams.models import Membership

from .models import Referral, ReferralNotice


def _team_recipients(referral, kind):
    """User ids told as the referring team: the maker, and the facilitators on an escalation."""
    ids = [referral.author_id] if referral.author_id else []
    if kind == "escalated":
        ids += (
            Membership.objects.active()
            .filter(team__family_id=referral.family_id, role=Membership.Role.FACILITATOR)
            .exclude(user=None)
            .order_by("id")
            .values_list("user_id", flat=True)
        )
    return list(dict.fromkeys(ids))


def _family_recipients(referral):
    """The family's caregivers on its team who have an account."""
    return list(
        Membership.objects.active()
        .filter(team__family_id=referral.family_id, role=Membership.Role.CAREGIVER)
        .exclude(user=None)
        .order_by("id")
    )


def on_change(referral, event, kind="status"):
    """Notices now, e-mails after the change commits."""
    by_id = event.by_id if event is not None else None
    team = [uid for uid in _team_recipients(referral, kind) if uid != by_id]
    family = []
    if kind == "status":
        family = [m for m in _family_recipients(referral) if m.user_id not in {by_id, *team}]
    users = team + [m.user_id for m in family]
    ReferralNotice.objects.bulk_create(
        ReferralNotice(user_id=uid, referral=referral, event=event, kind=kind) for uid in users
    )
    if team:
        transaction.on_commit(lambda: referral_changed_task.enqueue(referral.pk, kind, team))
    if family:
        ids = [m.pk for m in family]
        transaction.on_commit(lambda: family_news_task.enqueue(referral.pk, ids))


def _link(referral):
    return settings.SITE_URL + reverse("referral", args=[referral.family_id, referral.pk])


@task()
def referral_changed_task(referral_id, kind="status", user_ids=None):
    """E-mail the referring team: the maker (always) and, on an escalation, the facilitators."""
    referral = Referral.objects.get(pk=referral_id)
    if user_ids is None:  # a task queued before facilitators were told
        user_ids = [referral.author_id]
    link = _link(referral)
    for person in get_user_model().objects.filter(pk__in=user_ids).exclude(email="").order_by("id"):
        with translation.override(site_language(person.language)):
            context = {
                "kind": kind,
                "link": link,
                "name": person.full_name,
                "made_it": person.pk == referral.author_id,
            }
            subject = render_to_string("referrals/email/changed_subject.txt", context).strip()
            body = render_to_string("referrals/email/changed.txt", context)
        EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]).send()


@task()
def family_news_task(referral_id, membership_ids):
    """E-mail the family's caregivers: there is news, sign in to see it. Nothing else."""
    referral = Referral.objects.get(pk=referral_id)
    link = _link(referral)
    members = (
        Membership.objects.active()
        .filter(pk__in=membership_ids, team__family_id=referral.family_id)
        .exclude(email="")
        .order_by("id")
    )
    for member in members:
        with translation.override(site_language(member.language)):
            subject = render_to_string("referrals/email/family_news_subject.txt").strip()
            body = render_to_string("referrals/email/family_news.txt", {"link": link})
        EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [member.email]).send()
