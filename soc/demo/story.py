"""The demo story: María Rivera's family in Wake County, and the accounts to sign in with.

María speaks Spanish and sees everything in Spanish. Her team's care coordinator convened it;
a school counselor and a therapist wait for her approval; a family partner from NC Families
United and a child-welfare social worker (required by the agency) are already on it.
"""

from datetime import timedelta

from soc.accounts.models import User
from soc.teams.models import Membership

from .bulk import AttendanceRow, FamilyRow, MembershipRow, NextStepRow, PersonRow, TeamRow, UserRow
from .families import Draft
from .generator import PASSWORD

Role = Membership.Role
Status = Membership.Status

MARIA = "maria.rivera@example.org"
COORDINATOR = "coordinator@example.org"
COUNSELOR = "counselor@example.org"
PARTNER = "partner@example.org"
OUTSIDER = "outsider@example.org"
ADMIN = "admin@example.org"
SOCIAL_WORKER = "lucia.fernandez@example.org"
THERAPIST = "marcus.bell@example.org"
PROVIDER = "provider@example.org"  # soc.referrals.demo.PROVIDER_EMAIL

# (e-mail, full name, language, organization, job title, phone)
ACCOUNTS = [
    (MARIA, "María Rivera", "es", None, "", "919-555-0123"),
    (COORDINATOR, "Dana Whitaker", "en", "Wake County Human Services", "Care Coordinator", "919-555-0140"),
    (COUNSELOR, "Keisha Morgan", "en", "Wake County Public School System", "School Counselor", "919-555-0151"),
    (PARTNER, "Ana Morales", "en", "NC Families United", "Family Partner (bilingual)", "919-555-0162"),
    (OUTSIDER, "Greg Lawson", "en", "Bull City Therapy Partners", "Family Therapist", "919-555-0173"),
    (ADMIN, "Site Administrator", "en", None, "", ""),
    (SOCIAL_WORKER, "Lucía Fernández", "es", "Wake County Human Services", "Child Welfare Social Worker", "919-555-0184"),
    (THERAPIST, "Marcus Bell", "en", "Triangle Family Counseling", "Family Therapist", "919-555-0195"),
    (PROVIDER, "Rosa Jiménez", "es", "Triangle Family Counseling", "Intake Coordinator", "919-555-0106"),
]  # fmt: skip

# (role, e-mail, what to try); everyone signs in with PASSWORD.
SIGN_INS = [
    ("Caregiver (María Rivera)", MARIA, "Everything in Spanish: approve the school counselor and therapist waiting on her team, invite her sister, see the next meeting"),
    ("Care coordinator, Wake County Human Services", COORDINATOR, "Facilitates the Rivera team and several others: convene a meeting, record notes, add next steps"),
    ("School counselor, Wake County Public School System", COUNSELOR, "Proposed on the Rivera team, so cannot see it until María approves; active on other teams"),
    ("Family partner, NC Families United", PARTNER, "On several teams, the Riveras' included"),
    ("Therapist, Bull City Therapy Partners (Durham)", OUTSIDER, "On no team: sees no family at all"),
    ("Provider intake, Triangle Family Counseling", PROVIDER, "After `soc demo_referrals`: /referrals/inbox/ shows referrals to its services, only what families shared; accept, start, complete"),
    ("Administrator", ADMIN, "Manages accounts in /accounts-admin/; no team, so no case data"),
]  # fmt: skip


def existing_sign_ins():
    """Story e-mails that already have accounts (the story cannot be added twice)."""
    emails = [row[0] for row in ACCOUNTS]
    return sorted(User.objects.filter(email__in=emails).values_list("email", flat=True))


def sign_in_rows():
    languages = {row[0]: row[2] for row in ACCOUNTS}
    return [(role, email, PASSWORD, languages[email], hint) for role, email, hint in SIGN_INS]


