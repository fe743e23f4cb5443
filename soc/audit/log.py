"""Writing and checking audit events: `record()` is the only way in.

Each family's events form their own hash chain (events without a family: one chain per actor,
and one for the platform itself). A writer reads its chain's head through the (chain, seq)
unique index and inserts the next number; that index is the only thing writers meet, and only
writers of the same chain: two who read the same head cannot both insert, the second waits for
the first to commit, fails, and retries on the new head. No lock is shared by all families.
This relies on READ COMMITTED (Django's default), where each statement sees the latest commits.
"""

import functools
import json
from contextlib import nullcontext
from typing import NamedTuple

from django.db import IntegrityError, connection, models, transaction

from . import actions
from .models import GENESIS_HASH, HASHED_FIELDS, AuditEvent, chain_for, hash_of

# Writers of one chain who read the same head race for the next number; the losers retry.
# Each round has a winner, so this only runs out if something else is wrong.
_ATTEMPTS = 100


def client_address(request):
    """The client's address behind our trusted proxies (the one sign-in lockouts use),
    normalized as the database stores it, so the hash covers what will be read back."""
    from soc.addresses import client_address as behind_proxies

    address = behind_proxies(request) if request is not None else None
    return AuditEvent._meta.get_field("ip_address").to_python(address or None)


def _describe(obj):
    if obj is None:
        return "", ""
    if isinstance(obj, tuple):
        return obj
    return obj._meta.label_lower, str(obj.pk)


@functools.cache
def _statements(vendor):
    """The two statements a write takes, in plain SQL: every write pays for them, and the ORM's
    query building would cost more than the database's work."""
    quote = connection.ops.quote_name
    table = quote(AuditEvent._meta.db_table)
    fields = [f for f in AuditEvent._meta.concrete_fields if not f.primary_key]
    # Names come from the model, values go as parameters.
    head = f"SELECT seq, hash FROM {table} WHERE chain = %s ORDER BY seq DESC LIMIT 1"  # noqa: S608  # nosec B608 - names from the model
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join(["%s"] * len(fields))
    insert = f"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING {quote('id')}"  # noqa: S608  # nosec B608 - names from the model
    # Only these need the database's own form; the rest are strings and integers already.
    adapted = (models.DateTimeField, models.JSONField, models.GenericIPAddressField)
    return head, insert, [(f.attname, f if isinstance(f, adapted) else None) for f in fields]


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
    head_sql, insert_sql, fields = _statements(connection.vendor)
    with connection.cursor() as cursor:
        for _attempt in range(_ATTEMPTS):
            cursor.execute(head_sql, [chain])
            seq, prev_hash = cursor.fetchone() or (0, GENESIS_HASH)
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
            params = [
                field.get_db_prep_save(getattr(event, name), connection)
                if field
                else getattr(event, name)
                for name, field in fields
            ]
            try:
                # Inside a caller's transaction a lost race must not spoil it: a savepoint.
                with transaction.atomic() if connection.in_atomic_block else nullcontext():
                    cursor.execute(insert_sql, params)
                    event.pk = cursor.fetchone()[0]
            except IntegrityError:
                continue  # another writer took this number first: read the new head
            event._state.adding, event._state.db = False, connection.alias
            return event
    raise IntegrityError(f"Could not append to audit chain {chain} after {_ATTEMPTS} tries.")


class Result(NamedTuple):
    checked: int
    bad: AuditEvent | None = None
    problem: str = ""
    chains: int = 0


_ROW = ("id", "hash", *HASHED_FIELDS)
_CHAIN, _SEQ, _ACTOR, _FAMILY, _PREV = (
    HASHED_FIELDS.index(name) for name in ("chain", "seq", "actor_id", "family_id", "prev_hash")
)


# On PostgreSQL verify reads the time as the canonical text and the JSON unparsed: for a
# million rows, parsing them into Python objects first would take longer than the hashing.
_PG_COLUMNS = {
    "at": """to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')""",
    "ip_address": "host(ip_address)",
    "detail": "detail::text",
}


def _rows(family_id, chunk_size, share=None):
    """(id, hash, *HASHED_FIELDS) for every event, or one family's, in id order.

    `share` = (k, n): only the chains whose hash falls in share k of n (PostgreSQL), so that n
    processes can verify every chain between them (soc/audit/parallel.py)."""
    chain = chain_for(family_id, None) if family_id is not None else None
    if connection.vendor != "postgresql":
        rows = AuditEvent.objects.order_by("id")
        if chain is not None:
            rows = rows.filter(chain=chain)
        yield from rows.values_list(*_ROW).iterator(chunk_size=chunk_size)
        return
    columns = ", ".join(_PG_COLUMNS.get(name, name) for name in _ROW)
    where, params = ("WHERE chain = %s", [chain]) if chain is not None else ("", [])
    if share is not None:
        # hashtext() is an int4 that may be negative: shift it to 0..2^32-1 first.
        where = "WHERE mod(hashtext(chain)::bigint + 2147483648, %s) = %s"
        params = [share[1], share[0]]
    detail = _ROW.index("detail")
    # Inside a transaction the server-side cursor streams; outside, PostgreSQL would first
    # copy the whole result to keep it past the commit.
    with transaction.atomic(), connection.chunked_cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM audit_auditevent {where} ORDER BY id",  # noqa: S608  # nosec B608 - fixed text
            params,
        )
        while batch := cursor.fetchmany(chunk_size):
            for row in batch:
                row = list(row)
                row[detail] = {} if row[detail] == "{}" else json.loads(row[detail])
                yield row


def verify_chain(family_id=None, chunk_size=10_000, share=None):
    """Check every chain (or one family's) and return a Result naming the first bad event.

    Rows stream in id order (a server-side cursor on PostgreSQL); only each chain's last
    sequence number and hash are kept, so memory does not grow with the log.
    """
    heads = {}
    checked = 0
    for event_id, stored_hash, *row in _rows(family_id, chunk_size, share):
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
