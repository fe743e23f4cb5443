"""The public "Find help" pages, and the pages provider staff use to keep their services current.

"Find help" needs no sign-in and records nothing about who searched: no audit row, no log line
with the query (request logs drop query strings, soc/access_log.py), no cookie of its own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from soc.versioning import StaleVersion

from . import actions
from .find_forms import CapacityForm, FindForm, VersionForm
from .models import Service
from .rules import can_edit, editable_services
from .search import for_display, search_services
from .service_facts import facts

QUERY_FIELDS = ("q", "need", "near", "age", "language", "free", "open_now", "has_capacity")


@require_GET
def find_help(request):
    form = FindForm(request.GET or None)
    context = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        page = search_services(
            data["q"],
            need=data["need"] or None,
            near=data["near"] or None,
            age=data["age"],
            language=data["language"] or None,
            free=data["free"],
            open_now=data["open_now"],
            has_capacity=data["has_capacity"],
            page=request.GET.get("page") or 1,
        )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            searched=True,
            page=page,
            results=[facts(s) for s in page.object_list],
            query_string=query.urlencode(),
            knows_place=bool(data["near"])
            and any(s.distance_km is not None for s in page.object_list),
        )
    return render(request, "directory/find/search.html", context)


def _public_service(pk):
    try:
        return for_display(Service.objects.public()).get(pk=pk)
    except (Service.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None


@require_GET
def find_service(request, pk):
    service = _public_service(pk)
    return render(
        request,
        "directory/find/service.html",
        {"f": facts(service), "can_edit": can_edit(request.user, service)},
    )


def _editable(request, pk):
    try:
        return editable_services(request.user).select_related("organization").get(pk=pk)
    except (Service.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None


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
