"""The HSDS 3.0 API at /hsds/: public, read-only, shaped exactly as the standard's OpenAPI says.

Plain views rather than django-ninja: the answers are the standard's documents, not our schemas.
Anyone may read them (the directory is public); only public services ever appear.
"""

import json
import math
import uuid

from django.conf import settings
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import documents as d
from . import models as m
from . import queries
from .params import BadParameter, Params

NDJSON_CHUNK = 500


def hsds_view(view):
    """Public, GET only, JSON always: a bad parameter is a 400 that names it, a missing record 404."""

    @require_GET
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, Params(request.GET), *args, **kwargs)
        except BadParameter as error:
            response = JsonResponse(error.as_json(), status=400)
        except Http404:
            response = JsonResponse({"detail": _("Not found.")}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    wrapped.login_not_required = True
    return wrapped


def paged(p, qs, build):
    """The standard's page shape, or every record as NDJSON when format=ndjson."""
    if p.format() == "ndjson":
        return StreamingHttpResponse(_ndjson(qs, build), content_type="application/x-ndjson")
    page, per_page = p.page(), p.per_page()
    total = qs.count()
    start = (page - 1) * per_page
    contents = build(list(qs[start : start + per_page])) if start < total else []
    total_pages = max(1, math.ceil(total / per_page))
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _ndjson(qs, build):
    start = 0
    while chunk := list(qs[start : start + NDJSON_CHUNK]):
        for doc in build(chunk):
            yield json.dumps(doc) + "\n"
        start += NDJSON_CHUNK


def _get(qs, pk):
    """The record with this id in qs; a malformed id is as unknown as a missing one."""
    try:
        return qs.get(pk=uuid.UUID(pk))
    except (ValueError, qs.model.DoesNotExist):
        raise Http404 from None


def _one(qs, pk, nest, tagged=True):
    return JsonResponse(d.Builder(tagged).build([_get(qs, pk)], nest)[0])


@hsds_view
def root(request, p):
    """What this API is: HSDS 3.0, the profile it follows, where its OpenAPI document is."""
    return JsonResponse(
        {
            "version": "3.0",
            "profile": settings.HSDS_PROFILE_URL,
            "openapi_url": settings.HSDS_OPENAPI_URL,
        }
    )


@hsds_view
def services(request, p):
    qs = queries.services(p)
    if p.flag("minimal"):
        # The standard asks for just the id and modification time; name and status come too,
        # because its service_list schema requires them.
        keep = ("id", "name", "status", "last_modified")
        return paged(p, qs, lambda objs: [{k: d.row(o)[k] for k in keep} for o in objs])
    full = p.flag("full")
    nest = d.SERVICE_FULL if full else d.SERVICE_LIST
    return paged(p, qs, lambda objs: d.Builder(tagged=full).build(objs, nest))


@hsds_view
def service(request, p, pk):
    return _one(m.Service.objects.public(), pk, d.SERVICE_FULL)


@hsds_view
def service_at_locations(request, p):
    qs = queries.service_at_locations(p)
    full = p.flag("full")
    nest = d.SERVICE_AT_LOCATION_FULL if full else d.SERVICE_AT_LOCATION_LIST
    return paged(p, qs, lambda objs: d.Builder(tagged=full).build(objs, nest))


@hsds_view
def service_at_location(request, p, pk):
    qs = m.ServiceAtLocation.objects.filter(service__status__in=m.Service.PUBLIC_STATUSES)
    return _one(qs, pk, d.SERVICE_AT_LOCATION_FULL)


@hsds_view
def organizations(request, p):
    qs = queries.organizations(p)
    full, full_service = p.flag("full"), p.flag("full_service")
    if not full:
        return paged(p, qs, lambda objs: [d.row(o) for o in objs])
    nest = d.organization_full(full_service)
    return paged(p, qs, lambda objs: d.Builder().build(objs, nest))


@hsds_view
def organization(request, p, pk):
    return _one(m.Organization.objects.all(), pk, d.organization_full(p.flag("full_service")))


@hsds_view
def taxonomies(request, p):
    return paged(p, queries.taxonomies(p), lambda objs: [d.row(o) for o in objs])


@hsds_view
def taxonomy(request, p, pk):
    return _one(m.Taxonomy.objects.all(), pk, [], tagged=False)


@hsds_view
def taxonomy_terms(request, p):
    return paged(p, queries.taxonomy_terms(p), lambda objs: [d.term_document(t) for t in objs])


@hsds_view
def taxonomy_term(request, p, pk):
    term = _get(m.TaxonomyTerm.objects.select_related("taxonomy_detail"), pk)
    return JsonResponse(d.term_document(term))
