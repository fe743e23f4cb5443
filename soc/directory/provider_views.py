"""The pages provider staff and directory administrators use to keep what families read right:
their services, what each says, its capacity, "verified today", and the re-verification queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from soc.form_pages import submit
from soc.versioning import StaleVersion

from . import actions
from .find_forms import CapacityForm, ServiceDetailsForm, VersionForm
from .models import Language, Service, ServiceArea
from .rules import editable_services

LIST_SIZE = 50


def _own_language_codes(service):
    return sorted({actions.primary_language(row.code) for row in service.own_languages if row.code})


def _editable(request, pk, *prefetch):
    """The service if this person may edit it, else 404 (other providers learn nothing)."""
    services = editable_services(request.user).select_related("organization")
    try:
        return services.prefetch_related(*prefetch).get(pk=pk)
    except Service.DoesNotExist:
        raise Http404 from None


def _after_saving(service):
    if service.is_public():
        return reverse("find_service", args=[service.pk])
    return reverse("my_services")


@login_required
def service_details(request, pk):
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
    service = _editable(request, pk, own_languages, county_areas)
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


@login_required
def service_edit(request, pk):
    service = _editable(request, pk)
    capacity = service.capacities.first()
    initial = {
        "version": service.version,
        "capacity_status": service.capacity_status,
        "available": capacity.available if capacity else None,
        "maximum": capacity.maximum if capacity else None,
        "unit": capacity.unit if capacity else "",
    }
    form = CapacityForm(request.POST or None, initial=initial)
    conflict, status = None, 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_capacity(
                request.user,
                service.pk,
                version=data["version"],
                status=data["capacity_status"],
                available=data["available"],
                maximum=data["maximum"],
                unit=data["unit"],
                request=request,
            )
        except StaleVersion as stale:
            conflict, status = stale, 409
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            status = 400
        else:
            messages.success(request, _("Saved. Families now see the new information."))
            return redirect("find_service", pk=service.pk)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "directory/find/service_edit.html",
        {
            "service": service,
            "form": form,
            "conflict": conflict,
            "verify": VersionForm(initial={"version": service.version}),
        },
        status=status,
    )


@login_required
@require_POST
def service_verify(request, pk):
    service = _editable(request, pk)
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Please reload the page and try again."))
        actions.verify_service(
            request.user, service.pk, version=form.cleaned_data["version"], request=request
        )
    except StaleVersion as stale:
        return render(
            request,
            "directory/find/service_edit.html",
            {
                "service": service,
                "form": CapacityForm(initial={"version": service.version}),
                "conflict": stale,
                "verify": VersionForm(initial={"version": service.version}),
            },
            status=409,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("service_edit", pk=service.pk)
    messages.success(request, _("Thank you. The service is marked as verified today."))
    return redirect("find_service", pk=service.pk)


@login_required
@require_GET
def reverification_queue(request):
    stale = (
        editable_services(request.user)
        .needs_reverification()
        .select_related("organization")
        .order_by("assured_date", "name", "id")
    )
    page = Paginator(stale, 50).get_page(request.GET.get("page"))
    return render(request, "directory/find/queue.html", {"page": page})
