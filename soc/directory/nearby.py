"""Searching near a place: where a ZIP code or a town is, which services are within reach, how
far their nearest place is, and the distance bands search orders them by.

Distance is a flat-earth approximation computed in SQL (plain arithmetic, so SQLite needs no
math functions), precise enough to sort services within a state. Every cut starts with a box on
the indexed latitude and longitude of locations (migration 0005). Results come band by band
(nearest band first, relevance inside a band), so a page needs only the services of the nearest
bands that fill it: ranking reads those, not every service within MAX_KM.
"""

import functools
import math
import re

from django.db.models import Case, F, FloatField, Func, Min, OuterRef, Subquery, Value, When

from . import models as m
from .geography import bounding_box, postcode_centroid

KM_PER_DEGREE = 111.2
# Distance bands (km): nearer bands come first, relevance orders services inside a band.
BANDS_KM = (8, 25, 50, 100)
MAX_KM = 160  # a family is shown services within about 100 miles, and those with no place
_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")


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


class SquaredDegrees(Func):
    """Squared flat-earth distance, in degrees of latitude, from centre to a location: one
    expression with the centre as parameters, which the ORM builds and copies for the price of
    two columns (a tree of F and Value objects cost search milliseconds per query, issue #13)."""

    output_field = FloatField()

    def __init__(self, centre, path=""):
        super().__init__(F(f"{path}latitude"), F(f"{path}longitude"))
        lat, lon = centre
        self.centre = (lat, lon, math.cos(math.radians(lat)) ** 2)

    def as_sql(self, compiler, connection, **extra):
        (lat_col, lat_params), (lon_col, lon_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        assert not lat_params and not lon_params, "columns compile without parameters"
        lat, lon, stretch2 = self.centre
        sql = f"(({lat_col} - %s) * ({lat_col} - %s) + ({lon_col} - %s) * ({lon_col} - %s) * %s)"
        return sql, (lat, lat, lon, lon, stretch2)


def limit_d2(km):
    return (km / KM_PER_DEGREE) ** 2


def _box(centre, km):
    """Latitude and longitude ranges around centre, km each way: the indexed first cut."""
    low_lat, high_lat, low_lon, high_lon = bounding_box(centre, km * 1000)
    return {"latitude__range": (low_lat, high_lat), "longitude__range": (low_lon, high_lon)}


def within(qs, centre, band=None):
    """The services of qs with a place in the band or a nearer one (a semi-join over the box);
    with no band, within reach: in the box MAX_KM around centre. (A service with no place, a
    phone line, is found by searching without a place.)"""
    km = MAX_KM if band is None else BANDS_KM[band]
    places = m.ServiceAtLocation.objects.filter(
        **{f"location__{k}": v for k, v in _box(centre, km).items()}
    )
    if band is None:
        # Most services found are within reach: one lookup of a place of each service the
        # search reads (a few hundred, search.COUNT_CAP) costs less than hashing every place
        # in reach, which a semi-join would (30,000 of 50,000 services, issue #13).
        place = places.filter(service_id=OuterRef("pk")).order_by().values("pk")[:1]
        return qs.alias(place_in_reach=Subquery(place)).filter(place_in_reach__isnull=False)
    places = places.alias(d2=SquaredDegrees(centre, "location__")).filter(d2__lte=limit_d2(km))
    return qs.filter(id__in=places.values("service_id"))


def nearest(qs, centre, band=None, boxed=True):
    """Annotated with the squared distance to the service's nearest place and its band.

    When `boxed`, only places in the box of the band (or of MAX_KM) are joined: for services
    `within` it, their nearest place is among them."""
    path = "service_at_locations__location__"
    if boxed:
        km = MAX_KM if band is None else BANDS_KM[band]
        qs = qs.filter(**{path + k: v for k, v in _box(centre, km).items()})
    qs = qs.annotate(distance_d2=Min(SquaredDegrees(centre, path)))
    bands = [When(distance_d2__lte=limit_d2(km), then=Value(i)) for i, km in enumerate(BANDS_KM)]
    return qs.annotate(
        band=Case(
            *bands,
            When(distance_d2__isnull=False, then=Value(len(BANDS_KM))),
            default=Value(len(BANDS_KM) + 1),
        )
    )


def band_to_rank(counts, needed):
    """The nearest band whose services, with those of nearer bands, fill the first `needed`
    results (counts[i]: how many services are in band i or nearer); None: all within reach."""
    for band, count in enumerate(counts):
        if count >= needed:
            return band
    return None


def km_from(distance_d2):
    return None if distance_d2 is None else math.sqrt(distance_d2) * KM_PER_DEGREE
