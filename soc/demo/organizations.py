"""The agencies, providers and family organizations of the demo, and the staff who work there.

Wake, Durham and Johnston get hand-written organizations; larger runs spread families over
more counties, which get a standard set (social services, schools, health, juvenile justice,
two providers) plus a regional LME/MCO. NC Families United serves every county of the run.
"""

import math
from dataclasses import dataclass, field
from datetime import timedelta

from soc.accounts.models import County, Organization, User

from .bulk import UserRow
from .people import STAFF_DOMAIN, email, phone, slug

K = Organization.Kind
DEMO_COUNTIES = ("Wake", "Durham", "Johnston")
DEMO_AREA_CODE = "919"
OTHER_AREA_CODES = ("252", "336", "704", "828", "910", "980")
SPANISH_SPEAKING_STAFF = 0.15


@dataclass(frozen=True)
class StaffRole:
    key: str
    team_role: str  # Membership.Role
    titles: tuple
    families_each: int  # one person in this role per this many families of the county
    minimum: int


STAFF_ROLES = {
    role.key: role
    for role in [
        StaffRole("coordinator", "facilitator", ("Care Coordinator", "CFT Facilitator"), 25, 3),
        StaffRole(
            "social_worker",
            "agency",
            ("Child Welfare Social Worker", "Foster Care Social Worker", "In-Home Social Worker"),
            30,
            2,
        ),
        StaffRole(
            "school_counselor", "agency", ("School Counselor", "School Social Worker"), 30, 2
        ),
        StaffRole(
            "therapist",
            "provider",
            ("Licensed Clinical Social Worker", "Family Therapist", "Licensed Counselor (LCMHC)"),
            30,
            2,
        ),
        StaffRole("mentor", "provider", ("Youth Mentor", "Family Navigator"), 60, 1),
        StaffRole("jcc", "agency", ("Juvenile Court Counselor",), 80, 1),
        StaffRole("nurse", "agency", ("Public Health Nurse", "Care Manager"), 80, 1),
        StaffRole(
            "partner", "family_partner", ("Family Partner", "Parent Peer Support Specialist"), 40, 1
        ),
    ]
}

# (name, kind, counties served, staff roles it employs)
DEMO_ORGANIZATIONS = [
    ("Wake County Human Services", K.SOCIAL_SERVICES, ("Wake",), ("coordinator", "social_worker")),
    ("Wake County Public School System", K.SCHOOL, ("Wake",), ("school_counselor",)),
    ("NC Division of Juvenile Justice – District 10", K.JUVENILE_JUSTICE, ("Wake",), ("jcc",)),
    ("Wake County Public Health", K.HEALTH_DEPARTMENT, ("Wake",), ("nurse",)),
    ("Triangle Family Counseling", K.PROVIDER, ("Wake", "Johnston"), ("therapist",)),
    ("Oak City Youth Mentoring", K.PROVIDER, ("Wake",), ("mentor",)),
    ("Iglesia Nueva Esperanza", K.FAITH, ("Wake",), ()),
    (
        "Durham County Department of Social Services",
        K.SOCIAL_SERVICES,
        ("Durham",),
        ("coordinator", "social_worker"),
    ),
    ("Durham Public Schools", K.SCHOOL, ("Durham",), ("school_counselor",)),
    ("NC Division of Juvenile Justice – District 14", K.JUVENILE_JUSTICE, ("Durham",), ("jcc",)),
    ("Durham County Department of Public Health", K.HEALTH_DEPARTMENT, ("Durham",), ("nurse",)),
    ("Bull City Therapy Partners", K.PROVIDER, ("Durham",), ("therapist",)),
    ("Durham Youth Mentoring Network", K.PROVIDER, ("Durham",), ("mentor",)),
    ("Greater Hope Community Church", K.FAITH, ("Durham",), ()),
    (
        "Johnston County Department of Social Services",
        K.SOCIAL_SERVICES,
        ("Johnston",),
        ("coordinator", "social_worker"),
    ),
    ("Johnston County Public Schools", K.SCHOOL, ("Johnston",), ("school_counselor",)),
    ("NC Division of Juvenile Justice – District 11", K.JUVENILE_JUSTICE, ("Johnston",), ("jcc",)),
    ("Johnston County Public Health Department", K.HEALTH_DEPARTMENT, ("Johnston",), ("nurse",)),
    ("Neuse River Behavioral Health", K.PROVIDER, ("Johnston",), ("therapist",)),
    ("Alliance Health", K.LME_MCO, DEMO_COUNTIES, ("coordinator",)),
    ("El Puente Family Resource Center", K.PROVIDER, DEMO_COUNTIES, ("mentor",)),
]
FAMILY_ORGANIZATION = "NC Families United"

