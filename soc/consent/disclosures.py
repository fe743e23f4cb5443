"""The disclosure log: each time education or substance-use records reach someone outside the family."""

from django.utils.translation import gettext_lazy as _

from soc.audit.log import record

from . import policy
from .categories import DataCategory

LOGGED = frozenset({DataCategory.EDUCATION, DataCategory.SUBSTANCE_USE})


def note_disclosure(user, record_obj, *, category, author_id=None, request=None):
    """Call when a categorized record is shown; logs it when it is a disclosure the law tracks."""
    if category not in LOGGED or author_id == user.pk:
        return
    membership = policy.membership_in(user, record_obj)
    if membership is not None and membership.is_family:
        return
    family_id = policy.family_id_of(record_obj)
    consent = (
        policy.consent_for_record(user, family_id, category, membership) if membership else None
    )
    record(
        user,
        "disclosure",
        record_obj,
        family_id=family_id,
        request=request,
        reason=consent.get_purpose_display() if consent else "emergency access",
        detail={
            "category": category,
            "consent": consent.pk if consent else None,
            "emergency": consent is None,
        },
    )


PART2_NOTICE = _(
    "42 CFR part 2 prohibits unauthorized use or disclosure of these records. "
    "This information has been disclosed to you from records protected by federal confidentiality "
    "rules (42 CFR part 2). The federal rules prohibit you from making any further disclosure of "
    "information in this record that identifies a patient as having or having had a substance use "
    "disorder unless it is expressly permitted by the written consent of the person to whom it "
    "pertains or as otherwise permitted by 42 CFR part 2."
)
