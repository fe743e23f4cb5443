"""Small factories for directory records."""

import datetime

import factory
from django.utils import timezone

from soc.directory import models


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(lambda n: f"Provider {n}")
    description = "A community provider."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "Help for families."
    status = models.Service.Status.ACTIVE
    assured_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location

    location_type = models.LocationType.PHYSICAL
    name = factory.Sequence(lambda n: f"Office {n}")


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Address

    location = factory.SubFactory(LocationFactory)
    address_1 = "1 Main Street"
    city = "Raleigh"
    state_province = "NC"
    postal_code = "27601"
    country = "US"
    address_type = models.LocationType.PHYSICAL


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(LocationFactory)
