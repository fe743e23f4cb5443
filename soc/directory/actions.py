"""Changes to the directory that people make: verifying a service, stating its capacity.

Each validates, writes and audits in one transaction; pages and API (to come) call these.
Who may call them (provider staff for their own agency's services, directory administrators
for all) is for the access policy to say when those doors are built.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record

from .models import Service, ServiceCapacity


@transaction.atomic
def verify_service(service, by, *, today=None):
    """`by` confirmed today that the service's details are right: it leaves the re-verification queue."""
    service.assured_date = today or timezone.localdate()
    service.verified_by = by
    service.assurer_email = by.email
    service.last_modified = timezone.now()
    service.save(
        update_fields=[
            "assured_date",
            "verified_by",
            "assurer_email",
            "last_modified",
            "search_text",
        ]
    )
    record(by, "directory.service_verified", service)
    return service


@transaction.atomic
def update_capacity(service, by, *, status, unit="", available=None, maximum=None):
    """State how much room a service has (Gravity status, and HSDS 3.1 numbers when known)."""
    if status not in Service.CapacityStatus.values:
        raise ValidationError({"status": _("Choose a capacity status from the list.")})
    if available is not None:
        if available < 0 or (maximum is not None and available > maximum):
            raise ValidationError(
                {"available": _("Places available must be between 0 and the maximum.")}
            )
        if not unit:
            raise ValidationError(
                {"unit": _("Say what the places are (families, seats, beds...).")}
            )
    now = timezone.now()
    service.capacity_status = status
    service.last_modified = now
    service.save(update_fields=["capacity_status", "last_modified", "search_text"])
    if available is not None:
        ServiceCapacity.objects.update_or_create(
            service=service,
            unit=unit,
            defaults={"available": available, "maximum": maximum, "updated": now},
        )
    record(
        by, "directory.capacity_updated", service, detail={"status": status, "available": available}
    )
    return service
