"""The address a request really came from, behind the number of reverse proxies we trust.

Each trusted proxy appends the address it was reached from to X-Forwarded-For, so the client is
the SOC_PROXY_COUNT-th entry from the right. Whatever a client writes further left is its own
claim and is ignored: a forged header buys no fresh lockout counter. Sign-in lockouts (axes) and
the audit trail both read this one function.
"""

from django.conf import settings
from ipware import get_client_ip


def client_address(request):
    if request is None:
        return None
    direct = request.META.get("REMOTE_ADDR") or None
    proxies = getattr(settings, "SOC_PROXY_COUNT", 0)
    if proxies <= 0:
        return direct
    # ipware counts the proxies listed in the header after the client; the proxy nearest to
    # us is not listed there (it is REMOTE_ADDR), hence one fewer.
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        strict=False,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
    )
    # Without enough forwarded hops the request did not come through our proxies.
    return address or direct
