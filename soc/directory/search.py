"""Finding services: free text in English and Spanish, filters a family cares about, nearest first.

Text is matched the same way on both databases, each with its own full-text engine: the words
of the query are folded (no case, no accents), stop words of both languages dropped, and every
remaining word must match. PostgreSQL stems them with its 'english' and 'spanish' configurations
(index in migration 0004) and forgives a typo by correcting the word to the nearest words
services use (soc/directory/vocabulary.py); SQLite stems with FTS5's porter tokenizer and
forgives typos by matching a long word's first letters.
Distance is a flat-earth approximation computed in SQL (plain arithmetic, so SQLite needs no
math functions), precise enough to sort services within a state.

At 50,000 services (issue #13, bench/directory_search_bench.py) a page costs: the matching
services counted up to COUNT_CAP without ranking them; the ids of the page's services ranked
over narrow rows; those services read whole with what the page shows. Every filter is a
semi-join the database computes once, over an index.
"""

import datetime
import functools
import math
import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    F,
    FloatField,
    Min,
    Prefetch,
    Value,
    When,
)
from django.utils.functional import cached_property

from . import models as m
from . import search_filters
from .fulltext import TextQuery
from .geography import bounding_box, postcode_centroid
from .models.base import folded
from .vocabulary import WORD

PER_PAGE = 20
COUNT_CAP = 500
MAX_WORDS = 8
KM_PER_DEGREE = 111.2
# Distance bands (km): nearer bands come first, relevance orders services inside a band.
BANDS_KM = (8, 25, 50, 100)
MAX_KM = 160  # a family is shown services within about 100 miles, and those with no place
_STOP_WORDS = (
    "a an and at for in of on or the to with near me my i need help "
    "de del el la las los en para por con y o un una unos unas al mi necesito ayuda"
)
STOP_WORDS = frozenset(_STOP_WORDS.split())
_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")


def words_of(query):
    """The folded words that must match: 'Clases para padres en ESPAÑOL' -> clases padres espanol."""
    found = WORD.findall(folded(query or ""))
    kept = [w for w in found if w not in STOP_WORDS] or found
    return kept[:MAX_WORDS]


def matching(qs, query):
    """Services whose text matches the query (no ranking): for filtering other tables by it."""
    words = words_of(query)
    return TextQuery(words).filter(qs) if words else qs


# Distance


def place_of(near):
    """(latitude, longitude) of a ZIP code or of a typed address holding one or naming an NC
    town; None when we cannot tell where it is (no network lookups)."""
    text = (near or "").strip()
    if not text:
        return None
    if zip_code := _ZIP.search(text):
        return postcode_centroid(zip_code.group(1))
    parts = [p.strip() for p in re.split(r"[,\n]", text) if p.strip()]
    for part in reversed(parts):
        town = re.sub(r"\s+(nc|north carolina)$", "", part, flags=re.IGNORECASE).strip()
        if centre := _town_centre(town):
            return centre
    return None


@functools.lru_cache(maxsize=1024)
def _town_centre(town):
    """The centre of an NC town's ZIP codes (the `zipcodes` package scans them all: cached)."""
    import zipcodes

    found = zipcodes.filter_by(city=town.upper(), state="NC") or zipcodes.filter_by(
        city=town.title(), state="NC"
    )
    found = [z for z in found if z.get("lat")]
    if not found:
        return None
    lat = sum(float(z["lat"]) for z in found) / len(found)
    lon = sum(float(z["long"]) for z in found) / len(found)
    return lat, lon


def _squared_degrees(centre, path):
    """Squared flat-earth distance, in degrees of latitude, from centre to a location."""
    lat, lon = centre
    stretch = math.cos(math.radians(lat))
    dlat = F(f"{path}latitude") - Value(lat)
    dlon = (F(f"{path}longitude") - Value(lon)) * Value(stretch)
    return dlat * dlat + dlon * dlon


def _box(centre):
    """Latitude and longitude ranges around centre, MAX_KM each way: the indexed first cut."""
    low_lat, high_lat, low_lon, high_lon = bounding_box(centre, MAX_KM * 1000)
    return {"latitude__range": (low_lat, high_lat), "longitude__range": (low_lon, high_lon)}