class DemoStory:
    def __init__(self, generator):
        self.g = generator

    def build(self):
        """Create the story's accounts and queue the Rivera family before the generated ones."""
        users = self.create_accounts()
        self.g.extra_drafts.insert(0, self.rivera(users))
        # The featured staff also work with other Wake families, as they would.
        self.g.feature(users[COORDINATOR], "Wake", "coordinator", teams=4)
        self.g.feature(users[COUNSELOR], "Wake", "school_counselor", teams=3)
        self.g.feature(users[PARTNER], "Wake", "partner", teams=4)

    def create_accounts(self):
        g = self.g
        users = {}
        for email, name, language, organization, title, phone in ACCOUNTS:
            users[email] = UserRow(
                email=email,
                full_name=name,
                language=language,
                organization=g.organization(organization) if organization else None,
                job_title=title,
                phone=phone,
                password=g.password,
                date_joined=g.midnight - timedelta(days=400),
                is_staff=email == ADMIN,
                is_superuser=email == ADMIN,
            )
        g.writer.insert(User, list(users.values()))
        g.counts["demo accounts"] = len(users)
        return users

    def rivera(self, users):
        g = self.g
        maria, coordinator = users[MARIA], users[COORDINATOR]
        opened_at = g.midnight - timedelta(days=75, hours=-10)
        family = FamilyRow(
            display_name="The Rivera family",
            county=g.county("Wake"),
            primary_language="es",
            interpreter_needed=True,
            culture_notes=(
                "Somos de Veracruz y llegamos a Raleigh hace ocho años. En casa hablamos "
                "español; Mateo y Sofía también hablan inglés, pero yo prefiero un intérprete "
                "en las reuniones. Los domingos comemos con mi mamá y vamos a misa; la "
                "hermana Lupe de la iglesia nos ha ayudado mucho."
            ),
            what_matters=(
                "Que Mateo y Sofía estén seguros y tranquilos en casa. Que Mateo termine el "
                "año escolar sin más suspensiones y que Sofía siga leyendo tan bien. Que nos "
                "expliquen todo en español."
            ),
            opened_by=coordinator,
            opened_at=opened_at,
        )
        team = TeamRow(family=family, started_by=coordinator, started_at=opened_at)
        draft = Draft(family=family, team=team)

        def person(role, first, last, **fields):
            p = PersonRow(
                family=family, role=role, first_name=first, last_name=last,
                created_at=opened_at, **fields,
            )  # fmt: skip
            draft.people.append(p)
            return p

        mother = person(
            "caregiver", "María", "Rivera", relation="mother", is_legal_guardian=True,
            preferred_language="es", pronouns="ella", phone=maria.phone, email=MARIA, user=maria,
        )  # fmt: skip
        grandmother = person(
            "caregiver", "Rosa", "Jiménez", relation="grandmother", preferred_language="es",
            phone="919-555-0131",
        )  # fmt: skip
        mateo = person(
            "youth", "Mateo", "Rivera", date_of_birth=g.today - timedelta(days=15 * 365 + 120),
            school="Cedar Ridge High School", grade="10", preferred_language="en",
            pronouns="he/him",
        )  # fmt: skip
        person(
            "child", "Sofía", "Rivera", date_of_birth=g.today - timedelta(days=9 * 365 + 200),
            school="Oak Grove Elementary School", grade="4", preferred_language="es",
        )  # fmt: skip

        def staff(email, role, status, days_ago):
            return g.staff_member(
                team, users[email], role, status=status, proposed_by=coordinator,
                proposed_at=g.midnight - timedelta(days=days_ago, hours=-10), decided_by=maria,
            )  # fmt: skip

        facilitator = staff(COORDINATOR, Role.FACILITATOR, Status.ACTIVE, 75)
        partner = staff(PARTNER, Role.FAMILY_PARTNER, Status.ACTIVE, 70)
        social_worker = staff(SOCIAL_WORKER, Role.AGENCY, Status.ACTIVE, 70)
        social_worker.required_by_agency = True
        social_worker.required_reason = (
            "Servicios de protección infantil tiene un caso abierto con la familia. La "
            "trabajadora social debe seguir en el equipo hasta que se cierre el caso."
        )
        family_members = [
            g.person_member(team, p, role, proposed_by=coordinator, proposed_at=opened_at)
            for p, role in ((mother, Role.CAREGIVER), (grandmother, Role.CAREGIVER), (mateo, Role.YOUTH))
        ]  # fmt: skip
        lupe = MembershipRow(
            team=team, role=Role.NATURAL_SUPPORT, support_kind="faith", status=Status.ACTIVE,
            name="Hermana Lupe Ortiz", phone="919-555-0109", language="es",
            proposed_by=maria, proposed_at=opened_at + timedelta(days=3),
            decided_by=maria, decided_at=opened_at + timedelta(days=3),
        )  # fmt: skip
        draft.members = [
            facilitator,
            *family_members,
            partner,
            social_worker,
            lupe,
            staff(COUNSELOR, Role.AGENCY, Status.PROPOSED, 2),
            staff(THERAPIST, Role.PROVIDER, Status.PROPOSED, 1),
        ]

        past = g.meeting(
            team, starts_at=g.at(g.today - timedelta(days=21), 16), called_by=coordinator,
            reason="regular_review", language="es",
            place="Wake County Human Services, sala de reuniones 2B",
        )  # fmt: skip
        past.notes = (
            "María y la abuela Rosa contaron que las mañanas van mejor con la nueva rutina. "
            "Mateo ha faltado menos a la escuela, pero le cuesta la clase de matemáticas. "
            "Sofía está contenta en la escuela. La familia quiere un terapeuta que hable "
            "español y una reunión con la escuela sobre el plan de Mateo."
        )
        past.decisions = (
            "Proponer a la consejera escolar y a un terapeuta para el equipo. "
            "Reunirnos otra vez en un mes, después de las 4 de la tarde."
        )
        past.author = coordinator
        present = [facilitator, *family_members, partner, lupe]
        draft.attendance = [
            AttendanceRow(
                meeting=past, membership=m, status="present",
                interpreter_used=m.is_family and m.language == "es",
            )
            for m in present
        ] + [AttendanceRow(meeting=past, membership=social_worker, status="excused")]  # fmt: skip
        upcoming = g.meeting(
            team, starts_at=g.at(g.today + timedelta(days=6), 16, 30), called_by=maria,
            reason="school_change", language="es",
            place="Wake County Human Services, sala de reuniones 2B",
            video_link="https://video.example.org/cft-rivera",
        )  # fmt: skip
        upcoming.agenda = (
            "Conocer a la consejera escolar. Plan de Mateo en la escuela. "
            "Terapia en español. Revisar los próximos pasos."
        )
        draft.meetings = [past, upcoming]

        def step(description, who, due_in, status="open"):
            return NextStepRow(
                team=team, family=family, meeting=past, description=description, responsible=who,
                due_date=g.today + timedelta(days=due_in), status=status,
                author=coordinator, created_at=past.ends_at,
                completed_at=g.midnight - timedelta(days=8) if status == "done" else None,
            )  # fmt: skip

        draft.steps = [
            step("Llamar a la escuela para pedir una reunión sobre el plan de Mateo", family_members[0], 5),
            step("Enviar a la familia la lista de terapeutas que hablan español", facilitator, 3),
            step("Acompañar a María a la reunión de la escuela", partner, 12),
            step("Solicitar ayuda con la factura de la luz (LIEAP)", social_worker, -7, "done"),
        ]  # fmt: skip
        return draft
