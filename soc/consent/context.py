"""What the menu on every page may offer, from the named rules (no query for a family's own
account; one for staff, to know whether their organization runs services in the directory)."""

from soc.directory.rules import keeps_services_current

from . import policy


def navigation(request):
    user = getattr(request, "user", None)
    return {
        "nav": {
            "open_family": policy.can(user, "open_family", None),
            "referral_inbox": policy.can(user, "open_referral_inbox", None),
            "own_services": keeps_services_current(user),
        }
    }
