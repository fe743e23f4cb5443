"""Shared fixtures: the usual people around one family's team, on a real database."""

import os
import shutil

import pytest
from hypothesis import settings

CHROMIUM = "/usr/bin/chromium"

# Hypothesis's per-example deadline measures the machine, not the code: on a shared 2-core
# machine under load a pure-Python example can take longer than 200 ms and fail the run.
settings.register_profile("soc", deadline=None)
settings.load_profile("soc")


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM) or shutil.which("chromium"):
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: browser tests cannot run.")
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is not installed (run `make test` as root to install it)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request activates its user's language for the thread; start every test in English."""
    from django.utils import translation

    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Argon2 is the production hasher (tested in accounts); tests hash thousands of passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background work runs at once in tests, so e-mails can be read back from the outbox.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Text messages collect in soc.texting.backends.outbox, emptied for every test.
    from soc.texting import backends

    settings.SOC_TEXT_BACKEND = "soc.texting.backends.LocMemBackend"
    backends.outbox.clear()


_flushed = False  # set once a transactional test on this worker has emptied the tables


def _reload_shipped_data():
    from soc.accounts.models import County
    from soc.directory.models import Taxonomy, TaxonomyTerm
    from soc.directory.needs import load_needs_taxonomy

    County.load_north_carolina()
    load_needs_taxonomy(Taxonomy, TaxonomyTerm)


@pytest.fixture(autouse=True)
def _counties(request):
    """Counties and the needs taxonomy ship as data migrations; a transactional test's flush
    removes them, so reload."""
    global _flushed

    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.db import connection

        from soc.audit.schema import install_triggers, remove_triggers

        install_triggers(connection)
        _reload_shipped_data()
        yield
        # The flush after a transactional test must be able to empty the audit table.
        remove_triggers(connection)
        _flushed = True
    else:
        if _flushed and (
            "db" in request.fixturenames or request.node.get_closest_marker("django_db")
        ):
            # Inside this test's transaction, so they go again with its rollback.
            request.getfixturevalue("db")
            _reload_shipped_data()
        yield


@pytest.fixture
def api_as(db):
    """api_as(user) -> an ApiClient authenticated with a new personal token for that user."""
    from soc.api.testing import ApiClient

    return ApiClient


@pytest.fixture
def anonymous_api(db):
    from soc.api.testing import ApiClient

    return ApiClient()


class Cast:
    """One family's team and everyone around it, by their relation to the family."""


@pytest.fixture
def cast(db):
    """A family with a full team, and people at every distance from it."""
    from soc import factories as f
    from soc.families.models import Person
    from soc.teams.models import Membership

    agency = f.OrganizationFactory(name="Wake County Human Services")
    school = f.OrganizationFactory(name="Wake County Public Schools", kind="school")
    c = Cast()
    c.facilitator = f.StaffFactory(full_name="Fran Facilitator", organization=agency)
    c.family = f.FamilyFactory(
        display_name="The Rivera family", opened_by=c.facilitator, primary_language="es"
    )
    c.team = f.TeamFactory(family=c.family, started_by=c.facilitator)
    c.caregiver = f.UserFactory(full_name="Maria Rivera", language="es")
    c.youth = f.UserFactory(full_name="Leo Rivera")
    mom = f.PersonFactory(
        family=c.family,
        role=Person.Role.CAREGIVER,
        first_name="Maria",
        last_name="Rivera",
        date_of_birth=None,
        relation="mother",
        user=c.caregiver,
        email=c.caregiver.email,
    )
    leo = f.PersonFactory(
        family=c.family,
        role=Person.Role.YOUTH,
        first_name="Leo",
        last_name="Rivera",
        date_of_birth=f.date(2010, 3, 4),
        user=c.youth,
    )
    c.child = f.PersonFactory(
        family=c.family, first_name="Ana", last_name="Rivera", date_of_birth=f.date(2016, 7, 9)
    )
    c.member = f.StaffFactory(full_name="Sam Counselor", organization=school)
    c.proposed = f.StaffFactory(full_name="Pat Proposed")
    c.removed = f.StaffFactory(full_name="Rae Removed")
    c.same_org_staff = f.StaffFactory(full_name="Sue Sameorg", organization=agency)
    c.other_org_staff = f.StaffFactory(full_name="Otto Otherorg")
    c.org_admin = f.StaffFactory(full_name="Ada Admin", organization=agency, is_org_admin=True)
    c.superuser = f.UserFactory(full_name="Root User", is_superuser=True, is_staff=True)
    M = Membership
    c.facilitator_membership = f.MembershipFactory(
        team=c.team, user=c.facilitator, role=M.Role.FACILITATOR
    )
    c.caregiver_membership = f.MembershipFactory(
        team=c.team, user=c.caregiver, role=M.Role.CAREGIVER, person=mom, language="es"
    )
    c.youth_membership = f.MembershipFactory(
        team=c.team, user=c.youth, role=M.Role.YOUTH, person=leo
    )
    c.member_membership = f.MembershipFactory(team=c.team, user=c.member, role=M.Role.AGENCY)
    c.proposed_membership = f.MembershipFactory(
        team=c.team, user=c.proposed, status=M.Status.PROPOSED, proposed_by=c.facilitator
    )
    c.removed_membership = f.MembershipFactory(team=c.team, user=c.removed, status=M.Status.REMOVED)
    c.grandma = f.MembershipFactory(
        team=c.team,
        user=None,
        name="Abuela Rosa",
        role=M.Role.NATURAL_SUPPORT,
        support_kind="relative",
        phone="919-555-0100",
        language="es",
    )
    c.meeting = f.MeetingFactory(team=c.team, called_by=c.facilitator)
    c.next_step = f.NextStepFactory(
        team=c.team, responsible=c.member_membership, author=c.facilitator
    )
    from soc.consent.models import Consent

    today = f.date.today()
    c.consent = Consent.objects.create(
        family=c.family,
        granted_by=mom,
        recorded_by=c.caregiver,
        discloser="Wake Therapy Group",
        recipient_kind="team",
        recipient_label="Everyone on our team",
        categories=["mental_health"],
        purpose="care_coordination",
        starts_on=today,
        expires_on=today.replace(year=today.year + 1),
        right_to_revoke_explained=True,
        signed_name="Maria Rivera",
        signed_on=today,
        signature_method="electronic",
    )
    c.emergency_doctor = f.StaffFactory(full_name="Erin Emergency", can_use_emergency_access=True)
    c.anonymous = None
    return c
