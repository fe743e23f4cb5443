"""The demo's referrals (`soc demo_referrals`, after `soc directory demo`): Wake families referred
to one provider's services in every state, some answered by the family, and that provider's
intake coordinator to sign in to the inbox.

Everything goes through the actions, so the history, audit and notices are as real ones."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from soc.directory import models as d
from soc.directory.needs import NEEDS_TAXONOMY_ID
from soc.teams.models import Membership

from . import actions
from .models import Referral, UnmetNeed
from .states import Status

PROVIDER_EMAIL = "provider@example.org"
PROVIDER_NAME = "Rosa Jiménez"

# (status path after sending, reason, note, family's answer); each a new referral.
STORIES = [
    ([], "", "", ""),  # requested, just sent
    ([("accepted", "", "")], "", "", ""),
    ([("accepted", "", ""), ("in-progress", "", "First class on Tuesday")], "", "", ""),
    ([("accepted", "", ""), ("on-hold", "", "Family travelling for two weeks")], "", "", ""),
    (
        [("accepted", "", ""), ("in-progress", "", ""), ("completed", "", "Finished 8 classes")],
        "",
        "",
        "yes",
    ),
    ([("rejected", "no-capacity", "Full until spring")], "", "", "no"),
    ([("cancelled", "declined", "The family chose another program")], "", "", ""),
    ([("accepted", "", ""), ("failed", "unreachable", "Three calls, no answer")], "", "", "partly"),
    ([("entered-in-error", "", "Sent to the wrong program")], "", "", ""),
    (
        [("rejected", "not-eligible", "Ages 0-5 only"), ("requested", "", "Older class opened")],
        "",
        "",
        "",
    ),
]
BY_TEAM = {"requested", "cancelled", "entered-in-error"}
SHARED = {
    "contact_by": "phone",
    "best_times": "Weekdays after 5 pm",
    "no_voicemail": True,
}


def _provider_services():
    """Active Wake County services of the demo provider's organization (the story's intake
    coordinator's), else of the platform provider with the most."""
    services = d.Service.objects.filter(
        status="active",
        organization__agency__isnull=False,
        service_areas__county__name="Wake",
    ).select_related("organization__agency")
    by_agency = {}
    for service in services:
        by_agency.setdefault(service.organization.agency, []).append(service)
    if not by_agency:
        return None, []
    account = get_user_model().objects.filter(email=PROVIDER_EMAIL).first()
    if account is not None and account.organization in by_agency:
        return account.organization, by_agency[account.organization]
    agency = max(by_agency, key=lambda a: (len(by_agency[a]), -a.pk))
    return agency, by_agency[agency]


def _teams(limit):
    facilitators = (
        Membership.objects.filter(
            role=Membership.Role.FACILITATOR,
            status=Membership.Status.ACTIVE,
            user__isnull=False,
            team__family__county__name="Wake",
        )
        .select_related("team__family", "user")
        .order_by("team__family_id")
    )
    seen, out = set(), []
    for member in facilitators:
        if member.team.family_id not in seen:
            seen.add(member.team.family_id)
            out.append(member)
    return out[:limit]


def _term(code):
    """A kind of need of the shipped taxonomy (None where `soc directory demo` did not load it)."""
    return d.TaxonomyTerm.objects.filter(code=code, taxonomy_detail_id=NEEDS_TAXONOMY_ID).first()


def _caregiver_user(family):
    member = (
        family.team.memberships.active()
        .filter(role=Membership.Role.CAREGIVER, user__isnull=False)
        .select_related("user")
        .first()
    )
    return member.user if member else None


def _provider_account(agency, password):
    User = get_user_model()
    user = User.objects.filter(email=PROVIDER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            PROVIDER_EMAIL,
            password,
            full_name=PROVIDER_NAME,
            organization=agency,
            job_title="Intake Coordinator",
            language="es",
        )
    return user


@transaction.atomic
def add_demo_referrals(password, now=None):
    """Add the demo referrals once; returns (referrals added, the provider's sign-in or None)."""
    if Referral.objects.exists():
        return 0, None
    agency, services = _provider_services()
    teams = _teams(4)
    if agency is None or not teams:
        return 0, None
    provider = _provider_account(agency, password)
    parenting = _term("parenting-support")
    now = now or timezone.now()
    added = 0
    # The family answers where a caregiver signs in (María Rivera's family in the story).
    answering = [t for t in teams if _caregiver_user(t.team.family)] or teams
    for index, (path, _r, _n, answer) in enumerate(STORIES):
        facilitator = answering[0] if answer else teams[index % len(teams)]
        family = facilitator.team.family
        caregiver = family.people.filter(role="caregiver").order_by("id").first()
        service = services[index % len(services)]
        shared = {
            **SHARED,
            "person_name": caregiver.first_name if caregiver else family.display_name,
            "need": "",  # the kind of need says it, in each reader's language
            "phone": (caregiver.phone if caregiver else "") or "919-555-0100",
            "language": family.primary_language,
            "interpreter_needed": family.interpreter_needed,
        }
        referral = actions.create_referral(
            facilitator.user,
            family,
            service=service,
            need="" if parenting else "Parenting support",
            need_term=parenting,
            shared={**shared, "need": "" if parenting else "Parenting support"},
            send=True,
        )
        for to, reason, note in path:
            by = facilitator.user if to in BY_TEAM else provider
            referral = actions.transition(referral, to, by, reason=reason, note=note)
        if answer and (user := _caregiver_user(family)):
            actions.answer_referral(user, referral, answer=answer, note="")
        added += 1
    # One waiting 3 business days, one 15 (flagged, escalated); and a draft never sent.
    waiting = Referral.objects.filter(status=Status.REQUESTED).order_by("id")
    for referral, days in zip(waiting, (5, 23), strict=False):
        Referral.objects.filter(pk=referral.pk).update(sent_at=now - timedelta(days=days))
    facilitator = teams[0]
    respite = _term("respite")
    actions.create_referral(
        facilitator.user,
        facilitator.team.family,
        service=services[0],
        need="For a weekend" if respite else "Respite for a weekend",
        need_term=respite,
        shared={
            **SHARED,
            "person_name": "—",
            "need": "" if respite else "Respite",
            "language": facilitator.team.family.primary_language,
            "phone": "919-555-0100",
        },  # fmt: skip
        send=False,
    )
    actions.record_no_service_fits(
        facilitator.user, facilitator.team.family, barrier=UnmetNeed.Barrier.LANGUAGE
    )
    return added + 1, (PROVIDER_NAME, agency.name, PROVIDER_EMAIL)
