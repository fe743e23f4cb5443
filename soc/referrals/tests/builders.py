"""A service in the directory run by a provider on the platform, its staff, and a referral of the
`cast` family to it (see the project's conftest.py), built through the actions."""

from soc import factories as f
from soc.accounts.models import County
from soc.directory import models as d
from soc.directory.needs import term_id
from soc.referrals import actions

SHARED = {
    "person_name": "Maria Rivera",
    "child_name": "Ana",
    "need": "A parenting class in Spanish",
    "contact_by": "text",
    "phone": "919-555-0123",
    "best_times": "After 5 pm",
    "language": "es",
    "interpreter_needed": False,
    "no_phone_calls": True,
}


def add_service(name="Crianza con Cariño", agency=None, capacity="has-capacity", county="Wake"):
    agency = agency or f.OrganizationFactory(name=f"{name} Inc.", kind="provider")
    org = d.Organization.objects.create(name=f"{name} Inc.", description="x", agency=agency)
    service = d.Service.objects.create(
        organization=org,
        name=name,
        description="Parenting classes in Spanish",
        status="active",
        capacity_status=capacity,
        eligibility_description="Parents of children 0-12",
        minimum_age=0,
        maximum_age=12,
    )
    d.ServiceCapacity.objects.create(service=service, unit="families", available=3, maximum=12)
    d.ServiceArea.objects.create(
        service=service, name=county, county=County.objects.get(name=county)
    )
    d.Attribute.objects.create(
        link_id=service.id, link_entity="service", taxonomy_term_id=term_id("parenting-support")
    )
    return service


def add_referral(cast, *, send=True):
    """The Riveras referred to a parenting class; its provider's staff and a rival provider."""
    if getattr(cast, "referral", None) is not None:
        return cast.referral
    cast.service = add_service()
    cast.provider_org = cast.service.organization.agency
    cast.provider = f.StaffFactory(full_name="Paula Provider", organization=cast.provider_org)
    cast.rival_service = add_service("Otro Programa")
    cast.other_provider = f.StaffFactory(
        full_name="Oscar Otherprovider", organization=cast.rival_service.organization.agency
    )
    cast.referral = actions.create_referral(
        cast.facilitator,
        cast.family,
        service=cast.service,
        need="Parenting support for Maria",
        need_term=d.TaxonomyTerm.objects.get(pk=term_id("parenting-support")),
        shared=dict(SHARED),
        send=send,
    )
    return cast.referral
