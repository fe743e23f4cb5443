"""The demo's collaboratives: the State Collaborative with work groups and a family co-chair,
local bodies of each kind in the demo counties, meetings with votes and minutes, a barrier
escalated from the Rivera team, and a recommendation with two agency responses."""

from datetime import date, timedelta

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from soc.accounts.models import County, Organization, User

from . import actions
from .models import Collaborative, Seat

K = Collaborative.Kind
PASSWORD = "Demo-Family-2026!"  # noqa: S105  # nosec B105 - demo accounts, only when `soc seed` made none


def _person(email, name, organization=None, language="en"):
    user = User.objects.filter(email=email).first()
    if user is None:
        org = Organization.objects.filter(name=organization).first() if organization else None
        user = User.objects.create_user(
            email, PASSWORD, full_name=name, organization=org, language=language
        )
    return user


def _org(name, kind=Organization.Kind.SOCIAL_SERVICES):
    return Organization.objects.filter(name=name).first() or Organization.objects.create(
        name=name, kind=kind
    )


def _seats(admin, body, rows, start):
    """rows: (seat type, holder user or name, organization, office, voting)."""
    for seat_type, holder, organization, office, voting in rows:
        seat = actions.add_seat(
            admin,
            body,
            seat_type=seat_type,
            is_voting=voting,
            is_reserved=seat_type in ("family", "youth"),
        )
        if holder is None:
            continue
        who = {"user": holder} if isinstance(holder, User) else {"name": holder}
        actions.fill_seat(
            admin, seat, starts_on=start, organization=organization, office=office, **who
        )


def _meeting_with_votes(chair, body, when, *, title, motion_text, confidential=None):
    meeting = actions.schedule_meeting(chair, body, starts_at=when, place="Raleigh and online")
    item = actions.suggest_item(chair, meeting, title=title)
    if confidential:
        actions.suggest_item(chair, meeting, title=confidential, is_confidential=True)
    seats = list(Seat.objects.filter(collaborative=body, terms__isnull=False).distinct())
    roll = dict.fromkeys(seats, "present")
    if len(seats) > 3:
        roll[seats[-1]] = "excused"
    actions.take_roll(chair, meeting, roll)
    voting = [s for s in seats if s.is_voting]
    motion = actions.make_motion(
        chair, meeting, text=motion_text, mover=voting[0], seconder=voting[1], item=item
    )
    choices = {s: ("excused" if roll[s] == "excused" else "yes") for s in voting}
    choices[voting[-1]] = choices[voting[-1]] if choices[voting[-1]] == "excused" else "abstain"
    actions.record_votes(chair, motion, choices)
    minutes = actions.draft_minutes(
        chair, meeting, text=f"{title}: discussed. {motion_text} Carried."
    )
    approve = actions.make_motion(chair, meeting, text="Approve these minutes.", mover=voting[1])
    actions.record_votes(chair, approve, dict.fromkeys(voting, "yes"))
    actions.approve_minutes(chair, minutes, motion=approve)
    # What the vote asked someone to do: one still open, one done.
    actions.add_action_item(
        chair, meeting, text=f"Report back on: {title}", owner=chair.full_name, owner_user=chair
    )
    shared = actions.add_action_item(
        chair, meeting, text="Share the approved minutes", owner=chair.full_name
    )
    actions.update_action_item(chair, shared, status="done")
    return meeting


