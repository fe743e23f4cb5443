"""Keeping the directory current: each change validates, writes and audits in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.versioning import lock_for_content_edit

from .models import Service, ServiceCapacity
from .rules import editable_services


def _locked(user, service_id, version):
    """The service, locked, if this user may edit it (else 404: other providers never learn more)."""
    try:
        return lock_for_content_edit(editable_services(user), service_id, version)
    except Service.DoesNotExist:
        raise Http404 from None


def _touch(service, user, fields):
    service.version += 1
    service.last_modified = timezone.now()
    service.save(update_fields=[*fields, "version", "last_modified", "search_text"])


@transaction.atomic
def update_capacity(user, service_id, *, version, status, available, maximum, unit, request=None):
    """Set the Gravity capacity status and the places (available of maximum, in a unit)."""
    service = _locked(user, service_id, version)
    if status not in Service.CapacityStatus.values:
        raise ValidationError({"capacity_status": _("Please choose one of the options.")})
    if available is not None and maximum is not None and available > maximum:
        raise ValidationError({"available": _("Open places cannot be more than the maximum.")})
    if available is not None and available < 0:
        raise ValidationError({"available": _("Open places cannot be less than zero.")})
    before = service.capacity_status
    service.capacity_status = status
    _touch(service, user, ["capacity_status"])
    if available is not None:
        unit = (unit or "").strip() or _("places")
        ServiceCapacity.objects.update_or_create(
            service=service,
            unit=unit,
            defaults={"available": available, "maximum": maximum, "updated": timezone.now()},
        )
    record(
        user,
        "directory.service_capacity",
        service,
        request=request,
        detail={"from": before, "to": status, "available": available, "maximum": maximum},
    )
    return service


@transaction.atomic
def verify_service(user, service_id, *, version, request=None):
    """ "Verified today": someone at the provider checked that what the directory says is right."""
    service = _locked(user, service_id, version)
    service.assured_date = timezone.localdate()
    service.verified_by = user
    service.assurer_email = user.email
    _touch(service, user, ["assured_date", "verified_by", "assurer_email"])
    record(user, "directory.service_verify", service, request=request)
    return service
