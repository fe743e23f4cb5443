"""A request reaches the family organizations serving its county; with none, the statewide ones,
flagged. It is never dropped."""

import pytest

from .builders import family_organization, partner, send_request

pytestmark = pytest.mark.django_db


def test_the_request_reaches_every_family_organization_serving_the_county():
    wake_a = family_organization("Wake A", "Wake", "Durham")
    wake_b = family_organization("Wake B", "Wake")
    family_organization("Durham only", "Durham")
    sent = send_request("Wake")
    assert set(sent.organizations.all()) == {wake_a, wake_b}
    assert not sent.sent_to_fallback


def test_an_agency_serving_the_county_is_not_a_family_organization():
    from soc import factories as f

    agency = f.OrganizationFactory(name="Wake DSS")
    agency.counties.add(family_organization("Wake A", "Wake").counties.first())
    assert list(send_request("Wake").organizations.values_list("name", flat=True)) == ["Wake A"]


def test_with_no_one_serving_the_county_the_statewide_organizations_get_it_flagged(settings):
    family_organization("Wake A", "Wake")
    statewide = family_organization("NC Families United")
    settings.SOC_STATEWIDE_FAMILY_ORGANIZATIONS = ["NC Families United"]
    sent = send_request("Cherokee")
    assert list(sent.organizations.all()) == [statewide]
    assert sent.sent_to_fallback


def test_without_a_named_statewide_organization_every_family_organization_hears_of_it(settings):
    settings.SOC_STATEWIDE_FAMILY_ORGANIZATIONS = []
    wake = family_organization("Wake A", "Wake")
    durham = family_organization("Durham A", "Durham")
    pam = partner(wake)
    sent = send_request("Cherokee")
    assert set(sent.organizations.all()) == {wake, durham} and sent.sent_to_fallback
    assert pam.family_request_notices.filter(request=sent).exists()
