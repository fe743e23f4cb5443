import datetime

import pytest
from django.utils import timezone

from soc.directory.models import Service, ServiceArea, TaxonomyTerm
from soc.directory.needs import NEEDS_TAXONOMY_ID, term_id

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_the_needs_taxonomy_ships_with_spanish_names():
    parenting = TaxonomyTerm.objects.get(code="parenting-support")
    assert parenting.name_es == "Apoyo para madres y padres"
    assert parenting.taxonomy_detail_id == NEEDS_TAXONOMY_ID
    assert parenting.parent_id == term_id("family-support")
    assert TaxonomyTerm.objects.filter(taxonomy_detail_id=NEEDS_TAXONOMY_ID).count() >= 20
    assert not TaxonomyTerm.objects.filter(name_es="").exists()


def test_public_services_leave_out_inactive_and_defunct_ones():
    active = ServiceFactory(status=Service.Status.ACTIVE)
    closed = ServiceFactory(status=Service.Status.TEMPORARILY_CLOSED)
    ServiceFactory(status=Service.Status.INACTIVE)
    ServiceFactory(status=Service.Status.DEFUNCT)
    assert set(Service.objects.public()) == {active, closed}


def test_services_not_verified_for_a_year_need_reverification():
    today = timezone.localdate()
    fresh = ServiceFactory(assured_date=today - datetime.timedelta(days=364))
    stale = ServiceFactory(assured_date=today - datetime.timedelta(days=366))
    never = ServiceFactory(assured_date=None)
    ServiceFactory(assured_date=None, status=Service.Status.DEFUNCT)
    assert set(Service.objects.needs_reverification()) == {stale, never}
    assert stale.needs_reverification() and not fresh.needs_reverification()


def test_a_service_area_named_for_a_county_points_at_it():
    service = ServiceFactory()
    areas = [ServiceArea(service=service, name=n) for n in ("Wake County", "wake", "MyCity")]
    ServiceArea.match_counties(areas)
    assert [a.county.name if a.county_id else None for a in areas] == ["Wake", "Wake", None]


def test_age_limits_include_both_ends():
    service = ServiceFactory.build(minimum_age=5, maximum_age=17)
    assert service.serves_age(5) and service.serves_age(17)
    assert not service.serves_age(4) and not service.serves_age(18)
