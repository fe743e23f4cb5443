"""Keeping the directory current: each change validates, writes and audits in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.audit.log import record
from soc.versioning import lock_for_content_edit

from . import units
from .models import Language, Service, ServiceArea, ServiceCapacity
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
        unit = units.code_for(unit)  # "plazas" and "places" are one capacity, read in any language
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


DETAIL_FIELDS = (
    "name",
    "status",
    "description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "application_process",
    "fees_description",
    "wait_time",
    "interpretation_services",
    "url",
    "email",
    "alert",
)


@transaction.atomic
def update_details(user, service_id, *, version, details, languages, counties, request=None):
    """What families read about a service: its words, ages, languages and counties.

    `languages` are HSDS codes and `counties` County rows; both replace what the service lists
    itself (languages and areas given per location or by name only are left alone)."""
    service = _locked(user, service_id, version)
    if not (details.get("name") or "").strip():
        raise ValidationError({"name": _("Please give the service a name.")})
    if details.get("status") not in Service.Status.values:
        raise ValidationError({"status": _("Please choose one of the options.")})
    low, high = details.get("minimum_age"), details.get("maximum_age")
    if low is not None and high is not None and low > high:
        raise ValidationError(
            {"maximum_age": _("The oldest age cannot be less than the youngest.")}
        )
    changed = [f for f in DETAIL_FIELDS if getattr(service, f) != details.get(f)]
    for field in changed:
        setattr(service, field, details[field])
    changed += _replace_languages(service, languages) + _replace_counties(service, counties)
    if not changed:
        return service
    _touch(service, user, [f for f in changed if f in DETAIL_FIELDS])
    record(user, "directory.service_details", service, request=request, detail={"changed": changed})
    return service


def primary_language(code):
    """ "es-US" and "ES" are Spanish, as search reads them."""
    return code.lower().split("-")[0]


def _replace_languages(service, codes):
    names = dict(Language.OFFERED)
    own = list(service.languages.filter(location__isnull=True, phone__isnull=True))
    wanted = set(codes)
    # Only the languages the page offers can be unticked: others (imported "pt", "ht") stay.
    dropped = [
        row.pk
        for row in own
        if row.code
        and primary_language(row.code) in names
        and primary_language(row.code) not in wanted
    ]
    missing = wanted - {primary_language(row.code) for row in own}
    if not dropped and not missing:
        return []
    Language.objects.filter(pk__in=dropped).delete()
    Language.objects.bulk_create(
        Language(service=service, code=code, name=str(names.get(code, code)))
        for code in sorted(missing)
    )
    return ["languages"]


def _replace_counties(service, counties):
    areas = service.service_areas.filter(county__isnull=False)
    have = set(areas.values_list("county_id", flat=True))
    wanted = {county.pk: county for county in counties}
    if have == set(wanted):
        return []
    areas.exclude(county_id__in=wanted).delete()
    ServiceArea.objects.bulk_create(
        ServiceArea(service=service, name=f"{wanted[pk].name} County", county_id=pk)
        for pk in sorted(set(wanted) - have)
    )
    return ["counties"]
