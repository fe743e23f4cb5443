"""Saying yes or STOP to text messages, and choosing e-mail reminders: validate, write, audit,
notify, in one transaction. The page and the inbound webhook call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.consent import policy
from soc.teams import notifications
from soc.teams.models import Membership
from soc.texting import wording
from soc.texting.phones import to_e164
from soc.versioning import lock_for_edit

CHOOSE_REMINDERS = "choose_reminders"  # a caregiver, or the member themself

OPT_IN = "member.texts_opt_in"
OPT_OUT = "member.texts_opt_out"
EMAIL_REMINDERS = "member.email_reminders"
AUDIT_ACTIONS = (OPT_IN, OPT_OUT, EMAIL_REMINDERS)


def _audit(actor, action, member, request=None, **detail):
    record(actor, action, member, family_id=member.team.family_id, request=request, detail=detail)


@transaction.atomic
def choose_reminders(user, member, *, version, texts, number, email_reminders, request=None):
    """Save how a member wants to be reminded. Saying yes to texts needs a US mobile number;
    the consent wording the person agreed to is kept in the audit event."""
    policy.require(user, CHOOSE_REMINDERS, member)
    member = lock_for_edit(Membership.objects.select_related("team"), member.pk, version)
    if not member.is_active:
        raise ValidationError(_("This person is no longer on the team."))
    e164 = to_e164(number)
    if texts and e164 is None:
        raise ValidationError(
            {"number": _("Please give a US mobile number with area code, like 919-555-0100.")}
        )
    by = "member" if member.user_id == user.pk else "caregiver"
    now = timezone.now()
    fields = []
    starting = texts and (not member.accepts_texts or member.text_number != e164)
    if starting:
        member.text_number, member.text_opt_in_at, member.text_opt_out_at = e164, now, None
        fields += ["text_number", "text_opt_in_at", "text_opt_out_at"]
        with_wording = wording.in_language(member.language, wording.consent_wording)
        _audit(user, OPT_IN, member, request, how="page", by=by, wording=with_wording)
    elif not texts and member.accepts_texts:
        member.text_opt_out_at = now
        fields.append("text_opt_out_at")
        _audit(user, OPT_OUT, member, request, how="page", by=by)
    if member.email_reminders != email_reminders:
        member.email_reminders = email_reminders
        fields.append("email_reminders")
        _audit(user, EMAIL_REMINDERS, member, request, on=email_reminders, by=by)
    if fields:
        member.version += 1
        member.save(update_fields=[*fields, "version"])
    if starting:
        notifications.text_welcome(member)
    return member


@transaction.atomic
def answer_keyword(number, body):
    """A reply to one of our texts: STOP, START or HELP (any case, extra words ignored).

    STOP applies to every team the number is on: the person asked the number to stop, not
    one team. START turns texts back on only where the member had said yes before. Returns
    the answer to send back, or "" for anything else (we never read other replies)."""
    words = (body or "").strip().upper().split()
    keyword = words[0] if words else ""
    e164 = to_e164(number)
    members = list(
        Membership.objects.select_related("team")
        .select_for_update()
        .filter(text_number=e164)
        .exclude(text_number="")
        .order_by("-text_opt_in_at", "id")
    )
    language = members[0].language if members else "en"
    now = timezone.now()
    if keyword in wording.STOP_WORDS:
        for member in members:
            if member.text_opt_in_at and not member.text_opt_out_at:
                member.text_opt_out_at = now
                member.save(update_fields=["text_opt_out_at"])
                _audit(None, OPT_OUT, member, how="reply", keyword=keyword)
        return wording.in_language(language, wording.stopped)
    if keyword in wording.START_WORDS:
        restarted = [m for m in members if m.text_opt_in_at and m.text_opt_out_at and m.is_active]
        for member in restarted:
            member.text_opt_in_at, member.text_opt_out_at = now, None
            member.save(update_fields=["text_opt_in_at", "text_opt_out_at"])
            _audit(None, OPT_IN, member, how="reply", keyword=keyword)
        return wording.in_language(language, wording.started if restarted else wording.help_text)
    if keyword in wording.HELP_WORDS:
        return wording.in_language(language, wording.help_text)
    return ""
