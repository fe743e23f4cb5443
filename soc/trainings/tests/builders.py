"""Small builders for trainings tests: a body with an officer and a member, a family
organization with staff, and a training."""

from datetime import timedelta

from django.utils import timezone

from soc import factories as f
from soc.accounts.models import County, Organization
from soc.collaboratives.models import Collaborative
from soc.collaboratives.tests.builders import body, seat
from soc.trainings.models import Training


def wake():
    County.load_north_carolina()
    return County.objects.get(name="Wake")


def hosted_body():
    """A Wake body with a chair (organizer) and a plain member (not an organizer)."""
    wake()
    made = body(Collaborative.Kind.COMMUNITY, name="Wake Community Collaborative")
    chair = f.StaffFactory(full_name="Cho Chair")
    member = f.UserFactory(full_name="Mo Member")
    seat(made, "agency", chair, office="chair")
    seat(made, "family", member)
    return made, chair, member


def family_organization():
    org = Organization.objects.create(
        name="NC Families United", kind=Organization.Kind.FAMILY_ORGANIZATION
    )
    staff = f.UserFactory(full_name="Ana Partner", organization=org)
    return org, staff


def training(host, *, days=7, capacity=10, **fields):
    starts = timezone.now() + timedelta(days=days)
    key = "organization" if isinstance(host, Organization) else "collaborative"
    values = {
        "title": "Getting ready for your first team meeting",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "county": County.objects.filter(name="Wake").first(),
        "place": "Wake County Library",
        "languages": ["en", "es"],
        "audience": "families",
        "capacity": capacity,
        key: host,
        **fields,
    }
    return Training.objects.create(**values)
