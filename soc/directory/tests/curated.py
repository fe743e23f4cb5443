"""A small, hand-picked directory for search relevance: English and Spanish services in two counties."""

import datetime

from django.utils import timezone

from soc.accounts.models import County
from soc.directory import models as m
from soc.directory.needs import term_id

from .factories import OrganizationFactory, ServiceFactory

RALEIGH = (35.7796, -78.6382)  # ZIP 27601
CARY = (35.7915, -78.7811)  # ZIP 27511, about 13 km from Raleigh
DURHAM = (35.9940, -78.8986)  # ZIP 27701, about 35 km from Raleigh


def _service(
    org,
    name,
    description,
    *,
    county,
    place,
    zip_code,
    languages=("en",),
    need=None,
    cost=None,
    capacity="",
    ages=(None, None),
    hours=None,
    status=m.Service.Status.ACTIVE,
    verified_days_ago=30,
):
    service = ServiceFactory(
        organization=org,
        name=name,
        description=description,
        status=status,
        capacity_status=capacity,
        minimum_age=ages[0],
        maximum_age=ages[1],
        assured_date=timezone.localdate() - datetime.timedelta(days=verified_days_ago),
    )
    location = m.Location.objects.create(
        location_type="physical",
        organization=org,
        name=f"{name} office",
        latitude=place[0],
        longitude=place[1],
    )
    m.Address.objects.create(
        location=location,
        address_1="100 Main St",
        city={"Wake": "Raleigh", "Durham": "Durham"}[county],
        state_province="NC",
        postal_code=zip_code,
        country="US",
        address_type="physical",
    )
    sal = m.ServiceAtLocation.objects.create(service=service, location=location)
    m.Phone.objects.create(service=service, number="919-555-0100")
    names = {"en": "English", "es": "Spanish"}
    for code in languages:
        m.Language.objects.create(service=service, code=code, name=names[code])
    m.ServiceArea.objects.create(
        service=service, name=f"{county} County", county=County.objects.get(name=county)
    )
    if cost is not None:
        m.CostOption.objects.create(
            service=service, option="Free" if cost == 0 else "Fee", amount=cost, currency="USD"
        )
    if need:
        m.Attribute.objects.create(
            link_id=service.id, link_entity="service", taxonomy_term_id=term_id(need)
        )
    if hours:
        day, opens, closes = hours
        m.Schedule.objects.create(
            service_at_location=sal, freq="WEEKLY", byday=day, opens_at=opens, closes_at=closes
        )
    return service


def curated_directory():
    """The services the relevance tests rank, by short name."""
    wake = OrganizationFactory(name="Wake Family Services", description="Family services in Wake.")
    durham = OrganizationFactory(name="Durham Parents Center", description="Parents in Durham.")
    s = {}
    s["spanish_class"] = _service(
        wake,
        "Clases para padres en español",
        "Clases de crianza en español para madres y padres de niños de 0 a 12 años. "
        "Parenting class taught in Spanish.",
        county="Wake",
        place=RALEIGH,
        zip_code="27601",
        languages=("es",),
        need="parenting-support",
        cost=0,
        capacity=m.Service.CapacityStatus.HAS_CAPACITY,
        ages=(0, 12),
        hours=("MO,WE", "17:00", "19:00"),
    )
    s["english_class"] = _service(
        durham,
        "Parenting class for parents of teens",
        "A weekly parenting class for parents and caregivers of teenagers.",
        county="Durham",
        place=DURHAM,
        zip_code="27701",
        need="parenting-support",
        cost=25,
        capacity=m.Service.CapacityStatus.WAITLIST,
        ages=(13, 17),
        hours=("TU", "18:00", "20:00"),
    )
    s["counseling"] = _service(
        wake,
        "Consejería familiar",
        "Terapia para niños, jóvenes y padres, en español e inglés. Family counseling.",
        county="Wake",
        place=CARY,
        zip_code="27511",
        languages=("es", "en"),
        need="mental-health-counseling",
        capacity=m.Service.CapacityStatus.NO_CAPACITY,
        ages=(3, 21),
        verified_days_ago=500,
    )
    s["pantry"] = _service(
        wake,
        "Food pantry",
        "Free groceries for families, every week. Alimentos gratis.",
        county="Wake",
        place=RALEIGH,
        zip_code="27601",
        languages=("en", "es"),
        need="food",
        cost=0,
        capacity=m.Service.CapacityStatus.HAS_CAPACITY,
        hours=("MO,TU,WE,TH,FR", "09:00", "17:00"),
    )
    s["support_group"] = _service(
        durham,
        "Parent support group",
        "Parents meet to share what works. Coffee and child care provided.",
        county="Durham",
        place=DURHAM,
        zip_code="27701",
        need="family-partner",
    )
    s["closed_class"] = _service(
        wake,
        "Clases para padres en español (old)",
        "Clases para padres en español. Parenting class.",
        county="Wake",
        place=RALEIGH,
        zip_code="27601",
        languages=("es",),
        status=m.Service.Status.INACTIVE,
    )
    s["defunct_class"] = _service(
        wake,
        "Parenting class in Spanish (gone)",
        "Clases para padres en español. Parenting class.",
        county="Wake",
        place=RALEIGH,
        zip_code="27601",
        languages=("es",),
        status=m.Service.Status.DEFUNCT,
    )
    return s
