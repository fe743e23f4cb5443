"""Drafting one synthetic family: its people, its team, meetings and next steps."""

from dataclasses import dataclass, field
from datetime import timedelta

from soc.families.models import Person
from soc.teams.models import Meeting, Membership

from . import texts
from .bulk import FamilyRow, MembershipRow, NextStepRow, PersonRow, TeamRow
from .people import FAMILY_DOMAIN, PRONOUNS, email, phone

Status = Membership.Status
Role = Membership.Role

LANGUAGES = ("en", "es", "vi", "ar", "zh", "hmn", "fr", "ase")
LANGUAGE_WEIGHTS = (56, 34, 2, 2, 1.5, 1.5, 1.5, 1.5)
CAREGIVERS = {  # relation -> (sex, usually the legal guardian?)
    "mother": ("female", True),
    "father": ("male", True),
    "grandmother": ("female", False),
    "aunt": ("female", False),
    "foster parent": (None, False),
}
CAREGIVER_WEIGHTS = (55, 14, 15, 7, 9)
ACCOUNT_SHARE = 0.35  # caregivers who sign in; the others are reached by phone or e-mail
PROFESSIONALS = {  # role key -> weight when choosing who else is on the team
    "partner": 6,
    "therapist": 5,
    "school_counselor": 5,
    "social_worker": 4,
    "mentor": 2,
    "jcc": 2,
    "nurse": 1,
}
TEAM_ROLES = {
    "partner": Role.FAMILY_PARTNER,
    "therapist": Role.PROVIDER,
    "mentor": Role.PROVIDER,
    "school_counselor": Role.AGENCY,
    "social_worker": Role.AGENCY,
    "jcc": Role.AGENCY,
    "nurse": Role.AGENCY,
}
SUPPORT_KINDS = tuple(Membership.SupportKind.values)
REASONS = tuple(Meeting.Reason.values)
REASON_WEIGHTS = (12, 2, 2, 2, 2, 1)
SCHOOL_NAMES = (
    "Oak Grove", "Riverbend", "Cedar Ridge", "Maple Creek", "Pine Hollow", "Lakeview",
    "Willow Springs", "Briar Creek", "Hillside", "Meadowbrook", "Stone Bridge", "Fox Run",
)  # fmt: skip


@dataclass
class Draft:
    """One family and everything around it, not yet written."""

    family: FamilyRow
    team: TeamRow
    people: list = field(default_factory=list)
    accounts: list = field(default_factory=list)  # users to create before the family
    members: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    attendance: list = field(default_factory=list)
    steps: list = field(default_factory=list)


