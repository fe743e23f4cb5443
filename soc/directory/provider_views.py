"""The pages provider staff and directory administrators use to keep what families read right."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from soc.form_pages import submit

from . import actions
from .find_forms import ServiceDetailsForm
from .models import Language, Service, ServiceArea
from .rules import editable_services

LIST_SIZE = 50


def _own_language_codes(service):
    return sorted({actions.primary_language(row.code) for row in service.own_languages if row.code})


def _editable(request, pk):
    own_languages = Prefetch(
        "languages",
        queryset=Language.objects.filter(location__isnull=True, phone__isnull=True),
        to_attr="own_languages",
    )
    county_areas = Prefetch(
        "service_areas",
        queryset=ServiceArea.objects.filter(county__isnull=False).select_related("county"),
        to_attr="county_areas",
    )
    try:
        return (
            editable_services(request.user)
            .select_related("organization")
            .prefetch_related(own_languages, county_areas)
            .get(pk=pk)
        )
    except (ValueError, ValidationError, Service.DoesNotExist):
        raise Http404 from None


def _after_saving(service):
    if service.is_public():
        return reverse("find_service", args=[service.pk])
    return reverse("my_services")


@login_required
def service_details(request, pk):
    service = _editable(request, pk)
    initial = {field: getattr(service, field) for field in actions.DETAIL_FIELDS}
    for age in ("minimum_age", "maximum_age"):  # stored as HSDS numbers, asked as whole years
        if initial[age] is not None:
            initial[age] = int(initial[age])
    initial.update(
        version=service.version,
        languages=_own_language_codes(service),
        counties=[area.county for area in service.county_areas],
    )
    form = ServiceDetailsForm(request.POST or None, initial=initial)

    def act(data):
        details = {field: data[field] for field in actions.DETAIL_FIELDS}
        return actions.update_details(
            request.user,
            service.pk,
            version=data["version"],
            details=details,
            languages=data["languages"],
            counties=list(data["counties"]),
            request=request,
        )

    return submit(
        request,
        "directory/find/service_details.html",
        {"service": service},
        form,
        act,
        success=_("Saved. Families now see the new information."),
        done=_after_saving,
    )


@login_required
@require_GET
def my_services(request):
    """Every service this person keeps current, hidden ones included, so none is forgotten."""
    services = (
        editable_services(request.user)
        .select_related("organization")
        .order_by("organization__name", "name", "id")
    )
    page = Paginator(services, LIST_SIZE).get_page(request.GET.get("page"))
    return render(request, "directory/find/my_services.html", {"page": page})
