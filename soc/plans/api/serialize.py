"""Plan records as API dicts (FHIR CarePlan and Goal names). Only readable parts arrive here."""

from ..queries import review_state
from .schemas import FHIR_STATUS, notice_of


def ref(obj, display):
    return {"id": obj.pk, "display": display}


def summary(version, family):
    return {
        "id": version.pk,
        "number": version.number,
        "status": version.status,
        "fhir_status": FHIR_STATUS[version.status],
        "intent": "plan" if version.is_in_effect or version.status == "superseded" else "proposal",
        "subject": ref(family, family.display_name),
        "period": {"start": version.start_date, "end": version.review_date},
        "author": ref(version.author, version.author.full_name) if version.author_id else None,
        "replaces": version.based_on_id,
        "created": version.created_at,
        "proposed_at": version.proposed_at,
        "in_effect_at": version.in_effect_at,
        "version": version.version,
    }


def _common(part):
    return {
        "id": part.pk,
        "category": part.category,
        "notice": notice_of(part),
        "revision": part.revision,
    }


def goal(g):
    return {
        **_common(g),
        "key": str(g.key),
        "lifecycle_status": g.lifecycle_status,
        "achievement_status": g.achievement_status,
        "description": g.description,
        "target": {"measure": g.how_we_will_know, "due_date": g.target_date},
        "addresses": [n.pk for n in g.needs.all()],
    }


def activity(s):
    period = None
    if s.start_date and s.due_date:
        period = {"start": s.start_date, "end": s.due_date}
    return {
        **_common(s),
        "goal": s.goal_id,
        "kind": s.kind,
        "status": s.status,
        "description": s.description,
        "performer": ref(s.responsible, s.responsible.name),
        "scheduled_period": period,
        "next_steps": [step.pk for step in s.steps.all()],
    }


def need(n):
    return {
        **_common(n),
        "rank": n.rank,
        "description": n.description,
        "domain": n.domain,
        "setting": n.setting,
        "is_unmet": n.is_unmet,
        "barrier": n.barrier,
    }


def strength(s):
    return {**_common(s), "about": s.about, "description": s.description, "named_by": s.named_by}


def crisis(c):
    if c is None:
        return None
    return {
        **_common(c),
        **{name: getattr(c, name) for name in c.COPIED},
        "contacts": [ref(m, m.name) for m in c.contacts.all()],
        "lines": [ref(line, f"{line.name} {line.phone}") for line in c.lines.all()],
    }


def full(version, family, contents):
    return {
        **summary(version, family),
        "description": version.vision,
        "note": version.mission,
        "addresses": [need(n) for n in contents.needs],
        "goal": [goal(g) for g in contents.goals],
        "activity": [activity(s) for s in contents.strategies],
        "strengths": [strength(s) for s in contents.strengths],
        "crisis_plan": crisis(contents.crisis_plan),
        "protected_parts_hidden": contents.hidden,
        "notice": str(contents.part2_notice) if contents.part2_notice else None,
    }


def plan(p, family, in_effect, open_version):
    return {
        "id": p.pk,
        "subject": ref(family, family.display_name),
        "youth_agreement_age": p.youth_agreement_age,
        "in_effect": summary(in_effect, family) if in_effect else None,
        "open": summary(open_version, family) if open_version else None,
        "review_due": review_state(in_effect),
        "version": p.version,
    }


def agreement(version, status):
    return {
        "version": version.version,
        "status": version.status,
        "contributor": [
            {
                "member": ref(m, m.name),
                "agrees": m.answer.agrees if m.answer else None,
                "reason": m.answer.reason if m.answer else "",
                "typed_name": m.answer.typed_name if m.answer else "",
                "method": m.answer.method if m.answer else "",
                "at": m.answer.at if m.answer else None,
            }
            for m in status.needed
        ],
        "acknowledged_by": [ref(a.membership, a.membership.name) for a in status.acknowledgements],
    }


def rating(r):
    return {
        "id": r.pk,
        "goal": r.goal_id,
        "goal_key": str(r.goal_key),
        "meeting": r.meeting_id,
        "date": r.meeting.starts_at.date(),
        "family_rating": r.family_rating,
        "team_rating": r.team_rating,
        "what_helped": r.what_helped,
        "barriers": r.barriers,
        "decision": r.decision,
        "notice": notice_of(r),
    }
