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
import math
import re
import uuid
import zoneinfo
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.utils import timezone
from django.utils.functional import cached_property

from . import models as m
from .fulltext import TextQuery
from .geography import bounding_box, postcode_centroid
from .models.base import folded
from .vocabulary import WORD

PER_PAGE = 20
COUNT_CAP = 500
MAX_WORDS = 8
KM_PER_DEGREE = 111.2
LOCAL_TIME = zoneinfo.ZoneInfo("America/New_York")
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


# Filters: each an `id IN (...)` the database computes once (a semi-join), never a subquery
# per service; the composite indexes of migration 0005 serve them from the index alone.


def _in_county(qs, county):
    key = getattr(county, "pk", county)
    if isinstance(key, str) and not key.isdigit():
        areas = m.ServiceArea.objects.filter(county__name__iexact=m.ServiceArea.county_key(key))
    else:
        areas = m.ServiceArea.objects.filter(county_id=key)
    return qs.filter(id__in=areas.values("service_id"))


def _in_language(qs, code):
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


def _for_age(qs, age):
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


def _for_need(qs, need):
    tagged = m.Attribute.objects.filter(taxonomy_term_id__in=need_terms(need))
    return qs.filter(id__in=tagged.values("link_id"))


def _free(qs):
    free = m.CostOption.objects.filter(
        Q(amount=0) | Q(option__iexact="free") | Q(option__iexact="gratis")
    )
    paid = m.CostOption.objects.filter(service_id=OuterRef("pk"), amount__gt=0)
    # NOT EXISTS: the database answers it with one anti-join.
    return qs.filter(id__in=free.values("service_id")).exclude(Exists(paid))


def _open_now(qs, now=None):
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


def _with_room(qs):
    return qs.filter(capacity_status=m.Service.CapacityStatus.HAS_CAPACITY)


# Distance


def place_of(near):
    """(latitude, longitude) of a ZIP code or of a typed address holding one or naming an NC
    town; None when we cannot tell where it is (no network lookups)."""
    text = (near or "").strip()
    if not text:
        return None
    if zip_code := _ZIP.search(text):
        return postcode_centroid(zip_code.group(1))
    import zipcodes

    parts = [p.strip() for p in re.split(r"[,\n]", text) if p.strip()]
    for part in reversed(parts):
        town = re.sub(r"\s+(nc|north carolina)$", "", part, flags=re.IGNORECASE).strip()
        found = zipcodes.filter_by(city=town.upper(), state="NC") or zipcodes.filter_by(
            city=town.title(), state="NC"
        )
        found = [z for z in found if z.get("lat")]
        if found:
            lat = sum(float(z["lat"]) for z in found) / len(found)
            lon = sum(float(z["long"]) for z in found) / len(found)
            return lat, lon
    return None


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
        qs = _in_county(qs, f.county)
    if f.language:
        qs = _in_language(qs, f.language)
    if f.age is not None:
        qs = _for_age(qs, f.age)
    if f.need:
        qs = _for_need(qs, f.need)
    if f.free:
        qs = _free(qs)
    if f.open_now:
        qs = _open_now(qs, f.now)
    if f.has_capacity:
        qs = _with_room(qs)
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
