"""factory-boy factories for tests and benchmarks: small, explicit, one per model."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from soc.accounts.models import County, Organization, User
from soc.families.models import Family, Person
from soc.teams.models import Meeting, Membership, NextStep, Team


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = Organization.Kind.SOCIAL_SERVICES


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", "Correct-Horse-9")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class StaffFactory(UserFactory):
    organization = factory.SubFactory(OrganizationFactory)
    job_title = "Care coordinator"


def wake():
    County.load_north_carolina()
    return County.objects.get(name="Wake")


class FamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Family

    display_name = factory.Sequence(lambda n: f"The Family{n} family")
    county = factory.LazyFunction(wake)
    opened_by = factory.SubFactory(StaffFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    family = factory.SubFactory(FamilyFactory)
    role = Person.Role.CHILD
    first_name = factory.Sequence(lambda n: f"Kid{n}")
    last_name = "Doe"
    date_of_birth = date(2015, 5, 1)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    family = factory.SubFactory(FamilyFactory)
    started_by = factory.SelfAttribute("family.opened_by")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    team = factory.SubFactory(TeamFactory)
    role = Membership.Role.AGENCY
    status = Membership.Status.ACTIVE
    user = factory.SubFactory(StaffFactory)
    name = factory.LazyAttribute(lambda m: m.user.full_name if m.user else "Friend")
    email = factory.LazyAttribute(lambda m: m.user.email if m.user else "")
    organization = factory.LazyAttribute(lambda m: m.user.organization if m.user else None)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    team = factory.SubFactory(TeamFactory)
    family = factory.SelfAttribute("team.family")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + timedelta(hours=1))
    place = "Wake County Human Services, Room 2"
    called_by = factory.SelfAttribute("team.started_by")


class NextStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NextStep

    team = factory.SubFactory(TeamFactory)
    family = factory.SelfAttribute("team.family")
    description = factory.Sequence(lambda n: f"Step {n}")
    responsible = factory.SubFactory(MembershipFactory, team=factory.SelfAttribute("..team"))
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    author = factory.SelfAttribute("team.started_by")
