"""The words of every text message, in the member's language.

A text can be read by anyone holding the phone, so it never carries case details: no names
of children or of the family, no notes, no place (an agency's address tells what kind of help
a family gets), no description of a next step. It says that something is coming and links to
the page, where signing in and the access policy decide what is shown.
"""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

SENDER = "System of Care"
# Keywords carriers and providers treat as opt-out / opt-in (CTIA guidance).
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ALTO", "PARAR"})
START_WORDS = frozenset({"START", "UNSTOP", "YES", "SI", "SÍ"})
HELP_WORDS = frozenset({"HELP", "INFO", "AYUDA"})


def site_language(code):
    """The member's language if the site speaks it, else English."""
    return code if code in dict(settings.LANGUAGES) else "en"


def _time(moment):
    # "4:00 PM" in English, "4:00 p. m." in Spanish: the 12-hour clock US Spanish speakers use.
    local = timezone.localtime(moment)
    if _is_english():
        return formats.date_format(local, "g:i A")
    return formats.date_format(local, "g:i") + (" a. m." if local.hour < 12 else " p. m.")


def _day(moment):
    pattern = "l, F j" if _is_english() else r"l j \d\e F"
    return formats.date_format(timezone.localtime(moment), pattern)


def _is_english():
    return translation.get_language() == "en"


def in_language(language, build, *args):
    with translation.override(site_language(language)):
        return build(*args)


def meeting_reminder(starts_at, link):
    return _("You have a team meeting tomorrow at %(time)s. Details: %(link)s") % {
        "time": _time(starts_at),
        "link": link,
    }


def meeting_invitation(starts_at, link):
    return _("Your team is meeting on %(day)s at %(time)s. Details: %(link)s") % {
        "day": _day(starts_at),
        "time": _time(starts_at),
        "link": link,
    }


def meeting_changed(starts_at, link):
    return _(
        "Your team meeting has changed. It is now on %(day)s at %(time)s. Details: %(link)s"
    ) % {
        "day": _day(starts_at),
        "time": _time(starts_at),
        "link": link,
    }


def meeting_cancelled(starts_at, link):
    return _("Your team meeting on %(day)s at %(time)s is cancelled. Details: %(link)s") % {
        "day": _day(starts_at),
        "time": _time(starts_at),
        "link": link,
    }


def step_due(link):
    return _("You have a next step for your team that is due today. Details: %(link)s") % {
        "link": link
    }


def welcome():
    return _(
        "%(sender)s: you will get texts about your team's meetings and next steps. "
        "Msg & data rates may apply. Reply HELP for help, STOP to stop."
    ) % {"sender": SENDER}


def stopped():
    return _("%(sender)s: you will get no more texts from us. Reply START to get them again.") % {
        "sender": SENDER
    }


def started():
    return _("%(sender)s: you will get texts about your team again. Reply STOP to stop.") % {
        "sender": SENDER
    }


def help_text():
    return _(
        "%(sender)s: texts about your team's meetings and next steps. "
        "For help, ask your care coordinator. Reply STOP to stop."
    ) % {"sender": SENDER}


def consent_wording():
    """What a member agrees to when they say yes on the page; stored with the audit event."""
    return _(
        "I agree to get text messages from %(sender)s about my team's meetings and next steps, "
        "about 1 to 5 a month. Msg & data rates may apply. I can reply STOP at any time to "
        "stop, or HELP for help. Saying yes is not required to get services."
    ) % {"sender": SENDER}
