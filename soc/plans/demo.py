"""Demo plans: several families with a plan in effect, earlier versions and months of ratings.

Call after the families exist (the demo seeder owns when): `add_demo_plans()` gives up to
`limit` families a plan, the story family first, Spanish-speaking families in Spanish, and
one family a newer version the mother does not agree with yet. Everything goes through the
plan's actions (audited like real use); only dates are moved back afterwards, because the
actions stamp "now" and a demo needs months of history.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from soc.teams import actions as team_actions
from soc.teams.models import Meeting, Membership

from . import actions, readiness
from .models import CrisisLine, Goal, PlanVersion

TEXT = {
    "en": {
        "vision": "Our kids are safe, happy and doing well in school, and we stay together as a family.",
        "mission": "Help the family reach its vision with one plan, with help that fits its culture.",
        "strengths": [
            ("child", "Loves soccer and is a good friend", "Mom"),
            ("family", "We cook and eat dinner together every Sunday", "Grandma"),
            ("community", "Our church helps with rides and meals", "Pastor"),
        ],
        "needs": [
            ("Calm evenings at home without fights", "safety", "home"),
            ("Keep up with homework and go to school every day", "wellbeing", "school"),
            ("A counselor who speaks our language", "wellbeing", "community"),
        ],
        "goals": [
            ("Evenings at home are calm most days", "No calls to the crisis line for a month"),
            ("Go to school every day", "No unexcused absences for six weeks"),
        ],
        "strategies": [
            ("Weekly family therapy", "formal"),
            ("Grandma takes the kids two afternoons a week", "natural"),
            ("After-school program at the community center", "community"),
        ],
        "crisis": {
            "triggers": "Yelling, being told no without a reason, being very tired",
            "warning_signs": "Slams doors, stops talking, stays in the room",
            "what_helps": "A quiet space, music, a walk with Grandma",
            "what_does_not_help": "Raising your voice, taking the phone away in the moment",
            "who_does_what": "Mom stays calm and calls Grandma; the therapist is called the next morning",
        },
        "helped": "The weekly routine and Grandma's afternoons",
        "barriers": "Work schedule changes",
        "disagree": "The school goal is too fast for us. We want to talk about it at the meeting.",
        "new_goal": ("Find a counselor who speaks Spanish", "The first visit happens"),
        "meeting_notes": "Review %(number)d of the plan. The family rated each goal first, then"
        " the team. Evenings are calmer; the school mornings are still hard.",
        "meeting_decisions": "Keep the goals as they are. Grandma adds a Friday afternoon.",
    },
    "es": {
        "vision": "Nuestros hijos están seguros, felices y les va bien en la escuela, y seguimos juntos como familia.",
        "mission": "Ayudar a la familia a lograr su visión con un solo plan, con ayuda que respete su cultura.",
        "strengths": [
            ("child", "Le encanta el fútbol y es buen amigo", "Mamá"),
            ("family", "Cocinamos y cenamos juntos todos los domingos", "Abuela"),
            ("community", "Nuestra iglesia nos ayuda con transporte y comidas", "Pastor"),
        ],
        "needs": [
            ("Tardes tranquilas en casa, sin peleas", "safety", "home"),
            ("Hacer la tarea y asistir a la escuela todos los días", "wellbeing", "school"),
            ("Un consejero que hable español", "wellbeing", "community"),
        ],
        "goals": [
            (
                "Las tardes en casa son tranquilas casi todos los días",
                "Ninguna llamada a la línea de crisis en un mes",
            ),
            ("Ir a la escuela todos los días", "Ninguna falta sin excusa en seis semanas"),
        ],
        "strategies": [
            ("Terapia familiar cada semana", "formal"),
            ("La abuela cuida a los niños dos tardes por semana", "natural"),
            ("Programa después de clases en el centro comunitario", "community"),
        ],
        "crisis": {
            "triggers": "Gritos, que le digan que no sin razón, mucho cansancio",
            "warning_signs": "Tira las puertas, deja de hablar, se queda en su cuarto",
            "what_helps": "Un lugar tranquilo, música, caminar con la abuela",
            "what_does_not_help": "Levantar la voz, quitarle el teléfono en ese momento",
            "who_does_what": "Mamá mantiene la calma y llama a la abuela; se llama a la terapeuta a la mañana siguiente",
        },
        "helped": "La rutina de cada semana y las tardes con la abuela",
        "barriers": "Cambios en el horario de trabajo",
        "disagree": "La meta de la escuela va muy rápido para nosotros. Queremos hablarlo en la reunión.",
        "new_goal": ("Encontrar un consejero que hable español", "Se hace la primera cita"),
        "meeting_notes": "Revisión %(number)d del plan. La familia calificó cada meta primero y"
        " luego el equipo. Las tardes están más tranquilas; las mañanas de escuela siguen difíciles.",
        "meeting_decisions": "Seguimos con las metas como están. La abuela agrega la tarde del viernes.",
    },
}


def _candidates(limit):
    """Families whose team has a facilitator with an account and a caregiver: story first."""
    memberships = Membership.objects.active().select_related("team__family", "user")
    facilitators = {
        m.team.family_id: m
        for m in memberships.filter(role=Membership.Role.FACILITATOR, user__isnull=False)
    }
    with_caregiver = set(
        memberships.filter(role=Membership.Role.CAREGIVER).values_list("team__family_id", flat=True)
    )
    chosen = [m for fid, m in facilitators.items() if fid in with_caregiver]
    chosen.sort(key=lambda m: (m.team.family.display_name != "The Rivera family", m.team.family_id))
    # The same first families every time, so calling this twice adds nothing.
    chosen = chosen[:limit]
    planned = set(
        PlanVersion.objects.filter(family_id__in=[m.team.family_id for m in chosen]).values_list(
            "family_id", flat=True
        )
    )
    return [m for m in chosen if m.team.family_id not in planned]


def _fill(facilitator, draft, text, team):
    user = facilitator.user
    actions.change_version(
        user,
        draft,
        seen_version=draft.version,
        changes={"vision": text["vision"], "mission": text["mission"]},
    )
    for about, description, named_by in text["strengths"]:
        actions.add_part(
            user,
            draft,
            "strength",
            {"about": about, "description": description, "named_by": named_by},
        )
    needs = []
    for rank, (description, domain, setting) in enumerate(text["needs"], 1):
        values = {"rank": rank, "description": description, "domain": domain, "setting": setting}
        if rank == 3:  # no Spanish-speaking counselor nearby: an unmet need with its barrier
            values.update(is_unmet=True, barrier="language")
        needs.append(actions.add_part(user, draft, "need", values))
    members = list(team.memberships.active().exclude(role=Membership.Role.YOUTH))
    for number, (description, measure) in enumerate(text["goals"]):
        goal = actions.add_part(
            user,
            draft,
            "goal",
            {
                "description": description,
                "how_we_will_know": measure,
                "needs": [needs[number]],
                "target_date": draft.start_date + timedelta(days=120),
            },
        )
        for offset in range(2):
            strategy, kind = text["strategies"][(number + offset) % len(text["strategies"])]
            actions.add_part(
                user,
                draft,
                "strategy",
                {
                    "goal": goal,
                    "description": strategy,
                    "kind": kind,
                    "responsible": members[(number + offset) % len(members)],
                    "status": "in-progress",
                },
            )
    contacts = [m for m in members if m.phone][:2]
    actions.save_crisis_plan(
        user,
        draft,
        changes=text["crisis"],
        contacts=contacts,
        lines=list(CrisisLine.objects.for_county(team.family.county_id)),
    )


def _everyone_agrees(facilitator, version, *, except_one_reason=None):
    version.refresh_from_db()
    for member in readiness.who_must_agree(version):
        kwargs = {"seen_version": version.version, "typed_name": member.name}
        if except_one_reason and member.role == Membership.Role.CAREGIVER:
            actions.agree_to_plan(
                member.user or facilitator.user,
                version,
                agrees=False,
                reason=except_one_reason,
                member=None if member.user else member,
                **kwargs,
            )
            return
        if member.user is not None:
            actions.agree_to_plan(member.user, version, agrees=True, **kwargs)
        else:
            actions.agree_to_plan(facilitator.user, version, agrees=True, member=member, **kwargs)
        version.refresh_from_db()
        if not version.is_proposed:
            return


def _past_meeting(team, facilitator, when, language, text, number):
    """A review meeting recorded as held, as the facilitator records one: who came (one
    professional excused now and then, the interpreter used for a Spanish-speaking family),
    the notes and what was decided. The goals' ratings are then tied to it."""
    members = list(team.memberships.active())
    attendance = {}
    for position, member in enumerate(members):
        excused = not member.is_family and member != facilitator and position % 3 == number % 3
        interpreter = language == "es" and member.is_family and member.language == "es"
        attendance[member.pk] = ("excused" if excused else "present", interpreter)
    meeting = team_actions.record_held_meeting(
        facilitator.user,
        team,
        {
            "reason": Meeting.Reason.REGULAR_REVIEW,
            "starts_at": when,
            "ends_at": when + timedelta(hours=1),
            "place": "Centro comunitario" if language == "es" else "Community center",
            "interpreter_language": "es" if language == "es" else "",
        },
        notes=text["meeting_notes"] % {"number": number + 1},
        decisions=text["meeting_decisions"],
        attendance=attendance,
    )
    Meeting.objects.filter(pk=meeting.pk).update(created_at=when + timedelta(hours=2))
    return meeting


