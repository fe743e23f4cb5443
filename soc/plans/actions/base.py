"""What the plan actions share: the open-version lock and the refusal for a version in effect."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext as _

from soc.consent import policy
from soc.versioning import StaleVersion

from ..models import PlanVersion

IN_EFFECT_CODE = "in_effect"


def refuse_if_agreed(version):
    if not version.is_editable:
        raise ValidationError(
            _(
                "This version of the plan was agreed and cannot change. "
                "Start a new draft to make changes."
            ),
            code=IN_EFFECT_CODE,
        )


def lock_open_version(version, expected=None):
    """Lock the version row (one writer at a time) and refuse if it was agreed or moved on."""
    locked = PlanVersion.objects.select_for_update().select_related("plan").get(pk=version.pk)
    refuse_if_agreed(locked)
    if expected is not None and int(expected) != locked.version:
        raise StaleVersion(locked)
    return locked


def touch(version):
    """Count a content change. A proposed version goes back to draft: the family is asked
    again about what it now says, and earlier answers stop counting."""
    version.version += 1
    fields = ["version"]
    if version.is_proposed:
        version.status = PlanVersion.Status.DRAFT
        version.proposed_at = None
        fields += ["status", "proposed_at"]
    version.save(update_fields=fields)


def require_readable(user, record):
    """A part the user may not read is, for them, a part that does not exist."""
    if not policy.can_read_record(user, record):
        raise PermissionDenied


def refuse_null_characters(values):
    """PostgreSQL cannot store NUL characters: refuse them with Django's own message, for
    callers (imports, scripts) that skip the forms and the API schemas that already do."""
    errors = {
        field: ProhibitNullCharactersValidator.message
        for field, value in values.items()
        if isinstance(value, str) and "\x00" in value
    }
    if errors:
        raise ValidationError(errors)
