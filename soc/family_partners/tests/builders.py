"""Family organizations, their family partners and a family's request, for the tests."""

from soc import factories as f
from soc.accounts.models import County, Organization

from .. import actions

FORM = {
    "name": "Rosa",
    "ways": ["phone", "text"],
    "phone": "919-555-0142",
    "email": "",
    "safe_to_leave_message": "yes",
    "best_times": "Weekdays after 5",
    "language": "es",
    "county": "",
    "zip_code": "27601",
    "help_with": ["school", "meetings"],
    "in_their_words": "My son was suspended again.",
    "agreed_to_contact": "on",
}


def county(name):
    County.load_north_carolina()
    return County.objects.get(name=name)


def family_organization(name, *counties):
    org = f.OrganizationFactory(name=name, kind=Organization.Kind.FAMILY_ORGANIZATION)
    org.counties.set([county(c) for c in counties])
    return org


def partner(org, name="Pam Partner", language="en"):
    return f.StaffFactory(
        organization=org, full_name=name, job_title="Family partner", language=language
    )


def send_request(county_name="Wake", **changes):
    data = {
        "name": "Rosa",
        "ways": ["phone"],
        "phone": "919-555-0142",
        "language": "es",
        "county": county(county_name),
        "help_with": ["school"],
        "agreed_to_contact": True,
        **changes,
    }
    return actions.submit_request(data)


def claimed(family_request, user):
    return actions.claim(user, family_request, version=family_request.version)


def with_consent(family_request, user):
    return actions.record_consent(
        user, family_request, given_by="Rosa", method="phone", version=family_request.version
    )
