"""The demo directory: about 200 services in Wake, Durham and Johnston counties.

Written as HSDS rows and imported like any other file (so it is idempotent by UUID and checked
like one), then given what HSDS does not carry: capacity and the agency that runs each provider.
Some services are offered in Spanish, some are full or have a waitlist, some have not been
verified for over a year, and a few are inactive or defunct (and so never shown).
"""

import datetime
import random
import uuid

from django.db import transaction
from django.utils import timezone

from soc.accounts.models import Organization as Agency

from . import models as m
from .demo_data import COUNTIES, FAMILY_ORGANIZATION, SERVICES
from .needs import term_id
from .transfer.importing import import_rows
from .transfer.reading import Row

NAMESPACE = uuid.UUID("5e2b8a64-3f0c-4d39-9d0a-50c0c0a7d000")
SEED = 2026
Capacity = m.Service.CapacityStatus


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(map(str, parts))))


class _Rows:
    def __init__(self):
        self.rows = []

    def add(self, model, **data):
        data = {k: v for k, v in data.items() if v is not None}
        self.rows.append(Row(model, data, "demo", f"{model.HSDS_TABLE}[{len(self.rows)}]"))
        return data["id"]


def _status(rng):
    return rng.choices(["active", "temporarily closed", "inactive", "defunct"], [88, 4, 5, 3])[0]


def _verified(rng, today):
    kind = rng.choices(["recent", "stale", "never"], [72, 22, 6])[0]
    if kind == "never":
        return None
    days = rng.randint(5, 330) if kind == "recent" else rng.randint(380, 720)
    return (today - datetime.timedelta(days=days)).isoformat()


