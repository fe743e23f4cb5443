"""E-mails to registrants, in the language they chose, sent in the background: the
confirmation (or the waitlist) with the training as an .ics file and a signed link to cancel."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from soc.languages import site_language

from . import calendar

SALT = "soc.trainings.cancel"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=SALT)


def registration_id_from(token):
    """The registration a cancel link names, or None when the link was changed or made up."""
    try:
        return int(signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def cancel_link(registration):
    return settings.SITE_URL + reverse("registration_cancel", args=[cancel_token(registration)])


def registration_confirmed(registration, promoted=False):
    if registration.email:
        pk = registration.pk
        transaction.on_commit(lambda: registration_email_task.enqueue(pk, promoted))


def training_cancelled(training):
    pk = training.pk
    transaction.on_commit(lambda: training_cancelled_task.enqueue(pk))


def _send(registration, template, context):
    from .models import Registration

    registration = Registration.objects.select_related("training").get(pk=registration.pk)
    training = registration.training
    with translation.override(site_language(registration.language)):
        context = {
            **context,
            "registration": registration,
            "training": training,
            "link": calendar.training_link(training),
            "cancel": cancel_link(registration),
        }
        subject = render_to_string(f"trainings/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"trainings/email/{template}.txt", context)
        ics = calendar.invitation(training)
    message = EmailMultiAlternatives(
        subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email]
    )
    message.attach("training.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
    message.send()


@task()
def registration_email_task(registration_id, promoted=False):
    from .models import Registration

    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or not registration.email or not registration.is_active:
        return
    _send(registration, "registered", {"promoted": promoted})


@task()
def training_cancelled_task(training_id):
    from .models import Registration

    for registration in Registration.objects.filter(
        training_id=training_id, status__in=Registration.ACTIVE
    ).exclude(email=""):
        _send(registration, "cancelled", {})
