"""What the referral pages and endpoints read: each list costs a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils import timezone

from soc.directory import models as d
from soc.directory.service_facts import capacity_words

from .followups import waiting_state
from .models import Referral, ReferralEvent, ReferralNotice, SharedDetails, UnmetNeed

LIST_RELATED = ("service__organization", "author", "need_term", "shared")


def family_referrals(user, family):
    """The family's referrals the user may read, newest first, each with its waiting flag."""
    news = ReferralNotice.objects.filter(user=user, referral=OuterRef("pk"), seen_at=None)
    # The team page's panel shows the service and the kind of need, nothing of the author or
    # of what was shared: joining those too cost about a millisecond of every team page.
    referrals = list(
        Referral.objects.visible_to(user, family=family)
        .select_related("service", "need_term")
        .annotate(has_news=Exists(news))[:100]
    )
    for referral in referrals:
        referral.waiting = waiting_state(referral)
    return referrals


def team_referral(user, family, referral_id):
    """One referral of the family the user may read, with its history, or None."""
    return (
        Referral.objects.visible_to(user, family=family)
        .select_related(*LIST_RELATED)
        .prefetch_related(Prefetch("events", ReferralEvent.objects.select_related("by")))
        .filter(pk=referral_id)
        .first()
    )


def inbox(user, status=None):
    """Referrals to services the user's organization runs: the shared minimum only."""
    referrals = (
        Referral.objects.received_by(user)
        .select_related("service", "shared", "need_term", "author__organization")
        .only(*INBOX_FIELDS)
        .order_by("-sent_at", "-id")
    )
    if status:
        referrals = referrals.filter(status=status)
    return referrals


# What the provider's pages load of a referral: never the family, its people or its records.
INBOX_FIELDS = (
    "id",
    "status",
    "version",
    "sent_at",
    "status_changed_at",
    "provider_id",
    "outcome",
    "service__id",
    "service__name",
    "need_term__id",
    "need_term__code",
    "need_term__name",
    "need_term__name_es",
    "author__id",
    "author__full_name",
    "author__organization__id",
    "author__organization__name",
    *(f"shared__{f.name}" for f in SharedDetails._meta.fields),
)


def received_referral(user, referral_id):
    return (
        inbox(user)
        .prefetch_related(Prefetch("events", ReferralEvent.objects.select_related("by")))
        .filter(pk=referral_id)
        .first()
    )


def capacity_check(service):
    """What the team sees before sending anything about the family: room and who may use it."""
    return {
        "service": service,
        # The plain words families read on "Find help" ("Has room", "Full").
        "status": capacity_words(service) or service.get_capacity_status_display(),
        "status_code": service.capacity_status,
        "capacities": list(service.capacities.all()),
        "eligibility": service.eligibility_description,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "taking_referrals": service.status == d.Service.Status.ACTIVE,
        "last_verified": service.assured_date,
    }


def services_for(need_term_id=None, county_id=None):
    """Active services, filtered by need and county: the refer page's simple list (directory
    search plugs in here later)."""
    services = (
        d.Service.objects.filter(status=d.Service.Status.ACTIVE)
        .select_related("organization")
        .prefetch_related("capacities")
    )
    if need_term_id:
        tagged = d.Attribute.objects.filter(taxonomy_term_id=need_term_id).values("link_id")
        services = services.filter(id__in=tagged)
    if county_id:
        services = services.filter(service_areas__county_id=county_id).distinct()
    return services.order_by("name", "id")


def unmet_need_counts(county_ids=None):
    """Unmet needs from referrals, counted by county, kind of need and barrier: never a family."""
    needs = UnmetNeed.objects.all()
    if county_ids is not None:
        needs = needs.filter(county_id__in=county_ids)
    rows = (
        needs.values("county_id", "need_term__code", "barrier")
        .annotate(count=Count("id"))
        .order_by("county_id", "need_term__code", "barrier")
    )
    return [
        {
            "county_id": row["county_id"],
            "need": row["need_term__code"] or "",
            "barrier": row["barrier"],
            "count": row["count"],
        }
        for row in rows
    ]


def notices_seen(user, referral):
    """The user opened the referral: its notices to them are read."""
    ReferralNotice.objects.filter(user=user, referral=referral, seen_at=None).update(
        seen_at=timezone.now()
    )
