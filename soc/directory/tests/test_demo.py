"""The demo directory: about 200 services in the demo counties, with every case the story needs."""

import io

import pytest
from django.core.management import call_command

from soc.directory import models as m
from soc.directory.demo import add_demo_directory

from .snapshots import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    add_demo_directory()


def test_about_two_hundred_services_across_the_demo_counties(demo):
    assert 180 <= m.Service.objects.count() <= 220
    counties = set(m.ServiceArea.objects.values_list("county__name", flat=True))
    assert counties == {"Wake", "Durham", "Johnston"}


def test_some_in_spanish_some_full_some_waitlisted_some_stale_some_hidden(demo):
    public = m.Service.objects.public()
    assert public.filter(languages__code="es").distinct().count() >= 40
    assert public.filter(capacity_status=m.Service.CapacityStatus.WAITLIST).exists()
    assert public.filter(capacity_status=m.Service.CapacityStatus.NO_CAPACITY).exists()
    assert m.Service.objects.needs_reverification().count() >= 20
    assert m.Service.objects.exclude(pk__in=public).exists()
    assert m.ServiceCapacity.objects.filter(available=0).exists()


def test_wake_has_a_spanish_language_parenting_class(demo):
    found = m.Service.objects.public().filter(
        name__startswith="Clases para madres y padres",
        languages__code="es",
        service_areas__county__name="Wake",
    )
    assert found.exists()
    assert not found.first().languages.filter(code="en").exists()


def test_providers_on_the_platform_are_linked_to_their_agency(demo):
    from soc.accounts.models import Organization as Agency

    agency = Agency.objects.create(name="Triangle Family Counseling", kind=Agency.Kind.PROVIDER)
    add_demo_directory()
    assert m.Service.objects.run_by(agency).exists()


def test_running_it_again_changes_nothing():
    out = io.StringIO()
    call_command("directory", "demo", stdout=out)
    before = snapshot()
    call_command("directory", "demo", stdout=out)
    assert snapshot() == before
    assert out.getvalue().splitlines()[-1].endswith("(0 records new or changed).")
    call_command("directory", "demo", "--if-empty", stdout=out)
    assert "nothing added" in out.getvalue().splitlines()[-1]
