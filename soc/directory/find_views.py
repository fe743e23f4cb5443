"""The public "Find help" pages (provider staff keep services current in provider_views.py).

"Find help" needs no sign-in and records nothing about who searched: no audit row, no log line
with the query (request logs drop query strings, soc/access_log.py), no cookie of its own.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .find_forms import FindForm
from .models import Service
from .rules import can_edit
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
        service = Service.objects.public().select_related("organization").get(pk=pk)
    except (Service.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
    return for_display([service])[0]


@require_GET
def find_service(request, pk):
    service = _public_service(pk)
    return render(
        request,
        "directory/find/service.html",
        {"f": facts(service), "can_edit": can_edit(request.user, service)},
    )
