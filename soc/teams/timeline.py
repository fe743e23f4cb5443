"""The team's timeline, read from the audit trail: what happened, in plain words."""

from soc.audit import actions
from soc.audit.models import AuditEvent


def recent_changes(family_id):
    """The family's change events, newest first; reads never enter this query.

    The (family_id, kind, id) index takes it straight to the family's changes, so the
    thousands of views a family collects cost nothing here.
    """
    return (
        AuditEvent.objects.for_family(family_id)
        .changes()
        .filter(action__in=actions.timeline_actions())
        .order_by("-id")
        .only("at", "actor_name", "actor_organization", "action")
    )


def recent(family_id, limit=15):
    events = recent_changes(family_id)[:limit]
    return [
        {"at": e.at, "who": e.actor_name, "what": actions.get(e.action).timeline} for e in events
    ]
