"""A small directory with every kind of HSDS record, for the API and export tests."""

import datetime

from django.utils import timezone

from soc.directory import models as m
from soc.directory.needs import term_id

from .factories import OrganizationFactory, ServiceFactory


def rich_directory(services=2):
    """An organization with `services` public services (each with everything nested), plus an
    inactive and a defunct service that must never show."""
    org = OrganizationFactory(name="Wake Family Services", email="info@wakefamily.example")
    m.OrganizationIdentifier.objects.create(
        organization=org, identifier_scheme="US-EIN", identifier_type="EIN", identifier="56-0000000"
    )
    program = m.Program.objects.create(
        organization=org, name="Strong Families", description="Parenting programs."
    )
    m.Funding.objects.create(organization=org, source="County grant")
    location = m.Location.objects.create(
        location_type="physical",
        organization=org,
        name="Raleigh office",
        latitude=35.7796,
        longitude=-78.6382,
    )
    m.Address.objects.create(
        location=location,
        address_1="1 Fayetteville St",
        city="Raleigh",
        state_province="NC",
        postal_code="27601",
        country="US",
        address_type="physical",
    )
    m.Accessibility.objects.create(location=location, description="Step-free entrance")
    contact = m.Contact.objects.create(organization=org, location=location, name="Ana Ruiz")
    phone = m.Phone.objects.create(contact=contact, organization=org, number="919-555-0100")
    m.Language.objects.create(phone=phone, name="Spanish", code="es")
    made = []
    for i in range(services):
        service = ServiceFactory(
            organization=org,
            program=program,
            name=f"Parenting class {i}",
            minimum_age=0,
            maximum_age=17,
            eligibility_description="Parents of children up to 17",
            last_modified=timezone.now() - datetime.timedelta(days=i),
        )
        sal = m.ServiceAtLocation.objects.create(service=service, location=location)
        m.Schedule.objects.create(
            service_at_location=sal, freq="WEEKLY", byday="TU", opens_at="18:00", closes_at="20:00"
        )
        m.Phone.objects.create(service=service, number="919-555-0101", extension=12)
        m.Language.objects.create(service=service, name="Spanish", code="es")
        m.ServiceArea.objects.create(service=service, name="Wake County")
        m.CostOption.objects.create(service=service, option="Free", amount=0, currency="USD")
        m.RequiredDocument.objects.create(service=service, document="Proof of address")
        m.Funding.objects.create(service=service, source="State grant")
        m.Contact.objects.create(service=service, name="Intake desk")
        m.ServiceCapacity.objects.create(service=service, unit="seats", available=3, maximum=12)
        m.Attribute.objects.create(
            link_id=service.id,
            link_entity="service",
            link_type="need",
            taxonomy_term_id=term_id("parenting-support"),
        )
        m.Metadata.objects.create(
            resource_id=service.id,
            resource_type="service",
            last_action_date="2024-01-01",
            last_action_type="create",
            field_name="name",
            previous_value="",
            replacement_value=service.name,
            updated_by="import",
        )
        made.append(service)
    hidden = []
    for status in (m.Service.Status.INACTIVE, m.Service.Status.DEFUNCT):
        gone = ServiceFactory(organization=org, name=f"Closed {status}", status=status)
        m.ServiceAtLocation.objects.create(service=gone, location=location)
        m.Attribute.objects.create(link_id=gone.id, taxonomy_term_id=term_id("parenting-support"))
        hidden.append(gone)
    return {"organization": org, "services": made, "hidden": hidden, "location": location}
