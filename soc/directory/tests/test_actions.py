import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from soc.audit.models import AuditEvent
from soc.directory.actions import update_capacity, verify_service
from soc.directory.models import Service
from soc.factories import StaffFactory

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_verifying_a_service_takes_it_out_of_the_reverification_queue():
    stale = ServiceFactory(assured_date=timezone.localdate() - datetime.timedelta(days=500))
    staff = StaffFactory()
    assert list(Service.objects.needs_reverification()) == [stale]
    verify_service(stale, staff)
    stale.refresh_from_db()
    assert not Service.objects.needs_reverification().exists()
    assert stale.verified_by == staff and stale.assurer_email == staff.email
    assert stale.assured_date == timezone.localdate()
    event = AuditEvent.objects.get(action="directory.service_verified")
    assert event.actor == staff and event.object_id == str(stale.pk)


def test_capacity_is_stated_with_the_gravity_status_and_hsds_numbers():
    service, staff = ServiceFactory(), StaffFactory()
    update_capacity(service, staff, status="waitlist", unit="families", available=0, maximum=12)
    update_capacity(service, staff, status="has-capacity", unit="families", available=2, maximum=12)
    service.refresh_from_db()
    assert service.capacity_status == "has-capacity"
    (capacity,) = service.capacities.all()
    assert (capacity.available, capacity.maximum, capacity.unit) == (2, 12, "families")
    assert AuditEvent.objects.filter(action="directory.capacity_updated").count() == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"status": "full"}, "status"),
        ({"status": "has-capacity", "unit": "seats", "available": 13, "maximum": 12}, "available"),
        ({"status": "has-capacity", "available": 1}, "unit"),
    ],
)
def test_impossible_capacity_is_refused_with_the_field(kwargs, field):
    service = ServiceFactory()
    with pytest.raises(ValidationError) as refused:
        update_capacity(service, StaffFactory(), **kwargs)
    assert field in refused.value.error_dict
    assert not AuditEvent.objects.filter(action="directory.capacity_updated").exists()
