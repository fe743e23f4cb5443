"""Provider staff keep their own services current; directory administrators all; others get 404."""

import pytest
from django.urls import reverse
from django.utils import timezone

from soc.audit.models import AuditEvent
from soc.directory.rules import directory_admins_group
from soc.factories import StaffFactory

from .curated import curated_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    services = curated_directory()
    provider = StaffFactory()
    org = services["spanish_class"].organization
    org.agency = provider.organization
    org.save()
    return services, provider


def _post_capacity(client, service, version, **extra):
    data = {
        "version": version,
        "capacity_status": "waitlist",
        "available": "0",
        "maximum": "12",
        "unit": "seats",
    }
    data.update(extra)
    return client.post(reverse("service_edit", args=[service.pk]), data)


def test_provider_staff_update_their_own_services_capacity_and_it_is_audited(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    assert client.get(reverse("service_edit", args=[service.pk])).status_code == 200
    response = _post_capacity(client, service, service.version)
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.capacity_status == "waitlist" and service.version == 2
    assert service.capacities.get().maximum == 12
    event = AuditEvent.objects.get(action="directory.service_capacity")
    assert event.actor == provider and event.object_id == str(service.pk)


def test_verified_today_sets_the_date_and_who(client, setup):
    services, provider = setup
    service = services["counseling"]  # same organization, checked 500 days ago
    client.force_login(provider)
    queue = client.get(reverse("reverification_queue")).content.decode()
    assert service.name in queue
    response = client.post(
        reverse("service_verify", args=[service.pk]), {"version": service.version}
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate() and service.verified_by == provider
    assert AuditEvent.objects.filter(action="directory.service_verify", actor=provider).exists()
    assert service.name not in client.get(reverse("reverification_queue")).content.decode()


def test_a_stale_edit_is_a_409_and_changes_nothing(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    assert _post_capacity(client, service, service.version).status_code == 302
    response = _post_capacity(client, service, service.version, capacity_status="no-capacity")
    assert response.status_code == 409
    service.refresh_from_db()
    assert service.capacity_status == "waitlist"
    assert (
        client.post(reverse("service_verify", args=[service.pk]), {"version": 1}).status_code == 409
    )


def test_other_providers_get_404_and_see_nothing_in_their_queue(client, setup):
    services, _provider = setup
    client.force_login(StaffFactory())
    service = services["spanish_class"]
    assert client.get(reverse("service_edit", args=[service.pk])).status_code == 404
    assert _post_capacity(client, service, service.version).status_code == 404
    assert (
        client.post(reverse("service_verify", args=[service.pk]), {"version": 1}).status_code == 404
    )
    assert (
        services["counseling"].name
        not in client.get(reverse("reverification_queue")).content.decode()
    )
    service.refresh_from_db()
    assert service.capacity_status == "has-capacity"


def test_directory_admins_edit_every_service(client, setup):
    services, _provider = setup
    admin = StaffFactory()
    admin.groups.add(directory_admins_group())
    client.force_login(admin)
    service = services["english_class"]  # an organization with no agency on the platform
    assert _post_capacity(client, service, service.version).status_code == 302


def test_signing_in_is_needed_to_edit(client, setup):
    services, _provider = setup
    response = client.get(reverse("service_edit", args=[services["spanish_class"].pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_more_open_places_than_the_maximum_is_refused_with_a_message(client, setup):
    services, provider = setup
    client.force_login(provider)
    service = services["spanish_class"]
    response = _post_capacity(client, service, service.version, available="20", maximum="12")
    assert response.status_code == 400
    assert "cannot be more than the maximum" in response.content.decode()