def _rate(facilitator, version, meetings, rng, text, start):
    for step, meeting in enumerate(meetings):
        for goal in version.goals.filter(lifecycle_status=Goal.Lifecycle.ACTIVE):
            family = min(10, start + step + rng.randint(0, 2))
            actions.rate_progress(
                facilitator.user,
                meeting,
                goal,
                {
                    "family_rating": family,
                    "team_rating": max(0, family - rng.randint(0, 2)),
                    "what_helped": text["helped"],
                    "barriers": text["barriers"] if step % 2 else "",
                    "decision": "keep",
                },
            )


def _backdate(version, *, start, review=None, in_effect=None, superseded=None):
    PlanVersion.objects.filter(pk=version.pk).update(
        start_date=start.date(),
        review_date=review or start.date() + timedelta(days=90),
        created_at=start - timedelta(days=10),
        proposed_at=start - timedelta(days=5),
        in_effect_at=in_effect,
        superseded_at=superseded,
    )


@transaction.atomic
def add_demo_plans(limit=6, *, seed=12, today=None):
    """Give up to `limit` families a plan; returns how many got one."""
    rng = random.Random(seed)  # nosec B311
    now = timezone.now() if today is None else today
    done = 0
    for index, facilitator in enumerate(_candidates(limit)):
        team = facilitator.team
        family = team.family
        language = "es" if family.primary_language == "es" else "en"
        text = TEXT[language]
        first_start = now - timedelta(days=210 + 15 * index)
        v1 = actions.start_draft(facilitator.user, family)
        _fill(facilitator, v1, text, team)
        v1.refresh_from_db()
        actions.propose_plan(facilitator.user, v1, seen_version=v1.version)
        _everyone_agrees(facilitator, v1)
        meetings = [
            _past_meeting(
                team, facilitator, first_start + timedelta(days=30 * (n + 1)), language, text, n
            )
            for n in range(5)
        ]
        _rate(facilitator, v1, meetings[:3], rng, text, start=2)
        v2 = actions.start_draft(facilitator.user, family)
        title, measure = text["new_goal"]
        goal = actions.add_part(
            facilitator.user, v2, "goal", {"description": title, "how_we_will_know": measure}
        )
        actions.add_part(
            facilitator.user,
            v2,
            "strategy",
            {
                "goal": goal,
                "description": text["strategies"][0][0],
                "kind": "formal",
                "responsible": facilitator,
            },
        )
        v2.refresh_from_db()
        actions.propose_plan(facilitator.user, v2, seen_version=v2.version)
        _everyone_agrees(facilitator, v2)
        v2.refresh_from_db()
        second_start = first_start + timedelta(days=95)
        _backdate(v1, start=first_start, in_effect=first_start, superseded=second_start)
        # Reviews fall due at different times: one overdue, one soon, the rest later.
        review = (now + timedelta(days=10 * index - 5)).date()
        _backdate(
            v2,
            start=second_start,
            review=review,
            in_effect=second_start if v2.is_in_effect else None,
        )
        if v2.is_in_effect:
            _rate(facilitator, v2, meetings[3:], rng, text, start=5)
        if index == 1:  # one family has a newer version the mother does not agree with yet
            v3 = actions.start_draft(facilitator.user, family)
            v3.refresh_from_db()
            actions.propose_plan(facilitator.user, v3, seen_version=v3.version)
            _everyone_agrees(facilitator, v3, except_one_reason=text["disagree"])
        done += 1
    return done
