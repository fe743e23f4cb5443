"""The disclosure log: each time education or substance-use records reach someone outside the family.

`disclose()` is the one way to write it. Every door that shows case records hands it what it
showed; it writes one audit event per family and request, naming the records, the consent
they were shown under (or emergency access) and the door.
"""

from django.utils.translation import gettext_lazy as _

from soc.audit.log import record

from . import policy
from .categories import DataCategory

LOGGED = frozenset({DataCategory.EDUCATION, DataCategory.SUBSTANCE_USE})


def disclose(user, records, *, door, request=None):
    """Record that these case records were shown to `user` through `door` ("page", "api",
    "pdf", "export", "search"). Records the law does not track, the reader's own writing and
    the family's own reading are left out."""
    by_family = {}
    for shown in records:
        if shown.category in LOGGED and shown.author_id != user.pk:
            by_family.setdefault(shown.family_id, []).append(shown)
    for family_id, shown in by_family.items():
        membership = policy.membership_for(user, family_id)
        if membership is not None and membership.is_family:
            continue
        rows, purposes = [], []
        for item in shown:
            consent = (
                policy.consent_for_record(user, family_id, item.category, membership)
                if membership is not None
                else None
            )
            rows.append(
                {
                    "type": item._meta.label_lower,
                    "id": item.pk,
                    "category": item.category,
                    "consent": consent.pk if consent else None,
                }
            )
            purpose = str(consent.get_purpose_display()) if consent else "emergency access"
            if purpose not in purposes:
                purposes.append(purpose)
        categories = sorted({row["category"] for row in rows})
        record(
            user,
            "disclosure",
            ("families.family", str(family_id)),
            family_id=family_id,
            request=request,
            reason="; ".join(purposes),
            detail={
                "door": door,
                "category": categories[0],
                "categories": categories,
                "records": rows,
                "emergency": membership is None,
            },
        )


def collect(request, shown, *, door="api"):
    """For doors that learn what they show one record at a time (API serializers): keep the
    record on the request; DisclosureLogMiddleware hands them all to `disclose()` at the end."""
    if shown.category in LOGGED:
        request.__dict__.setdefault("soc_shown_records", {})[(shown._meta.label, shown.pk)] = (
            shown,
            door,
        )


class DisclosureLogMiddleware:
    """Writes what `collect()` gathered during the request: one event per family and request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        gathered = request.__dict__.pop("soc_shown_records", None)
        if gathered and response.status_code < 400:
            user = getattr(request, "auth", None) or request.user
            by_door = {}
            for shown, door in gathered.values():
                by_door.setdefault(door, []).append(shown)
            for door, records in by_door.items():
                disclose(user, records, door=door, request=request)
        return response


def needs_part2_notice(records):
    return any(r.category == DataCategory.SUBSTANCE_USE for r in records)


PART2_NOTICE = _(
    "42 CFR part 2 prohibits unauthorized use or disclosure of these records. "
    "This information has been disclosed to you from records protected by federal confidentiality "
    "rules (42 CFR part 2). The federal rules prohibit you from making any further disclosure of "
    "information in this record that identifies a patient as having or having had a substance use "
    "disorder unless it is expressly permitted by the written consent of the person to whom it "
    "pertains or as otherwise permitted by 42 CFR part 2."
)
