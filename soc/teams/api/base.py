"""The teams router and what its endpoints share."""

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField
from ninja import Router

router = Router()
MEMBERS, MEETINGS, NEXT_STEPS = ["team members"], ["meetings"], ["next steps"]


def _invalid_choice(field):
    return ValidationError({field: ModelChoiceField.default_error_messages["invalid_choice"]})