@transaction.atomic
def add_demo_collaboratives():
    """Runs once: nothing happens when the State Collaborative exists."""
    if Collaborative.objects.state().exists():
        return False
    County.load_north_carolina()
    admin = _person("admin@example.org", "Site Administrator")
    admin.user_permissions.add(Permission.objects.get(codename="administer_collaboratives"))
    admin = User.objects.get(pk=admin.pk)
    family_partner = _person("partner@example.org", "Ana Morales", "NC Families United")
    coordinator = _person("coordinator@example.org", "Dana Whitaker", "Wake County Human Services")
    maria = _person("maria.rivera@example.org", "María Rivera", language="es")
    start = date.today() - timedelta(days=400)

    state = actions.create_collaborative(
        admin,
        name="North Carolina State Collaborative for Children, Youth and Families",
        slug="state",
        kind=K.STATE,
        purpose="Agencies, community partners, providers, families and advocates as an equal team. "
        "We recommend how to coordinate services, funding, training and local reporting requirements.",
        meets="Every other month, second Thursday, 10 am",
    )
    _seats(admin, state, [
        ("family", family_partner, "NC Families United", "co_chair", True),
        ("agency", "Dr. Helen Price", "NC DHHS", "co_chair", True),
        ("youth", "Jordan Lee", "Youth MOVE NC", "", True),
        ("family", "Rosa Jiménez", "", "", True),
        ("school", "Mark Ellis", "NC Department of Public Instruction", "", True),
        ("court", "Judge A. Carter", "Administrative Office of the Courts", "", True),
        ("provider", "Priya Shah", "Triangle Family Counseling", "secretary", True),
        ("advocate", None, "", "", True),
        ("other", "Sam Ortiz", "UNC School of Social Work", "", False),
    ], start)  # fmt: skip
    groups = {}
    for slug, name in [
        ("workforce", "Workforce and language access"),
        ("funding", "Funding"),
        ("reporting", "Local reporting requirements"),
    ]:
        groups[slug] = actions.create_collaborative(
            admin, name=name, slug=slug, kind=K.WORK_GROUP, parent=state
        )
    _seats(
        admin,
        groups["workforce"],
        [
            ("family", family_partner, "NC Families United", "chair", True),
            ("agency", "Tom Reyes", "NC DHHS", "", True),
        ],
        start,
    )
    _seats(
        admin, groups["funding"], [("agency", "Dr. Helen Price", "NC DHHS", "chair", True)], start
    )

    demo_counties = list(County.objects.filter(name__in=["Wake", "Johnston", "Durham"]))
    wake = next(c for c in demo_counties if c.name == "Wake")
    local = {}
    for county in demo_counties:
        for kind, label in [
            (K.COMMUNITY, "Community Collaborative"),
            (K.JCPC, "JCPC"),
            (K.CCPT, "Community Child Protection Team"),
            (K.CFT_ADVISORY, "Local CFT Advisory Committee"),
        ]:
            if county != wake and kind != K.COMMUNITY:
                continue
            body = actions.create_collaborative(
                admin,
                name=f"{county.name} County {label}",
                slug=f"{county.name.lower()}-{kind}",
                kind=kind,
                counties=[county],
                meets="Monthly, first Tuesday, 6 pm" if kind == K.COMMUNITY else "Monthly",
                quorum_needs_family=kind == K.COMMUNITY,
            )
            _seats(admin, body, [
                ("agency", coordinator if county == wake else f"{county.name} DSS director", f"{county.name} County Human Services", "chair", True),
                ("family", maria if county == wake and kind == K.COMMUNITY else f"{county.name} parent", "", "co_chair", True),
                ("school", f"{county.name} schools liaison", f"{county.name} County Schools", "", True),
                ("youth", None, "", "", True),
            ], start)  # fmt: skip
            local[county.name, kind] = body

    now = timezone.now()
    _meeting_with_votes(
        family_partner,
        state,
        now - timedelta(days=60),
        title="Interpreters at every CFT meeting",
        motion_text="Ask DHHS to fund interpreters for Child and Family Team meetings.",
    )
    _meeting_with_votes(
        coordinator,
        local["Wake", K.CCPT],
        now - timedelta(days=30),
        title="Review of the year's child deaths: trends only",
        motion_text="Send the trends report to the county board.",
        confidential="Case review (confidential)",
    )
    upcoming = actions.schedule_meeting(
        family_partner, state, starts_at=now + timedelta(days=20), place="Raleigh and online"
    )
    actions.suggest_item(family_partner, upcoming, title="Report back from the work groups")

    wake_cc = local["Wake", K.COMMUNITY]
    barrier = actions.record_barrier(
        coordinator,
        wake_cc,
        county=wake,
        description="No Spanish-speaking therapist for teens in Wake County.",
    )
    actions.escalate_barrier(
        coordinator, barrier, to=state, note="Seen in several teams' plans this year."
    )
    actions.decide_barrier(
        family_partner,
        barrier,
        decision="accepted",
        reason="A statewide workforce gap.",
        work_group=groups["workforce"],
    )
    johnston = local.get(("Johnston", K.COMMUNITY))
    if johnston:
        other = actions.record_barrier(
            _seat_holder(johnston),
            johnston,
            description="Long waits for intensive in-home services.",
        )
        actions.escalate_barrier(_seat_holder(johnston), other, to=state)

    dss = _org("Wake County Human Services")
    dpi = _org("NC Department of Public Instruction", Organization.Kind.SCHOOL)
    rec = actions.draft_recommendation(
        family_partner,
        state,
        title="Interpreters for every Child and Family Team meeting",
        topic="coordination",
        text="Every agency arranges a trained interpreter for CFT meetings when the family asks.",
        rationale="Families who speak Spanish wait longer and understand less of their own plan.",
        barriers=[barrier],
        agencies=[dss, dpi],
        review_on=date.today() + timedelta(days=180),
    )
    actions.move_recommendation(family_partner, rec, status="adopted")
    actions.respond(
        family_partner,
        rec,
        organization=dss,
        answer="accept",
        commitments="Interpreter line for all CFT meetings by spring.",
    )
    actions.respond(
        family_partner,
        rec,
        organization=dpi,
        answer="accept_in_part",
        reasons="Schools only for meetings held at school.",
        commitments="Guidance to districts.",
    )
    actions.move_recommendation(family_partner, rec, status="in_implementation")
    first = actions.add_milestone(family_partner, rec, title="Interpreter contract signed")
    actions.add_milestone(family_partner, rec, title="Training for facilitators")
    actions.complete_milestone(family_partner, first)
    actions.post_update(
        family_partner, rec, text="The contract is signed; training starts next month."
    )
    actions.draft_recommendation(
        family_partner,
        state,
        title="One annual report for CCPTs and JCPCs",
        topic="reporting",
        text="Ask once for the data both reports need.",
        agencies=[dss],
    )
    return True


def _seat_holder(body):
    term = body.seats.filter(terms__user__isnull=False).first()
    user = term.terms.first().user if term else None
    if user is not None:
        return user
    admin = User.objects.get(email="admin@example.org")
    return admin
