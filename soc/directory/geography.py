"""Where a ZIP code is, and how far apart two points are: for the `postcode` and `proximity` filters."""

import functools
import math

from django.db.models import Avg

from .models import Address

EARTH_RADIUS_M = 6_371_000


@functools.lru_cache(maxsize=4096)
def shipped_centroid(zip5):
    """(latitude, longitude) of a US ZIP code from the `zipcodes` package, None when it is not
    installed or has no such ZIP. Cached: the package scans every ZIP code on each lookup
    (milliseconds, on every search near a place), and its data never changes while we run."""
    try:
        import zipcodes
    except ImportError:
        return None
    found = zipcodes.matching(zip5)
    return (float(found[0]["lat"]), float(found[0]["long"])) if found else None


def postcode_centroid(postcode):
    """(latitude, longitude) of a ZIP code, or None when nothing tells us where it is.

    The `zipcodes` package ships US ZIP centroids and is used when installed; without it the
    centre of our own locations with that ZIP code stands in.
    """
    if (shipped := shipped_centroid(postcode[:5])) is not None:
        return shipped
    centre = Address.objects.filter(
        postal_code__startswith=postcode[:5],
        location__latitude__isnull=False,
        location__longitude__isnull=False,
    ).aggregate(lat=Avg("location__latitude"), lon=Avg("location__longitude"))
    if centre["lat"] is None:
        return None
    return centre["lat"], centre["lon"]


def distance_m(a, b):
    """Great-circle distance in metres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def bounding_box(centre, metres):
    """(min lat, max lat, min lon, max lon) around a point: a cheap first cut before distance_m."""
    lat, lon = centre
    dlat = math.degrees(metres / EARTH_RADIUS_M)
    dlon = math.degrees(metres / (EARTH_RADIUS_M * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