def build(today, rng):
    """(HSDS rows, {service id: (capacity status, capacity or None)}, {org id: agency name})."""
    out, capacity, agencies = _Rows(), {}, {}
    noon = datetime.datetime.combine(today, datetime.time(12), tzinfo=datetime.UTC)
    family_org = out.add(
        m.Organization, id=_id("org", FAMILY_ORGANIZATION), name=FAMILY_ORGANIZATION,
        description="Family-run organization: family partners walk beside families in every county.",
    )  # fmt: skip
    agencies[family_org] = FAMILY_ORGANIZATION
    for county, (providers, places) in COUNTIES.items():
        locations = {}
        for n, name in enumerate(providers):
            org = out.add(m.Organization, id=_id("org", county, name), name=name,
                          description=f"Community provider serving {county} County families.")  # fmt: skip
            agencies[org] = name
            city, postcode, lat, lon = places[n % len(places)]
            location = out.add(
                m.Location, id=_id("loc", county, name), location_type="physical",
                organization_id=org, name=f"{name}, {city}",
                latitude=round(lat + rng.uniform(-0.02, 0.02), 5),
                longitude=round(lon + rng.uniform(-0.02, 0.02), 5),
            )  # fmt: skip
            out.add(
                m.Address, id=_id("adr", location), location_id=location,
                address_1=f"{rng.randint(100, 4999)} {rng.choice(['Main', 'Oak', 'Hillsborough', 'Church', 'Market'])} St",
                city=city, state_province="NC", postal_code=postcode, country="US",
                address_type="physical",
            )  # fmt: skip
            locations[name] = (org, location)
        for i, (need, name, name_es, description, low, high, free) in enumerate(SERVICES):
            for variant in range(rng.choice([3, 4])):
                provider = providers[(i + variant * 3) % len(providers)]
                org, location = locations[provider]
                if need == "family-partner" and variant == 0:
                    org = family_org
                spanish = (
                    variant == 1
                    or "Latino" in provider
                    or "Hispanic" in provider
                    or "Centro" in provider
                )
                # The Spanish-language parenting class in each county is the one the demo story finds.
                only_spanish = (
                    spanish and variant == 1 and (rng.random() < 0.5 or need == "parenting-support")
                )
                key = (county, need, variant)
                service = out.add(
                    m.Service, id=_id("svc", *key), organization_id=org,
                    name=f"{name_es} (en español)" if only_spanish else name,
                    alternate_name=name_es if not only_spanish else name,
                    description=description, status=_status(rng),
                    minimum_age=low, maximum_age=high,
                    interpretation_services="Bilingual staff; interpreters for other languages."
                    if spanish else "Interpreters by phone on request.",
                    fees_description=None if free else "Sliding fee; Medicaid accepted.",
                    assured_date=_verified(rng, today),
                    assurer_email="directory@ncfamiliesunited.example",
                    last_modified=(noon - datetime.timedelta(days=rng.randint(0, 400))).isoformat(),
                )  # fmt: skip
                sal = out.add(m.ServiceAtLocation, id=_id("sal", *key), service_id=service,
                              location_id=location)  # fmt: skip
                evening = rng.random() < 0.3
                out.add(
                    m.Schedule, id=_id("sch", *key), service_at_location_id=sal, freq="WEEKLY",
                    byday="SU,MO,TU,WE,TH,FR,SA" if need == "crisis" else ("TU,TH" if evening else "MO,TU,WE,TH,FR"),
                    opens_at="00:00" if need == "crisis" else ("17:30" if evening else "09:00"),
                    closes_at="23:59" if need == "crisis" else ("20:00" if evening else "17:00"),
                )  # fmt: skip
                out.add(m.Phone, id=_id("tel", *key), service_id=service,
                        number=f"919-555-{rng.randint(1000, 9999)}")  # fmt: skip
                for code, lang in [("en", "English"), ("es", "Spanish")]:
                    if (code == "es" and spanish) or (code == "en" and not only_spanish):
                        out.add(m.Language, id=_id("lang", *key, code), service_id=service,
                                name=lang, code=code)  # fmt: skip
                out.add(
                    m.ServiceArea, id=_id("area", *key), service_id=service, name=f"{county} County"
                )
                if free:
                    out.add(m.CostOption, id=_id("cost", *key), service_id=service, option="Free",
                            amount=0, currency="USD")  # fmt: skip
                out.add(m.Attribute, id=_id("attr", *key), link_id=service, link_entity="service",
                        link_type="need", taxonomy_term_id=str(term_id(need)))  # fmt: skip
                status = rng.choices(
                    [Capacity.HAS_CAPACITY, Capacity.WAITLIST, Capacity.NO_CAPACITY, Capacity.ASSESSMENT],
                    [60, 15, 15, 10],
                )[0]  # fmt: skip
                seats = None
                if rng.random() < 0.5:
                    maximum = rng.choice([10, 12, 20, 25, 40])
                    available = 0 if status != Capacity.HAS_CAPACITY else rng.randint(1, maximum)
                    seats = (available, maximum)
                capacity[uuid.UUID(service)] = (status, seats)
    return out.rows, capacity, agencies


@transaction.atomic
def add_demo_directory(today=None):
    """Add (or refresh) the demo directory; returns (services in it, records new or changed)."""
    today = today or timezone.localdate()
    rows, capacity, agencies = build(today, random.Random(SEED))  # nosec B311 - demo data, not security
    report = import_rows(rows, source="demo")
    services = list(m.Service.objects.filter(pk__in=capacity))
    for service in services:
        service.capacity_status = capacity[service.pk][0]
    m.Service.objects.bulk_update(services, ["capacity_status"])
    m.ServiceCapacity.objects.filter(service__in=services).delete()
    m.ServiceCapacity.objects.bulk_create(
        m.ServiceCapacity(
            id=_id("cap", pk), service_id=pk, unit="families", available=a, maximum=mx
        )
        for pk, (_status, seats) in capacity.items()
        if seats
        for a, mx in [seats]
    )
    by_name = dict(Agency.objects.filter(name__in=set(agencies.values())).values_list("name", "id"))
    for org_id, name in agencies.items():
        if name in by_name:
            m.Organization.objects.filter(pk=org_id).update(agency_id=by_name[name])
    new, changed, _same = report.totals
    return len(services), new + changed
