"""The filters of a directory search, each an `id IN (...)` the database computes once (a
semi-join), never a subquery per service; the composite indexes of migration 0005 serve them
from the index alone. Each takes and returns a queryset of services."""

import uuid
import zoneinfo

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, Exists, Func, OuterRef, Q
from django.utils import timezone

from . import models as m

LOCAL_TIME = zoneinfo.ZoneInfo("America/New_York")


def in_county(qs, county):
    key = getattr(county, "pk", county)
    if isinstance(key, str) and not key.isdigit():
        areas = m.ServiceArea.objects.filter(county__name__iexact=m.ServiceArea.county_key(key))
    else:
        areas = m.ServiceArea.objects.filter(county_id=key)
    return qs.filter(id__in=areas.values("service_id"))


def in_language(qs, code):
    """Offered in the language ("es" also finds "ES" and "es-US"), by the service or where it is."""
    code = code.lower()[:2]
    spoken = Q(code__in=(code, code.upper())) | Q(code__startswith=f"{code}-")
    at_service = m.Language.objects.filter(spoken).values("service_id")
    at_location = m.ServiceAtLocation.objects.filter(
        location__in=m.Language.objects.filter(spoken, location__isnull=False).values("location_id")
    ).values("service_id")
    # UNION, not UNION ALL: the planner then knows how many services there are (an Append of
    # two subqueries it guesses as 200) and hashes them instead of probing row by row.
    return qs.filter(id__in=at_service.order_by().union(at_location.order_by()))


def for_age(qs, age):
    return qs.filter(
        Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
        Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
    )


def need_terms(need):
    """The term (id or code) and its children and grandchildren: ids to tag-match."""
    terms = m.TaxonomyTerm.objects.all()
    key = getattr(need, "pk", need)
    try:
        root = Q(id=uuid.UUID(str(key)))
    except ValueError:
        root = Q(code=key)
    children = terms.filter(parent__in=terms.filter(root))
    grandchildren = terms.filter(parent__in=children)
    return terms.filter(root | Q(id__in=children) | Q(id__in=grandchildren)).values("id")


class _AnyOf(Func):
    """`column = ANY(ARRAY(subquery))`: PostgreSQL computes the array once, before planning
    the rest, instead of guessing how many rows the subquery gives (it guessed three times
    too many terms and hashed every tagged record rather than look up the services found)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra):
        column, array = (compiler.compile(e) for e in self.source_expressions)
        return f"{column[0]} = ANY({array[0]})", (*column[1], *array[1])


def for_need(qs, need):
    terms = need_terms(need)
    if connection.vendor == "postgresql":
        tagged = m.Attribute.objects.filter(_AnyOf("taxonomy_term_id", ArraySubquery(terms)))
    else:
        tagged = m.Attribute.objects.filter(taxonomy_term_id__in=terms)
    return qs.filter(id__in=tagged.values("link_id"))


def free(qs):
    free = m.CostOption.objects.filter(
        Q(amount=0) | Q(option__iexact="free") | Q(option__iexact="gratis")
    )
    paid = m.CostOption.objects.filter(service_id=OuterRef("pk"), amount__gt=0)
    # NOT EXISTS: the database answers it with one anti-join.
    return qs.filter(id__in=free.values("service_id")).exclude(Exists(paid))


def open_now(qs, now=None):
    local = timezone.localtime(now or timezone.now(), LOCAL_TIME)
    day, clock, today = (
        ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[local.weekday()],
        local.time(),
        local.date(),
    )
    open_rows = m.Schedule.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
        byday__contains=day,
        opens_at__lte=clock,
        closes_at__gt=clock,
    )
    at_service = open_rows.values("service_id")
    at_place = m.ServiceAtLocation.objects.filter(
        id__in=open_rows.filter(service_at_location__isnull=False).values("service_at_location_id")
    ).values("service_id")
    return qs.filter(id__in=at_service.order_by().union(at_place.order_by()))


def with_room(qs):
    return qs.filter(capacity_status=m.Service.CapacityStatus.HAS_CAPACITY)
