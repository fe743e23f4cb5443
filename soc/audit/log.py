"""Writing and checking audit events: `record()` is the only way in.

Each family's events form their own hash chain (events without a family: one chain per actor,
and one for the platform itself). A writer locks only its own chain, so families never wait
for each other, however many app servers write at once.
"""

import zlib
from typing import NamedTuple

from django.db import connection, transaction

from . import actions
from .models import GENESIS_HASH, HASHED_FIELDS, AuditEvent, chain_for, hash_of

# The first half of PostgreSQL's two-number advisory lock key: "audit chain", the second
# half is a number derived from the chain's name. Two chains that share the number only
# wait for each other; the (chain, seq) unique constraint keeps each chain a single line.
_LOCK_SPACE = 7_304_112


def client_address(request):
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or None
    # The database stores addresses normalized; hash what will be read back.
    return AuditEvent._meta.get_field("ip_address").to_python(address)


def _describe(obj):
    if obj is None:
        return "", ""
    if isinstance(obj, tuple):
        return obj
    return obj._meta.label_lower, str(obj.pk)


def _lock_key(chain):
    return zlib.crc32(chain.encode()) - 2**31  # a signed 32-bit integer


def _lock_chain(chain):
    """Hold the chain until this transaction ends. SQLite already runs one writer at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_SPACE, _lock_key(chain)])


def record(actor, action, obj=None, *, family_id=None, request=None, reason="", detail=None):
    """Append one event to its chain. `obj` is a model instance or an (object_type, id) pair.

    `action` must be registered in soc/audit/actions.py (else UnknownAction).
    """
    kind = actions.get(action).kind
    object_type, object_id = _describe(obj)
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    organization = getattr(actor, "organization", None) if is_person else None
    family_id = int(family_id) if family_id is not None else None
    chain = chain_for(family_id, actor.pk if is_person else None)
    with transaction.atomic():
        _lock_chain(chain)
        head = (
            AuditEvent.objects.filter(chain=chain)
            .order_by("-seq")
            .values_list("seq", "hash")
            .first()
        )
        seq, prev_hash = head or (0, GENESIS_HASH)
        event = AuditEvent(
            actor=actor if is_person else None,
            actor_name=actor.full_name if is_person else "",
            actor_organization=organization.name if organization else "",
            action=action,
            kind=kind.value,
            object_type=object_type,
            object_id=object_id,
            family_id=family_id,
            reason=reason or "",
            ip_address=client_address(request),
            detail=detail or {},
            chain=chain,
            seq=seq + 1,
            prev_hash=prev_hash,
        )
        event.hash = event.compute_hash()
        event.save()
    return event


class Result(NamedTuple):
    checked: int
    bad: AuditEvent | None = None
    problem: str = ""
    chains: int = 0


_ROW = ("id", "hash", *HASHED_FIELDS)
_CHAIN, _SEQ, _ACTOR, _FAMILY, _PREV = (
    HASHED_FIELDS.index(name) for name in ("chain", "seq", "actor_id", "family_id", "prev_hash")
)


def verify_chain(family_id=None, chunk_size=5000):
    """Check every chain (or one family's) and return a Result naming the first bad event.

    Rows stream in id order (a server-side cursor on PostgreSQL); only each chain's last
    sequence number and hash are kept, so memory does not grow with the log.
    """
    rows = AuditEvent.objects.order_by("id")
    if family_id is not None:
        rows = rows.filter(chain=chain_for(family_id, None))
    heads = {}
    checked = 0
    for event_id, stored_hash, *row in rows.values_list(*_ROW).iterator(chunk_size=chunk_size):
        chain = row[_CHAIN]
        last_seq, last_hash = heads.get(chain, (0, GENESIS_HASH))
        problem = ""
        if chain != chain_for(row[_FAMILY], row[_ACTOR]):
            problem = "it is filed in another family's or person's chain"
        elif row[_SEQ] != last_seq + 1 or row[_PREV] != last_hash:
            problem = "its link to the previous event in its chain is broken"
        elif hash_of(row) != stored_hash:
            problem = "its contents do not match its hash"
        if problem:
            return Result(checked, AuditEvent.objects.get(pk=event_id), problem, len(heads))
        heads[chain] = (row[_SEQ], stored_hash)
        checked += 1
    return Result(checked, chains=len(heads))
