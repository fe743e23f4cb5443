"""Finding services: free text in English and Spanish, filters a family cares about, nearest first.

Text is matched the same way on both databases, each with its own full-text engine: the words
of the query are folded (no case, no accents), stop words of both languages dropped, and every
remaining word must match. PostgreSQL stems them with its 'english' and 'spanish' configurations
(index in migration 0004) and forgives a typo by correcting the word to the nearest words
services use (soc/directory/vocabulary.py); SQLite stems with FTS5's porter tokenizer and
forgives typos by matching a long word's first letters.
Near a place, services come nearest band first (soc/directory/nearby.py).

At 50,000 services (issue #13, bench/directory_search_bench.py) no search ranks every match:
a page is ranked among at most COUNT_CAP + 1 candidates, the first the database finds, which
are every match whenever fewer match (the count is then exact), and a sample of them when the
page says "more than 500". With no place, one query ranks the candidates and counts them;
near a place, the services in the nearest band and within reach are counted first (each up to
COUNT_CAP + 1), and the candidates come from the nearest band that fills the page. Then only
the page's services are read whole, with what the page shows. Every filter is a semi-join the
database computes once, over an index, but "within reach" of a place, which most services
pass: it looks up one place of each service the search reads.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    Count,
    FloatField,
    Q,
    Value,
    Window,
)
from django.utils.functional import cached_property

from . import models as m
from . import nearby, search_filters
from .fulltext import TextQuery
from .models.base import folded
from .vocabulary import WORD

PER_PAGE = 20
COUNT_CAP = 500
CUT_BANDS = 1  # near a place, a page may come from the nearest band alone (8 km)
MAX_WORDS = 8
_STOP_WORDS = (
    "a an and at for in of on or the to with near me my i need help "
    "de del el la las los en para por con y o un una unos unas al mi necesito ayuda"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())


def words_of(query):
    """The folded words that must match: 'Clases para padres en ESPAÑOL' -> clases padres espanol."""
    found = WORD.findall(folded(query or ""))
    kept = [w for w in found if w not in STOP_WORDS] or found
    return kept[:MAX_WORDS]


def matching(qs, query):
    """Services whose text matches the query (no ranking): for filtering other tables by it."""
    words = words_of(query)
    return TextQuery(words).filter(qs) if words else qs


# The search


@dataclass
class Filters:
    county: object = None
    language: str | None = None
    age: float | None = None
    need: object = None
    free: bool = False
    open_now: bool = False
    has_capacity: bool = False
    near: str | None = None
    now: datetime.datetime | None = None


@dataclass
class Found:
    """What a search selects, before any place (`matching`), and what ranks it."""

    matching: object
    text: TextQuery | None
    centre: tuple | None

    @property
    def services(self):
        """The services found, unordered and unranked: cheap to count."""
        return nearby.within(self.matching, self.centre) if self.centre else self.matching

    def counts(self):
        """[services found], or near a place [in each of the nearest CUT_BANDS bands or
        nearer, ..., within reach]: each counted up to COUNT_CAP + 1, all in one query."""
        if not self.centre:
            return _capped_counts([self.services])
        bands = [nearby.within(self.matching, self.centre, b) for b in range(CUT_BANDS)]
        return _capped_counts([*bands, self.services])

    def candidates(self, counts=None, needed=None):
        """The services a page is ranked among (a Q), given `counts()`: at most COUNT_CAP + 1
        of those found, as the database first finds them. A count that is exact ranks every
        match; one that reads "more than 500" ranks a sample, so no search ranks thousands.
        Near a place: those in the nearest band that, with the nearer bands, holds the first
        `needed` results, and all of the nearer bands' (fewer than `needed`)."""
        if not self.centre:
            return Q(pk__in=_first(self.matching))
        band = nearby.band_to_rank(counts[:-1], needed)
        inside = nearby.within(self.matching, self.centre, band)
        chosen = Q(pk__in=_first(inside))
        nearer = (CUT_BANDS if band is None else band) - 1
        if counts[-1 if band is None else band] > COUNT_CAP and nearer >= 0:
            chosen |= Q(pk__in=nearby.within(self.matching, self.centre, nearer).values("pk"))
        return chosen

    def ranked(self, among=None):
        """The services found (or those `among` selects of them), best first; with a place,
        nearest band first."""
        qs = self.matching if among is None else m.Service.objects.filter(among)
        if self.text:
            qs = qs.annotate(relevance=self.text.relevance())
        else:
            qs = qs.annotate(relevance=Value(0.0, output_field=FloatField()))
        if self.centre:
            # The nearest place of a candidate is in the box: no need to box them again.
            qs = nearby.nearest(qs, self.centre, boxed=among is None)
            return qs.order_by("band", "-relevance", "distance_d2", "name", "id")
        return qs.order_by("-relevance", "name", "id")


def _first(qs):
    """The ids of at most COUNT_CAP + 1 rows of qs, in no particular order."""
    return qs.order_by().values("pk")[: COUNT_CAP + 1]


