"""The demo's family requests (`soc demo_family_partners`, after `soc seed`; idempotent): the
family organization covers the demo counties, a family partner signs in to its inbox, and a
few families' requests wait in different states (one from a county nobody serves).

Everything goes through the actions, so routing, notices and audit are as for real ones."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from soc.accounts.models import County, Organization

from . import actions
from .models import FamilyRequest

ORGANIZATION = "NC Families United"  # the seed's family organization (soc/demo/organizations.py)
COUNTIES = ("Wake", "Durham", "Johnston")
PARTNER_EMAIL = "familypartner@example.org"
PARTNER_NAME = "Carmen Ortiz"

# (name, county, language, help, words, what happens, days ago)
STORIES = [
    ("Lucía", "Wake", "es", ["school", "meetings"], "Mi hijo tiene problemas en la escuela.", "new", 0),
    ("Tanya", "Durham", "en", ["behavior"], "My daughter will not go to school.", "new", 5),
    ("Marcus", "Johnston", "en", ["court"], "", "claimed", 1),
    ("Ana", "Wake", "es", ["services", "talk"], "", "closed", 3),
    ("Dee", "Cherokee", "en", ["dss"], "DSS came to our house.", "new", 0),
]  # fmt: skip


def _partner(organization, password):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=PARTNER_EMAIL,
        defaults={
            "full_name": PARTNER_NAME,
            "organization": organization,
            "job_title": "Family partner",
            "language": "es",
            "password": make_password(password),
        },
    )
    if not created and user.organization_id != organization.pk:
        user.organization = organization
        user.save(update_fields=["organization"])
    return user


@transaction.atomic
def add_demo_requests(password):
    """Returns (requests added, the partner's sign-in (name, organization, e-mail))."""
    County.load_north_carolina()
    organization, _ = Organization.objects.get_or_create(
        name=ORGANIZATION, defaults={"kind": Organization.Kind.FAMILY_ORGANIZATION}
    )
    organization.counties.add(*County.objects.filter(name__in=COUNTIES))
    partner = _partner(organization, password)
    sign_in = (PARTNER_NAME, organization.name, PARTNER_EMAIL)
    if FamilyRequest.objects.filter(organizations=organization, name="Lucía").exists():
        return 0, sign_in
    for name, county, language, helps, words, state, days_ago in STORIES:
        sent = actions.submit_request(
            {
                "name": name,
                "ways": ["phone", "text"],
                "phone": "919-555-01" + str(10 + len(name)),
                "safe_to_leave_message": True,
                "best_times": "Weekdays after 5 pm",
                "language": language,
                "interpreter": language == "es",
                "county": County.objects.get(name=county),
                "help_with": helps,
                "in_their_words": words,
                "agreed_to_contact": True,
            }
        )
        if days_ago:
            FamilyRequest.objects.filter(pk=sent.pk).update(
                created_at=timezone.now() - timedelta(days=days_ago)
            )
        if state in ("claimed", "closed"):
            sent = actions.claim(partner, sent, version=sent.version)
            actions.add_contact_attempt(partner, sent, method="phone", result="message")
        if state == "closed":
            actions.add_contact_attempt(partner, sent, method="text", result="reached")
            sent = FamilyRequest.objects.get(pk=sent.pk)
            actions.close(partner, sent, outcome="helped", note="Went with her to the IEP meeting.")
    return len(STORIES), sign_in
