"""Telling family partners a family asked for help: a notice in the app and an e-mail in their
language, with nothing about the family in it (it says a family asked and links to sign in)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from soc.accounts.models import User
from soc.languages import site_language

from .models import RequestNotice


def partners_of(organization_ids):
    return User.objects.filter(organization_id__in=organization_ids, is_active=True).only(
        "id", "email", "full_name", "language"
    )


def tell_partners(family_request, kind="new", exclude_user_id=None):
    """After the commit: a notice and an e-mail for each active staff member it was sent to."""
    staff = [u for u in partners_of(family_request.organization_ids) if u.pk != exclude_user_id]
    RequestNotice.objects.bulk_create(
        [RequestNotice(user=u, request=family_request, kind=kind) for u in staff]
    )
    ids = [u.pk for u in staff if u.email]
    if ids:
        transaction.on_commit(lambda: family_request_task.enqueue(family_request.pk, ids, kind))


@task()
def family_request_task(request_id, user_ids, kind="new"):
    link = settings.SITE_URL + reverse("family_request", args=[request_id])
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        with translation.override(site_language(user.language)):
            context = {"kind": kind, "link": link, "name": user.full_name}
            subject = render_to_string("family_partners/email/new_subject.txt", context).strip()
            body = render_to_string("family_partners/email/new.txt", context)
        EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