def _capped_counts(querysets):
    """How many rows each queryset has, up to COUNT_CAP + 1, in one query."""
    if any(qs.query.is_empty() for qs in querysets):
        return [0] * len(querysets)
    selects, params = [], []
    for qs in querysets:
        sql, qs_params = qs.order_by().values("pk")[: COUNT_CAP + 1].query.sql_with_params()
        # Django compiled sql, with its parameters apart: nothing of the query is in the text.
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS found)")  # noqa: S608  # nosec B608 - Django-compiled SQL, parameters apart
        params.extend(qs_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return list(cursor.fetchone())


def find(query="", filters=None, queryset=None):
    """The public services (of `queryset`) that match the query and the filters."""
    f = filters or Filters()
    qs = queryset if queryset is not None else m.Service.objects.public()
    text = TextQuery(words) if (words := words_of(query)) else None
    if text:
        qs = text.filter(qs)
    if f.county:
        qs = search_filters.in_county(qs, f.county)
    if f.language:
        qs = search_filters.in_language(qs, f.language)
    if f.age is not None:
        qs = search_filters.for_age(qs, f.age)
    if f.need:
        qs = search_filters.for_need(qs, f.need)
    if f.free:
        qs = search_filters.free(qs)
    if f.open_now:
        qs = search_filters.open_now(qs, f.now)
    if f.has_capacity:
        qs = search_filters.with_room(qs)
    return Found(qs, text, nearby.place_of(f.near) if f.near else None)


def ranked_services(query="", filters=None, queryset=None):
    """Public services matching the query and filters, best first: a lazy queryset (so the HSDS
    API can page it the same way as everything else)."""
    return find(query, filters, queryset).ranked()


class CappedPaginator(Paginator):
    """Counts up to COUNT_CAP matches: past that a family needs more words or a place, not an
    exact number, and counting every one of 50,000 services would cost as much as ranking them."""

    def __init__(self, object_list, per_page, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = counted

    @cached_property
    def count(self):
        if self.counted is not None:
            return self.counted
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @property
    def capped(self):
        return self.count > COUNT_CAP


def for_display(services):
    """Give each service (a list) the related rows a results page or a service page shows, as
    lists (`shown_*`, read by service_facts): six queries for the whole page, each relation
    read once, where a prefetch per relation and level took nine (issue #13)."""
    ids = [s.pk for s in services]
    if not ids:
        return services
    places = list(m.ServiceAtLocation.objects.filter(service_id__in=ids).select_related("location"))
    locations = {}
    for place in places:  # services at one location share its rows
        place.location = locations.setdefault(place.location_id, place.location)
    sals = {p.pk: p for p in places}
    rows = {
        "languages": m.Language.objects.filter(service_id__in=ids),
        "cost_options": m.CostOption.objects.filter(service_id__in=ids),
        "phones": m.Phone.objects.filter(Q(service_id__in=ids) | Q(location_id__in=locations)),
        "schedules": m.Schedule.objects.filter(
            Q(service_id__in=ids) | Q(service_at_location_id__in=sals)
        ),
        "addresses": m.Address.objects.filter(location_id__in=locations),
    }
    by_service = {pk: {name: [] for name in rows} for pk in ids}
    for target in (*locations.values(), *sals.values()):
        target.shown_addresses, target.shown_phones, target.shown_schedules = [], [], []
    for name, qs in rows.items():
        for row in qs:
            if getattr(row, "service_id", None) in by_service:
                by_service[row.service_id][name].append(row)
            if name in ("phones", "addresses") and row.location_id in locations:
                getattr(locations[row.location_id], f"shown_{name}").append(row)
            if name == "schedules" and row.service_at_location_id in sals:
                sals[row.service_at_location_id].shown_schedules.append(row)
    for service in services:
        for name, found in by_service[service.pk].items():
            if name != "addresses":
                setattr(service, f"shown_{name}", found)
        service.shown_service_at_locations = [p for p in places if p.service_id == service.pk]
    return services


def _in_order(ids):
    """The services of these ids, whole, in this order."""
    by_pk = m.Service.objects.select_related("organization").in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _counted_page(found, number, per_page):
    """(page, its services) from one query that ranks the candidates and counts them, for a
    search with no place; None for a page past the last or not a number."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return None
    if found.centre or number < 1 or found.matching.query.is_empty():
        return None
    start = (number - 1) * per_page
    ranked = found.ranked(found.candidates()).annotate(found_count=Window(Count("pk")))
    rows = list(ranked.values_list("pk", "found_count")[start : start + per_page])
    if not rows and number > 1:
        return None
    paginator = CappedPaginator(found.services, per_page, counted=rows[0][1] if rows else 0)
    return paginator.page(number), _in_order([pk for pk, _count in rows])


def _page(found, number, per_page):
    """(page, its services): counted first, without ranking; then only the page's services are
    ranked (near a place, among the nearest bands that fill the page)."""
    counts = found.counts()
    paginator = CappedPaginator(found.services, per_page, counted=counts[-1])
    result = paginator.get_page(number)
    if not paginator.count:
        return result, []
    start, end = result.start_index() - 1, result.end_index()
    ranked = found.ranked(found.candidates(counts, end))
    if not found.centre:
        return result, _in_order(list(ranked.values_list("pk", flat=True)[start:end]))
    # The ranking query reads the services whole (and their distance): one query, not two.
    return result, list(ranked.select_related("organization")[start:end])


def search_services(
    query="",
    *,
    county=None,
    language=None,
    age=None,
    need=None,
    free=None,
    open_now=None,
    has_capacity=None,
    near=None,
    page=1,
    per_page=PER_PAGE,
    now=None,
):
    """One page of ranked public services (a Django Page); each has `distance_km` when `near`
    is a place we know. A fixed number of queries, whatever the page holds."""
    filters = Filters(
        county=county,
        language=language,
        age=age,
        need=need,
        free=bool(free),
        open_now=bool(open_now),
        has_capacity=bool(has_capacity),
        near=near,
        now=now,
    )
    found = find(query, filters)
    result, services = _counted_page(found, page, per_page) or _page(found, page, per_page)
    # Only the page's services are read whole, with what the page shows; ranking them again to
    # read them cost a query as dear as the first.
    for service in services:
        service.distance_km = nearby.km_from(getattr(service, "distance_d2", None))
    result.object_list = for_display(services)
    return result