OTHER_COUNTY_ORGANIZATIONS = [
    ("{county} County Department of Social Services", K.SOCIAL_SERVICES, ("coordinator", "social_worker")),
    ("{county} County Schools", K.SCHOOL, ("school_counselor",)),
    ("NC Division of Juvenile Justice – {county} County Court Services", K.JUVENILE_JUSTICE, ("jcc",)),
    ("{county} County Health Department", K.HEALTH_DEPARTMENT, ("nurse",)),
    ("{county} Family Counseling Center", K.PROVIDER, ("therapist",)),
    ("{county} Youth Mentoring Program", K.PROVIDER, ("mentor",)),
]  # fmt: skip
REGIONAL_LME_MCOS = ("Trillium Health Resources", "Vaya Health", "Partners Health Management")


def area_code(county_name, index):
    return DEMO_AREA_CODE if county_name in DEMO_COUNTIES else OTHER_AREA_CODES[index % 6]


def choose_counties(families):
    """Wake, Durham and Johnston first; one more county per thousand families, up to all 100."""
    wanted = min(100, max(3, math.ceil(families / 1000)))
    by_name = {c.name: c for c in County.objects.all()}
    others = [c for name, c in sorted(by_name.items()) if name not in DEMO_COUNTIES]
    return [by_name[name] for name in DEMO_COUNTIES] + others[: wanted - 3]


@dataclass
class Directory:
    """Organizations by name, and who employs each staff role in each county."""

    organizations: dict = field(default_factory=dict)
    employers: dict = field(default_factory=dict)  # (county id, role key) -> [Organization]
    area: dict = field(default_factory=dict)  # county id -> phone area code


def build_organizations(rng, counties, batch_size=1000):
    """Create the organizations serving `counties` (two bulk inserts per batch)."""
    directory = Directory()
    served = {}  # name -> (Organization, [County])
    counties_by_name = {c.name: c for c in counties}

    def add(name, kind, county_list, roles, area):
        org = Organization(
            name=name,
            kind=kind,
            phone=phone(rng, area),
            website=f"https://{slug(name)[:50]}.example.org",
        )
        served[name] = (org, county_list)
        for county in county_list:
            for role in roles:
                directory.employers.setdefault((county.id, role), []).append(org)

    for index, county in enumerate(counties):
        directory.area[county.id] = area_code(county.name, index)
    demo = [counties_by_name[n] for n in DEMO_COUNTIES]
    for name, kind, names, roles in DEMO_ORGANIZATIONS:
        add(name, kind, [counties_by_name[n] for n in names], roles, DEMO_AREA_CODE)
    add(FAMILY_ORGANIZATION, K.FAMILY_ORGANIZATION, counties, ("partner",), DEMO_AREA_CODE)
    regional = {name: [] for name in REGIONAL_LME_MCOS}
    for index, county in enumerate(counties[len(demo) :]):
        area = directory.area[county.id]
        for template, kind, roles in OTHER_COUNTY_ORGANIZATIONS:
            add(template.format(county=county.name), kind, [county], roles, area)
        regional[REGIONAL_LME_MCOS[index % 3]].append(county)
    for name, county_list in regional.items():
        if county_list:
            add(name, K.LME_MCO, county_list, ("coordinator",), OTHER_AREA_CODES[0])

    orgs = [org for org, _ in served.values()]
    Organization.objects.bulk_create(orgs, batch_size=batch_size)
    Through = Organization.counties.through
    Through.objects.bulk_create(
        [
            Through(organization_id=org.id, county_id=county.id)
            for org, county_list in served.values()
            for county in county_list
        ],
        batch_size=batch_size,
    )
    directory.organizations = {org.name: org for org in orgs}
    return directory


def build_staff(rng, names, directory, families_per_county, *, password, joined, writer):
    """Create staff for every county and role, scaled to its families; return the pools.

    Pools map (county id, role key) to the users a family of that county can draw from.
    """
    pools, staff = {}, []
    for county_id, families in families_per_county.items():
        for role in STAFF_ROLES.values():
            employers = directory.employers.get((county_id, role.key), [])
            if not employers:
                continue
            count = max(role.minimum, math.ceil(families / role.families_each))
            pool = pools.setdefault((county_id, role.key), [])
            for _ in range(count):
                speaks_spanish = rng.random() < SPANISH_SPEAKING_STAFF
                name_language = "es" if speaks_spanish or rng.random() < 0.1 else "en"
                first, last = names.full_name(rng, name_language)
                user = UserRow(
                    email=email(first, last, len(staff) + 1, STAFF_DOMAIN),
                    full_name=f"{first} {last}",
                    phone=phone(rng, directory.area[county_id]),
                    language="es" if speaks_spanish else "en",
                    organization=rng.choice(employers),
                    job_title=rng.choice(role.titles),
                    password=password,
                    date_joined=joined - timedelta(days=rng.randrange(30, 2000)),
                )
                staff.append(user)
                pool.append(user)
    writer.insert(User, staff)
    return pools, len(staff)
