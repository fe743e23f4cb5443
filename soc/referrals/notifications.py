"""Telling the person who made a referral that it changed: a notice in the app and an e-mail,
in their language, without case details (it says a referral changed and links to sign in)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from soc.languages import site_language

from .models import Referral, ReferralNotice


def on_change(referral, event, kind="status"):
    """After the change commits: a notice for the referral's maker (unless they made it)."""
    maker_id = referral.author_id
    if maker_id is None or (event is not None and event.by_id == maker_id):
        return
    ReferralNotice.objects.create(user_id=maker_id, referral=referral, event=event, kind=kind)
    transaction.on_commit(lambda: referral_changed_task.enqueue(referral.pk, kind))


@task()
def referral_changed_task(referral_id, kind="status"):
    referral = Referral.objects.select_related("author").get(pk=referral_id)
    maker = referral.author
    if maker is None or not maker.email:
        return
    link = settings.SITE_URL + reverse("referral", args=[referral.family_id, referral.pk])
    with translation.override(site_language(maker.language)):
        context = {"kind": kind, "link": link, "name": maker.full_name}
        subject = render_to_string("referrals/email/changed_subject.txt", context).strip()
        body = render_to_string("referrals/email/changed.txt", context)
    EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [maker.email]).send()
