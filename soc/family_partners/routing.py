"""Where a family's request goes: the family organizations that serve its county, or, when
none does, the statewide ones (flagged). A request is never dropped."""

from django.conf import settings

from soc import robots
from soc.accounts.models import County, Organization


def county_for_zip(zip_code):
    """The North Carolina county of a ZIP code (from the `zipcodes` package), or None."""
    import zipcodes

    try:
        found = zipcodes.matching(zip_code[:5])
    except (ValueError, TypeError):
        return None
    found = [z for z in found if z.get("state") == "NC" and z.get("county")]
    if not found:
        return None
    name = found[0]["county"].removesuffix(" County").strip()
    return County.objects.filter(name__iexact=name).first()


def family_organizations():
    return Organization.objects.filter(kind=Organization.Kind.FAMILY_ORGANIZATION)


def organizations_for(county):
    """(organizations, is it the fallback): those serving `county`, else the statewide ones."""
    serving = list(family_organizations().filter(counties=county).order_by("pk"))
    if serving:
        return serving, False
    statewide = family_organizations().order_by("pk")
    named = settings.SOC_STATEWIDE_FAMILY_ORGANIZATIONS
    if named:
        chosen = list(statewide.filter(name__in=named))
        if chosen:
            return chosen, True
    # No statewide organization named: every family organization hears of it.
    return list(statewide), True


def address_key(address):
    """A keyed hash of the sender's address: enough to count requests, useless to anyone else."""
    return robots.address_key(address, "family-request")
