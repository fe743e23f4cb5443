"""Writing audit events: `record()` is the only way in."""

from django.db import connection, transaction

from .models import GENESIS_HASH, AuditEvent

# Any fixed number: PostgreSQL serializes chain writers on this advisory lock.
_CHAIN_LOCK = 7_304_112


def client_address(request):
    """The client's address behind our trusted proxies: the one sign-in lockouts use."""
    from soc.addresses import client_address as behind_proxies

    return behind_proxies(request)


def _describe(obj):
    if obj is None:
        return "", ""
    if isinstance(obj, tuple):
        return obj
    return obj._meta.label_lower, str(obj.pk)


def record(actor, action, obj=None, *, family_id=None, request=None, reason="", detail=None):
    """Append one event to the chain. `obj` is a model instance or an (object_type, id) pair."""
    object_type, object_id = _describe(obj)
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    organization = getattr(actor, "organization", None) if is_person else None
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event = AuditEvent(
            actor=actor if is_person else None,
            actor_name=actor.full_name if is_person else "",
            actor_organization=organization.name if organization else "",
            action=action,
            object_type=object_type,
            object_id=object_id,
            family_id=family_id,
            reason=reason or "",
            ip_address=client_address(request),
            detail=detail or {},
            prev_hash=last or GENESIS_HASH,
        )
        event.hash = event.compute_hash()
        event.save()
    return event


def verify_chain(batch_size=2000):
    """Return (rows checked, first bad event or None, what is wrong with it)."""
    expected_prev = GENESIS_HASH
    checked = 0
    last_id = 0
    while True:
        rows = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not rows:
            return checked, None, ""
        for event in rows:
            if event.prev_hash != expected_prev:
                return checked, event, "its link to the previous event is broken"
            if event.compute_hash() != event.hash:
                return checked, event, "its contents do not match its hash"
            expected_prev = event.hash
            checked += 1
            last_id = event.id
