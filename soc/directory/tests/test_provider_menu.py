"""Provider staff find their referral inbox and their services in the menu ("Our services"), in
their language; nobody else is offered them. "Is provider staff" is one named rule (rules.is_provider_staff)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from soc import factories as f
from soc.consent import policy
from soc.directory import rules
from soc.referrals.tests.builders import add_referral

pytestmark = pytest.mark.django_db

INBOX = reverse("referral_inbox")
SERVICES = reverse("my_services")


def _menu(client, user):
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    return page[page.index('class="usa-nav"') : page.index("</nav>", page.index('class="usa-nav"'))]


def test_provider_staff_is_staff_of_an_organization_running_listed_services(cast):
    add_referral(cast)
    assert rules.is_provider_staff(cast.provider)
    for someone in (cast.facilitator, cast.caregiver, cast.member, AnonymousUser()):
        assert not rules.is_provider_staff(someone)
    # Staff of an agency with no service in the directory are not provider staff.
    assert not rules.is_provider_staff(f.StaffFactory(organization=f.OrganizationFactory()))
    assert policy.can(cast.provider, "open_referral_inbox", None)
    assert not policy.can(cast.facilitator, "open_referral_inbox", None)


def test_the_menu_offers_provider_staff_their_inbox_and_services_in_english(client, cast):
    add_referral(cast)
    menu = _menu(client, cast.provider)
    assert "<span>Our services</span></button>" in menu
    assert f'href="{INBOX}"><span>Referrals to our services</span>' in menu
    assert f'href="{SERVICES}"><span>Your services</span>' in menu


def test_the_menu_offers_them_in_spanish(client, cast):
    add_referral(cast)
    cast.provider.language = "es"
    cast.provider.save()
    menu = _menu(client, cast.provider)
    assert "<span>Nuestros servicios</span></button>" in menu
    assert f'href="{INBOX}"><span>Referencias a nuestros servicios</span>' in menu
    assert f'href="{SERVICES}"><span>Sus servicios</span>' in menu


def test_nobody_else_is_offered_them(client, cast):
    add_referral(cast)
    for someone in (cast.facilitator, cast.caregiver, cast.member):
        menu = _menu(client, someone)
        assert INBOX not in menu and SERVICES not in menu and "nav-our-services" not in menu


def test_a_family_s_own_account_pays_no_query_for_the_menu(cast, django_assert_num_queries):
    from django.test import RequestFactory

    from soc.consent.context import navigation

    request = RequestFactory().get("/")
    request.user = cast.caregiver
    with django_assert_num_queries(0):
        nav = navigation(request)["nav"]
    assert nav == {"open_family": False, "referral_inbox": False, "own_services": False}