def _in_reach(qs, centre):
    """Services with a place within MAX_KM, as a semi-join: for counting them. (A service with
    no place, a phone line, is found by searching without a place.)"""
    boxed = m.ServiceAtLocation.objects.filter(
        **{f"location__{k}": v for k, v in _box(centre).items()}
    )
    return qs.filter(id__in=boxed.values("service_id"))


def _nearest(qs, centre, boxed=True):
    """Annotated with the squared distance to the service's nearest place (within MAX_KM when
    `boxed`: the box filters the same join the distance is computed over) and its band."""
    path = "service_at_locations__location__"
    if boxed:
        qs = qs.filter(**{path + k: v for k, v in _box(centre).items()})
    qs = qs.annotate(distance_d2=Min(_squared_degrees(centre, path)))
    bands = [
        When(distance_d2__lte=(km / KM_PER_DEGREE) ** 2, then=Value(i))
        for i, km in enumerate(BANDS_KM)
    ]
    return qs.annotate(
        band=Case(
            *bands,
            When(distance_d2__isnull=False, then=Value(len(BANDS_KM))),
            default=Value(len(BANDS_KM) + 1),
        )
    )


def km_from(distance_d2):
    return None if distance_d2 is None else math.sqrt(distance_d2) * KM_PER_DEGREE


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
        return _in_reach(self.matching, self.centre) if self.centre else self.matching

    def ranked(self, ids=None):
        """The services found (or those with these ids), best first; with a place, nearest
        band first. Ranking only ever reads the rows the search selected."""
        qs = self.matching if ids is None else m.Service.objects.filter(pk__in=ids)
        if self.text:
            qs = qs.annotate(relevance=self.text.relevance())
        else:
            qs = qs.annotate(relevance=Value(0.0, output_field=FloatField()))
        if self.centre:
            # The nearest place of a service found is in the box: no need to box its ids.
            qs = _nearest(qs, self.centre, boxed=ids is None)
            return qs.order_by("band", "-relevance", "distance_d2", "name", "id")
        return qs.order_by("-relevance", "name", "id")


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
    return Found(qs, text, place_of(f.near) if f.near else None)


def ranked_services(query="", filters=None, queryset=None):
    """Public services matching the query and filters, best first: a lazy queryset (so the HSDS
    API can page it the same way as everything else)."""
    return find(query, filters, queryset).ranked()


class CappedPaginator(Paginator):
    """Counts up to COUNT_CAP matches: past that a family needs more words or a place, not an
    exact number, and counting every one of 50,000 services would cost as much as ranking them."""

    @cached_property
    def count(self):
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @property
    def capped(self):
        return self.count > COUNT_CAP


def for_display(qs):
    """The related rows a results page shows, each fetched once for the whole page, as lists
    (`shown_*`, read by service_facts): a related manager per service and relation would cost
    more than the queries do."""
    places = m.ServiceAtLocation.objects.select_related("location").prefetch_related(
        Prefetch("location__addresses", to_attr="shown_addresses"),
        Prefetch("location__phones", to_attr="shown_phones"),
        Prefetch("schedules", to_attr="shown_schedules"),
    )
    return qs.select_related("organization").prefetch_related(
        Prefetch("languages", to_attr="shown_languages"),
        Prefetch("cost_options", to_attr="shown_cost_options"),
        Prefetch("phones", to_attr="shown_phones"),
        Prefetch("schedules", to_attr="shown_schedules"),
        Prefetch("service_at_locations", queryset=places, to_attr="shown_service_at_locations"),
    )


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
    # Counted without ranking; then only the page's ids are ranked (narrow rows), and only
    # those services are read whole, with what the page shows.
    paginator = CappedPaginator(found.services, per_page)
    result = paginator.get_page(page)
    services = []
    if paginator.count:
        window = found.ranked().values("pk")[result.start_index() - 1 : result.end_index()]
        services = list(for_display(found.ranked(ids=window)))
    result.object_list = services
    for service in services:
        service.distance_km = km_from(getattr(service, "distance_d2", None))
    return result
