"""Re-chain the events written under the single global chain: one chain per family.

Allowed once, before production: the append-only triggers are lifted for this migration's
transaction only, every row gets its chain, sequence number and kind, and a new hash under the
new canonical form; then the triggers are put back. The hashing and the kinds are frozen here,
as they were when this migration was written, so later changes to the code cannot change it.
"""

import hashlib
import json
from datetime import UTC

from django.db import migrations

GENESIS_HASH = "0" * 64
READS = {
    "family.view", "family.export", "family.duplicate_shown", "family.list", "meeting.view",
    "meeting.pdf", "meeting.download", "meeting.list", "member.list", "person.list",
    "next_step.list", "consent.list", "consent.view", "consent.pdf", "audit.view", "search",
    "calendar_feed.view",
}  # fmt: skip
OTHER_KINDS = {
    "disclosure": "disclosure",
    "emergency.form": "emergency",
    "emergency.open": "emergency",
    "access.denied": "refusal",
    "consent.refused": "refusal",
    "account.sign_in": "account",
    "account.mfa_setup": "account",
    "account.mfa_verify": "account",
    "api_token.create": "account",
    "api_token.revoke": "account",
    "calendar_feed.create": "account",
    "calendar_feed.revoke": "account",
    "demo.seed": "system",
}
FIELDS = (
    "chain", "seq", "at", "actor_id", "actor_name", "actor_organization", "action", "kind",
    "object_type", "object_id", "family_id", "reason", "ip_address", "detail", "prev_hash",
)  # fmt: skip


def kind_of(action):
    if action in READS or action.endswith(".view"):  # form pages: "<url name>.view"
        return "read"
    return OTHER_KINDS.get(action, "change")


def chain_of(event):
    if event.family_id is not None:
        return f"family:{event.family_id}"
    if event.actor_id is not None:
        return f"actor:{event.actor_id}"
    return "system"


def hash_of(event):
    values = [getattr(event, name) for name in FIELDS]
    values[2] = values[2].astimezone(UTC).isoformat(timespec="microseconds")
    values[9] = str(values[9])
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def rechain(apps, schema_editor):
    from soc.audit.schema import install_triggers, remove_triggers

    AuditEvent = apps.get_model("audit", "AuditEvent")
    remove_triggers(schema_editor.connection)
    heads = {}
    batch = []
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        event.chain = chain_of(event)
        event.kind = kind_of(event.action)
        last_seq, last_hash = heads.get(event.chain, (0, GENESIS_HASH))
        event.seq = last_seq + 1
        event.prev_hash = last_hash
        event.hash = hash_of(event)
        heads[event.chain] = (event.seq, event.hash)
        batch.append(event)
        if len(batch) == 1000:
            AuditEvent.objects.bulk_update(batch, ["chain", "seq", "kind", "prev_hash", "hash"])
            batch = []
    AuditEvent.objects.bulk_update(batch, ["chain", "seq", "kind", "prev_hash", "hash"])
    install_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_chain_seq_kind")]
    # The old chain's hashes cannot be rebuilt from the new ones: there is no way back.
    operations = [migrations.RunPython(rechain, elidable=False)]
