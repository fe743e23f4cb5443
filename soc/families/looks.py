"""Plain words for what someone looked at, for the family's "who has looked" page."""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "family.view": _("Opened the team page"),
    "family.export": _("Downloaded a spreadsheet of meetings and next steps"),
    "family.duplicate_shown": _("Was told your family may already be recorded"),
    "meeting.view": _("Opened a meeting"),
    "meeting.pdf": _("Printed a meeting summary"),
    "meeting.download": _("Downloaded a meeting invitation"),
    "meeting.list": _("Looked at the list of meetings"),
    "member.list": _("Looked at the list of team members"),
    "person.list": _("Looked at the family's people"),
    "next_step.list": _("Looked at the next steps"),
    "consent.list": _("Looked at your consents"),
    "consent.view": _("Opened a consent"),
    "consent.pdf": _("Printed a consent"),
    "audit.view": _("Looked at this list"),
}
DEFAULT = _("Looked at your family's information")


def label(action):
    return LABELS.get(action, DEFAULT)
