"""The teams router and what its endpoints share."""

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField
from ninja import Router

from soc.consent.policy import can_read_record

router = Router()
MEMBERS, MEETINGS, NEXT_STEPS = ["team members"], ["meetings"], ["next steps"]


def _invalid_choice(field):
    return ValidationError({field: ModelChoiceField.default_error_messages["invalid_choice"]})


def _readable(context, record_, category, author_id):
    return can_read_record(context["request"].auth, record_, category=category, author_id=author_id)
