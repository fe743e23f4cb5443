"""Changing the inventory: one function per change, validated, written and audited at once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from soc.audit.log import record

from . import rules
from .models import ReportingRequirement


@transaction.atomic
def add_requirement(
    user,
    *,
    title,
    frequency,
    data_items,
    collaborative=None,
    body_kind="",
    recipient_organization=None,
    recipient="",
    due_on=None,
    due_rule="",
    request=None,
):
    """Record a reporting requirement a body (or every body of a kind) must meet."""
    if not rules.can(user, "add_requirement", collaborative):
        raise PermissionDenied
    errors = {}
    if collaborative is None and not body_kind:
        errors["collaborative"] = _("Name the body that reports, or the kind of body.")
    if collaborative is not None and body_kind and collaborative.kind != body_kind:
        errors["body_kind"] = _("The body is not of this kind.")
    if recipient_organization is None and not recipient.strip():
        errors["recipient"] = _("Say to whom the report goes.")
    if not data_items:
        errors["data_items"] = _("Choose at least one data item the report asks for.")
    if errors:
        raise ValidationError(errors)
    requirement = ReportingRequirement.objects.create(
        title=title,
        frequency=frequency,
        collaborative=collaborative,
        body_kind="" if collaborative is not None else body_kind,
        recipient_organization=recipient_organization,
        recipient=recipient.strip(),
        due_on=due_on,
        due_rule=due_rule,
        created_by=user,
    )
    requirement.data_items.set(data_items)
    record(user, "reporting.requirement_add", requirement, request=request)
    return requirement
