"""What the menu on every page may offer, from the policy (no query)."""

from . import policy


def navigation(request):
    user = getattr(request, "user", None)
    return {"nav": {"open_family": policy.can(user, "open_family", None)}}