class FamilyMaker:
    def __init__(self, generator):
        self.g = generator
        self.rng = generator.rng

    def draft(self, index, county):
        g, rng = self.g, self.rng
        language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
        words = texts.text_language(language)
        last_name = g.names.last_name(rng, language)
        facilitator, _ = g.pick_staff(county, "coordinator", language)
        opened_at = g.midnight - timedelta(
            days=rng.randint(45, 720), minutes=-rng.randrange(480, 1020)
        )
        family = FamilyRow(
            display_name=self.display_name(last_name, language),
            county=county,
            primary_language=language,
            interpreter_needed=language != "en" and rng.random() < 0.65,
            opened_by=facilitator,
            opened_at=opened_at,
        )
        team = TeamRow(
            family=family,
            started_by=facilitator,
            started_at=opened_at + timedelta(days=rng.randint(0, 10)),
        )
        draft = Draft(family=family, team=team)
        children = self.children(draft, last_name, language)
        caregivers = self.caregivers(draft, index, last_name, language)
        family.culture_notes = self.culture_notes(language)
        family.what_matters = rng.choice(texts.WHAT_MATTERS[words]).format(
            child=children[0].first_name
        )
        self.team_members(draft, index, county, facilitator, caregivers, children, last_name)
        self.meetings(draft, facilitator, words)
        self.next_steps(draft, facilitator, words)
        return draft

    def display_name(self, last_name, language):
        if language == "es" and self.rng.random() < 0.4:
            return f"La familia {last_name}"
        return f"The {last_name} family"

    def culture_notes(self, language):
        if language in ("en", "es"):
            return self.rng.choice(texts.CULTURE_NOTES[language])
        note = self.rng.choice(texts.CULTURE_NOTES["other"])
        return note.format(language=texts.LANGUAGE_NAMES[language])

    def children(self, draft, last_name, language):
        g, rng = self.g, self.rng
        children = []
        for _ in range(rng.choices((1, 2, 3), (45, 35, 20))[0]):
            sex = rng.choice(("female", "male"))
            born = g.today - timedelta(days=rng.randint(2, 17) * 365 + rng.randrange(365))
            child = PersonRow(
                family=draft.family,
                first_name=g.names.first_name(rng, language, sex),
                last_name=last_name if rng.random() < 0.85 else g.names.last_name(rng, language),
                date_of_birth=born,
                preferred_language=language if rng.random() < 0.6 else "en",
                created_at=draft.family.opened_at,
            )
            age = child.age(g.today)
            child.role = Person.Role.YOUTH if age >= 14 else Person.Role.CHILD
            child.school, child.grade = self.school(age)
            if child.role == Person.Role.YOUTH and rng.random() < 0.3:
                child.pronouns = PRONOUNS[texts.text_language(language)][
                    rng.choice((sex, sex, "other"))
                ]
            children.append(child)
        draft.people.extend(children)
        return children

    def school(self, age):
        if age < 4:
            return "", ""
        if age == 4:
            return "Head Start", "Pre-K"
        grade = min(age - 5, 12)
        level = "Elementary" if grade <= 5 else "Middle" if grade <= 8 else "High"
        return f"{self.rng.choice(SCHOOL_NAMES)} {level} School", "K" if grade == 0 else str(grade)

    def caregivers(self, draft, index, last_name, language):
        g, rng = self.g, self.rng
        relations = list(CAREGIVERS)
        weights = list(CAREGIVER_WEIGHTS)
        caregivers = []
        area = g.directory.area[draft.family.county.id]
        for number in range(rng.choices((1, 2), (55, 45))[0]):
            relation = rng.choices(relations, weights)[0]
            weights[relations.index(relation)] = 0  # a second caregiver has another relation
            sex, guardian = CAREGIVERS[relation]
            sex = sex or rng.choice(("female", "male"))
            first = g.names.first_name(rng, language, sex)
            last = g.names.last_name(rng, language) if relation == "foster parent" else last_name
            person = PersonRow(
                family=draft.family,
                role=Person.Role.CAREGIVER,
                first_name=first,
                last_name=last,
                relation=relation,
                is_legal_guardian=guardian or (relation == "grandmother" and rng.random() < 0.5),
                preferred_language="en" if relation == "foster parent" else language,
                phone=phone(rng, area) if rng.random() < 0.95 else "",
                email=email(first, last, f"f{index}c{number}", FAMILY_DOMAIN)
                if rng.random() < 0.7
                else "",
                created_at=draft.family.opened_at,
            )
            if rng.random() < 0.25:
                person.pronouns = PRONOUNS[texts.text_language(person.preferred_language)][sex]
            if person.email and rng.random() < ACCOUNT_SHARE:
                person.user = g.account(first, last, person.email, person.phone, language)
                draft.accounts.append(person.user)
            caregivers.append(person)
        draft.people.extend(caregivers)
        return caregivers

    def team_members(self, draft, index, county, facilitator, caregivers, children, last_name):
        g, rng, team = self.g, self.rng, draft.team
        started = team.started_at
        family_user = next((p.user for p in caregivers if p.user), None)
        language = draft.family.primary_language
        members = [
            g.staff_member(
                team, facilitator, Role.FACILITATOR, status=Status.ACTIVE,
                proposed_by=facilitator, proposed_at=started,
            )
        ]  # fmt: skip
        for person in caregivers:
            members.append(
                g.person_member(
                    team, person, Role.CAREGIVER, proposed_by=facilitator, proposed_at=started
                )
            )
        for person in children:
            if person.role == Person.Role.YOUTH:
                members.append(
                    g.person_member(
                        team, person, Role.YOUTH, proposed_by=facilitator, proposed_at=started
                    )
                )

        others = rng.randint(2, 5)
        supports = min(others, rng.choice((0, 1, 1, 2)))
        school_age = any(p.grade for p in children)
        candidates = {
            key: weight
            for key, weight in PROFESSIONALS.items()
            if (key != "school_counselor" or school_age)
            and (key != "jcc" or any(p.role == Person.Role.YOUTH for p in children))
        }
        chosen = [key for key in candidates if g.wants_featured(county, key)]
        while len(chosen) < others - supports and len(chosen) < len(candidates):
            left = [key for key in candidates if key not in chosen]
            chosen.append(rng.choices(left, [candidates[k] for k in left])[0])
        seen = {facilitator.email} | {m.email for m in members if m.email}
        for key in chosen:
            user, featured = g.pick_staff(county, key, language)
            if user is None or user.email in seen:
                continue
            seen.add(user.email)
            members.append(self.professional(team, user, key, featured, facilitator, family_user))
        for number in range(supports):
            members.append(self.natural_support(draft, index, number, last_name, facilitator))
        draft.members = members

    def professional(self, team, user, key, featured, facilitator, family_user):
        rng = self.rng
        words = texts.text_language(team.family.primary_language)
        roll = rng.random()
        if featured or roll < 0.72:
            status = Status.ACTIVE
        elif roll < 0.86:
            status = Status.PROPOSED
        elif roll < 0.93:
            status = Status.DECLINED
        else:
            status = Status.REMOVED
        if status == Status.PROPOSED:
            proposed_at = self.g.midnight - timedelta(days=rng.randint(1, 14), hours=-10)
        else:
            proposed_at = team.started_at + timedelta(days=rng.randint(1, 20))
        member = self.g.staff_member(
            team, user, TEAM_ROLES[key], status=status, proposed_by=facilitator,
            proposed_at=proposed_at, decided_by=family_user or facilitator,
        )  # fmt: skip
        if status in (Status.DECLINED, Status.REMOVED):
            member.ended_reason = texts.ENDED_REASON[status][words]
        if key == "social_worker" and status == Status.ACTIVE and rng.random() < 0.5:
            member.required_by_agency = True
            member.required_reason = texts.REQUIRED_REASON[words]
        return member

    def natural_support(self, draft, index, number, last_name, facilitator):
        g, rng = self.g, self.rng
        language = draft.family.primary_language
        kind = rng.choice(SUPPORT_KINDS)
        first = g.names.first_name(rng, language, rng.choice(("female", "male")))
        last = last_name if kind == "relative" else g.names.last_name(rng, language)
        roll = rng.random()
        status = Status.ACTIVE if roll < 0.8 else Status.PROPOSED if roll < 0.9 else Status.REMOVED
        member = MembershipRow(
            team=draft.team,
            role=Role.NATURAL_SUPPORT,
            support_kind=kind,
            status=status,
            name=f"{first} {last}",
            phone=phone(rng, g.directory.area[draft.family.county.id])
            if rng.random() < 0.85
            else "",
            email=email(first, last, f"f{index}n{number}", FAMILY_DOMAIN)
            if rng.random() < 0.4
            else "",
            language=language,
            proposed_by=facilitator,
            proposed_at=draft.team.started_at + timedelta(days=rng.randint(1, 30)),
        )
        if status != Status.PROPOSED:
            member.decided_at = member.proposed_at
        if status == Status.REMOVED:
            member.ended_reason = texts.ENDED_REASON["removed"][texts.text_language(language)]
        return member

    def meetings(self, draft, facilitator, words):
        g, rng = self.g, self.rng
        active = [m for m in draft.members if m.status == Status.ACTIVE]
        callers = [m.user for m in active if m.user is not None and m.user is not facilitator]
        days_open = (g.today - draft.team.started_at.date()).days
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.6:
                day = g.today - timedelta(days=rng.randint(1, min(180, days_open - 1)))
            else:
                day = g.today + timedelta(days=rng.randint(1, 30))
            slot = rng.randrange(19)  # 8:00 to 17:00 every half hour: over by 18:00
            starts_at = g.at(day, 8 + slot // 2, 30 * (slot % 2))
            called_by = facilitator if not callers or rng.random() < 0.6 else rng.choice(callers)
            place, video = self.where(words, facilitator)
            meeting = g.meeting(
                draft.team, starts_at=starts_at, called_by=called_by,
                reason=rng.choices(REASONS, REASON_WEIGHTS)[0], language=words,
                place=place, video_link=video,
            )  # fmt: skip
            if rng.random() < 0.08:
                meeting.status = Meeting.Status.CANCELLED
                meeting.sequence = 1
            elif day < g.today:
                child = next(p.first_name for p in draft.people if p.is_child)
                meeting.notes = rng.choice(texts.NOTES[words]).format(child=child)
                meeting.decisions = rng.choice(texts.DECISIONS[words])
                meeting.author = facilitator
                draft.attendance.extend(g.attend(meeting, active, draft.family.interpreter_needed))
            draft.meetings.append(meeting)
        draft.meetings.sort(key=lambda m: m.starts_at)

    def where(self, words, facilitator):
        rng = self.rng
        roll = rng.random()
        video = f"https://video.example.org/cft-{rng.getrandbits(48):012x}" if roll < 0.5 else ""
        if roll < 0.3:
            return "", video
        place = rng.choice(texts.PLACES[words]).format(org=facilitator.organization.name)
        return place, video

    def next_steps(self, draft, facilitator, words):
        g, rng = self.g, self.rng
        active = [m for m in draft.members if m.status == Status.ACTIVE]
        held = [m for m in draft.meetings if m.notes]  # past, not cancelled
        meeting = held[-1] if held else None
        for _ in range(rng.randint(1, 4)):
            responsible = rng.choice(active)
            options = [s for s in texts.NEXT_STEPS if s[0] in (responsible.role, "any")]
            _, english, spanish = rng.choice(options)
            if meeting is not None:
                created_at = meeting.ends_at
            else:
                created_at = g.midnight - timedelta(days=rng.randint(1, 40), hours=-11)
            # Due around today, and never before the step was agreed.
            due = max(
                g.today + timedelta(days=rng.randint(-30, 30)),
                created_at.date() + timedelta(days=rng.randint(7, 21)),
            )
            roll = rng.random()
            if due < g.today:
                status = "done" if roll < 0.55 else "open" if roll < 0.8 else "dropped"
            else:
                status = "done" if roll < 0.15 else "open"
            step = NextStepRow(
                team=draft.team,
                family=draft.family,
                meeting=meeting,
                description=spanish if words == "es" else english,
                responsible=responsible,
                due_date=due,
                status=status,
                author=facilitator,
                created_at=created_at,
            )
            if status == "done":
                span = int((g.midnight - created_at).total_seconds())
                step.completed_at = created_at + timedelta(seconds=rng.randrange(max(span, 1)))
            draft.steps.append(step)
