"""Provider staff edit what families read about their services; search and Find help follow."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from soc.accounts.models import County
from soc.audit.models import AuditEvent
from soc.directory.rules import directory_admins_group
from soc.directory.search import search_services
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


def _details(service, **changes):
    data = {
        "version": service.version,
        "name": service.name,
        "status": service.status,
        "description": service.description,
        "eligibility_description": service.eligibility_description,
        "minimum_age": "" if service.minimum_age is None else int(service.minimum_age),
        "maximum_age": "" if service.maximum_age is None else int(service.maximum_age),
        "application_process": service.application_process,
        "fees_description": service.fees_description,
        "wait_time": service.wait_time,
        "interpretation_services": service.interpretation_services,
        "url": service.url,
        "email": service.email,
        "alert": service.alert,
        "languages": sorted(
            {c.lower() for c in service.languages.values_list("code", flat=True) if c}
        ),
        "counties": list(
            service.service_areas.filter(county__isnull=False).values_list("county_id", flat=True)
        ),
    }
    data.update(changes)
    return data


def _post(client, service, **changes):
    return client.post(reverse("service_details", args=[service.pk]), _details(service, **changes))


def test_the_page_shows_what_is_there_now(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    page = client.get(reverse("service_details", args=[service.pk])).content.decode()
    assert service.name in page
    boxes = {
        re.search(r'value="(\w+)"', tag).group(1): "checked" in tag
        for tag in re.findall(r'<input[^>]*name="languages"[^>]*>', page)
    }
    assert boxes["es"] and not boxes["en"]


def test_a_provider_renames_a_service_and_search_finds_the_new_words(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    response = _post(
        client,
        service,
        name="Crianza con cariño",
        description="Talleres para madres y padres de adolescentes.",
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Crianza con cariño" and service.version == 2
    event = AuditEvent.objects.get(action="directory.service_details")
    assert event.actor == provider and set(event.detail["changed"]) == {"name", "description"}
    found = search_services("talleres adolescentes").object_list
    assert [s.pk for s in found][:1] == [service.pk]


def test_languages_and_counties_replace_the_services_own(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    durham = County.objects.get(name="Durham")
    client.force_login(provider)
    response = _post(client, service, languages=["en", "vi"], counties=[durham.pk])
    assert response.status_code == 302
    codes = set(service.languages.filter(location__isnull=True).values_list("code", flat=True))
    assert codes == {"en", "vi"}
    assert list(service.service_areas.values_list("county__name", flat=True)) == ["Durham"]
    found = search_services("", language="vi", county=durham.pk).object_list
    assert service.pk in [s.pk for s in found]
    assert service.pk not in [s.pk for s in search_services("", language="es").object_list]


def test_nothing_changed_writes_nothing(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    assert _post(client, service).status_code == 302
    service.refresh_from_db()
    assert service.version == 1
    assert not AuditEvent.objects.filter(action="directory.service_details").exists()


def test_an_inactive_service_leaves_find_help_but_stays_in_your_services(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    response = _post(client, service, status="inactive")
    assert response.status_code == 302 and response.url == reverse("my_services")
    assert client.get(reverse("find_service", args=[service.pk])).status_code == 404
    assert service.name in client.get(reverse("my_services")).content.decode()
    assert service.pk not in [s.pk for s in search_services(service.name).object_list]


def test_ages_the_wrong_way_round_are_refused_in_spanish(client, setup):
    services, provider = setup
    provider.language = "es"
    provider.save()
    service = services["spanish_class"]
    client.force_login(provider)
    response = _post(client, service, minimum_age=12, maximum_age=5)
    assert response.status_code == 200
    assert "La edad mayor no puede ser menor que la menor." in response.content.decode()
    service.refresh_from_db()
    assert service.version == 1


def test_a_stale_edit_is_a_409_and_changes_nothing(client, setup):
    services, provider = setup
    service = services["spanish_class"]
    client.force_login(provider)
    stale = _details(service, name="First")
    assert _post(client, service, name="First").status_code == 302
    stale["name"] = "Second"
    response = client.post(reverse("service_details", args=[service.pk]), stale)
    assert response.status_code == 409
    service.refresh_from_db()
    assert service.name == "First"


def test_other_providers_get_404_and_admins_edit_any(client, setup):
    services, _provider = setup
    service = services["spanish_class"]
    client.force_login(StaffFactory())
    assert client.get(reverse("service_details", args=[service.pk])).status_code == 404
    assert _post(client, service, name="Taken over").status_code == 404
    assert service.name not in client.get(reverse("my_services")).content.decode()
    admin = StaffFactory()
    admin.groups.add(directory_admins_group())
    client.force_login(admin)
    other = services["english_class"]
    assert _post(client, other, name="Parenting, renamed").status_code == 302
    service.refresh_from_db()
    assert service.name != "Taken over"


def test_your_services_costs_a_fixed_number_of_queries(client, setup):
    services, provider = setup
    admin = StaffFactory()
    admin.groups.add(directory_admins_group())
    client.force_login(admin)
    client.get(reverse("my_services"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("my_services"))
    for n in range(5):
        services[f"extra{n}"] = services["english_class"].__class__.objects.create(
            name=f"Extra {n}", status="active", organization=services["english_class"].organization
        )
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("my_services"))
    assert len(more) == len(few)


def test_a_language_the_page_does_not_offer_is_kept(client, setup):
    from soc.directory.models import Language

    services, provider = setup
    service = services["spanish_class"]
    Language.objects.create(service=service, code="pt", name="Portuguese")
    client.force_login(provider)
    response = _post(client, service, description="Now also on Saturdays.", languages=["es"])
    assert response.status_code == 302
    codes = set(service.languages.filter(location__isnull=True).values_list("code", flat=True))
    assert codes == {"es", "pt"}


def test_the_action_itself_refuses_ages_the_wrong_way_round(setup):
    from django.core.exceptions import ValidationError

    from soc.directory import actions

    services, provider = setup
    service = services["spanish_class"]
    details = {field: getattr(service, field) for field in actions.DETAIL_FIELDS}
    details.update(minimum_age=12, maximum_age=5)
    with pytest.raises(ValidationError) as refused:
        actions.update_details(
            provider,
            service.pk,
            version=service.version,
            details=details,
            languages=["es"],
            counties=[],
        )
    assert "maximum_age" in refused.value.message_dict
