import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from soc.audit.models import AuditEvent
from soc.directory.actions import update_capacity, verify_service
from soc.directory.models import Service
from soc.directory.rules import directory_admins_group
from soc.factories import StaffFactory

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    staff = StaffFactory()
    staff.groups.add(directory_admins_group())
    return staff


def test_verifying_a_service_takes_it_out_of_the_reverification_queue(admin):
    stale = ServiceFactory(assured_date=timezone.localdate() - datetime.timedelta(days=500))
    assert list(Service.objects.needs_reverification()) == [stale]
    verify_service(admin, stale.pk, version=stale.version)
    stale.refresh_from_db()
    assert not Service.objects.needs_reverification().exists()
    assert stale.verified_by == admin and stale.assurer_email == admin.email
    assert stale.assured_date == timezone.localdate()
    event = AuditEvent.objects.get(action="directory.service_verify")
    assert event.actor == admin and event.object_id == str(stale.pk)


def test_capacity_is_stated_with_the_gravity_status_and_hsds_numbers(admin):
    service = ServiceFactory()
    update_capacity(
        admin, service.pk, version=service.version, status="waitlist", unit="families",
        available=0, maximum=12,
    )  # fmt: skip
    update_capacity(
        admin, service.pk, version=service.version + 1, status="has-capacity", unit="families",
        available=2, maximum=12,
    )  # fmt: skip
    service.refresh_from_db()
    assert service.capacity_status == "has-capacity"
    (capacity,) = service.capacities.all()
    assert (capacity.available, capacity.maximum, capacity.unit) == (2, 12, "families")
    assert AuditEvent.objects.filter(action="directory.service_capacity").count() == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"status": "full"}, "capacity_status"),
        ({"status": "has-capacity", "unit": "seats", "available": 13, "maximum": 12}, "available"),
        ({"status": "has-capacity", "unit": "seats", "available": -1, "maximum": 12}, "available"),
    ],
)
def test_impossible_capacity_is_refused_with_the_field(admin, kwargs, field):
    service = ServiceFactory()
    arguments = {"unit": "", "available": None, "maximum": None, **kwargs}
    with pytest.raises(ValidationError) as refused:
        update_capacity(admin, service.pk, version=service.version, **arguments)
    assert field in refused.value.error_dict
    assert not AuditEvent.objects.filter(action="directory.service_capacity").exists()
