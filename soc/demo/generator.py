"""Synthetic families with their people, teams, meetings and next steps, written in bulk.

The same seed and family count on the same day give the same data: every random choice comes
from one `random.Random(seed)`, names from Faker seeded with it, meeting UIDs from its bits and
every date from today's local midnight. Families are drafted in memory a batch at a time and
written with one insert per table (COPY on PostgreSQL), and each batch is committed, so the
number of queries grows with the number of batches, never with the number of families.
"""

import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from soc.accounts.models import County, User
from soc.families.models import Family, Person
from soc.teams.models import Attendance, Meeting, Membership, NextStep, Team

from . import texts
from .bulk import AttendanceRow, MeetingRow, MembershipRow, UserRow, Writer
from .families import FamilyMaker
from .organizations import build_organizations, build_staff, choose_counties
from .people import NameBook

# Synthetic demo accounts share one password, printed on purpose.
PASSWORD = "Demo-Family-2026!"  # noqa: S105  # nosec B105
BATCH_SIZE = 2000  # families drafted in memory, then written and committed together
COUNTY_WEIGHTS = (5, 3, 2)  # Wake, Durham, Johnston; every other county weighs 1

Status = Membership.Status


@dataclass
class Featured:
    user: User
    teams: int  # how many more teams must get this user, as an active member


class Generator:
    def __init__(self, *, families, seed, today=None, batch_size=BATCH_SIZE):
        self.families = families
        self.seed = seed
        self.batch_size = batch_size
        # Reproducible fake data, not security: a seeded PRNG is the point.
        self.rng = random.Random(seed)  # nosec B311
        self.names = NameBook(seed)
        self.today = today or timezone.localdate()
        self.midnight = timezone.make_aware(datetime.combine(self.today, time()))
        self.password = make_password(PASSWORD)  # hashed once: argon2 is slow on purpose
        self.counts = Counter()
        self.extra_drafts = []  # hand-written families (the demo story), written first
        self.featured = {}  # (county id, role key) -> Featured
        self._spanish_pools = {}

    # Setting the scene: counties, organizations, staff.

    def prepare(self):
        County.load_north_carolina()
        self.counties = choose_counties(self.families)
        weights = list(COUNTY_WEIGHTS) + [1] * (len(self.counties) - len(COUNTY_WEIGHTS))
        self.family_counties = self.rng.choices(self.counties, weights, k=self.families)
        per_county = Counter(c.id for c in self.family_counties)
        self.directory = build_organizations(self.rng, self.counties)
        self.writer = Writer()
        self.pools, self.counts["staff"] = build_staff(
            self.rng,
            self.names,
            self.directory,
            {c.id: per_county[c.id] for c in self.counties},
            password=self.password,
            joined=self.midnight,
            writer=self.writer,
        )
        self.counts["organizations"] = len(self.directory.organizations)

    def county(self, name):
        return next(c for c in self.counties if c.name == name)

    def organization(self, name):
        return self.directory.organizations[name]

    def feature(self, user, county_name, role_key, teams):
        """Put `user` on the next `teams` generated teams of the county needing that role."""
        key = (self.county(county_name).id, role_key)
        self.pools.setdefault(key, []).append(user)
        self.featured[key] = Featured(user, teams)

    def pick_staff(self, county, role_key, language="en"):
        """A staff member for the role in the county: (user, featured?)."""
        key = (county.id, role_key)
        featured = self.featured.get(key)
        if featured and featured.teams > 0:
            featured.teams -= 1
            return featured.user, True
        pool = self.pools.get(key)
        if not pool:
            return None, False
        if language == "es" and self.rng.random() < 0.5:
            if key not in self._spanish_pools:
                self._spanish_pools[key] = [u for u in pool if u.language == "es"]
            pool = self._spanish_pools[key] or pool
        return self.rng.choice(pool), False

    def wants_featured(self, county, role_key):
        featured = self.featured.get((county.id, role_key))
        return featured is not None and featured.teams > 0

    # Small builders shared with the demo story.

    def new_uid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def at(self, day, hour, minute=0):
        """An aware datetime at local wall-clock time on `day`."""
        return timezone.make_aware(datetime.combine(day, time(hour, minute)))

    def account(self, first, last, email, phone, language):
        return UserRow(
            email=email,
            full_name=f"{first} {last}",
            phone=phone,
            language="es" if language == "es" else "en",
            password=self.password,
            date_joined=self.midnight - timedelta(days=self.rng.randrange(1, 400)),
        )

    def staff_member(self, team, user, role, *, status, proposed_by, proposed_at, decided_by=None):
        return MembershipRow(
            team=team,
            role=role,
            status=status,
            user=user,
            name=user.full_name,
            email=user.email,
            phone=user.phone,
            organization=user.organization,
            language=user.language,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            decided_by=decided_by if status != Status.PROPOSED else None,
            decided_at=None if status == Status.PROPOSED else proposed_at + timedelta(days=1),
        )

    def person_member(self, team, person, role, *, proposed_by, proposed_at):
        return MembershipRow(
            team=team,
            role=role,
            status=Status.ACTIVE,
            user=person.user,
            person=person,
            name=person.full_name,
            email=person.email,
            phone=person.phone,
            language=person.preferred_language,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            decided_by=person.user or proposed_by,
            decided_at=proposed_at,
        )

    def meeting(self, team, *, starts_at, called_by, reason, language, place="", video_link=""):
        return MeetingRow(
            team=team,
            family=team.family,
            uid=self.new_uid(),
            reason=reason,
            reason_other=texts.REASON_OTHER[language] if reason == Meeting.Reason.OTHER else "",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            place=place,
            video_link=video_link,
            agenda=texts.AGENDA[language][reason],
            called_by=called_by,
            created_at=min(starts_at, self.midnight) - timedelta(days=self.rng.randint(3, 14)),
        )

    def attend(self, meeting, members, interpreter_needed):
        rows = []
        for member in members:
            status = self.rng.choices(("present", "absent", "excused"), (78, 10, 12))[0]
            rows.append(
                AttendanceRow(
                    meeting=meeting,
                    membership=member,
                    status=status,
                    interpreter_used=interpreter_needed
                    and member.is_family
                    and status == "present",
                )
            )
        return rows

    # Writing.

    def run(self, progress=None):
        """Draft and write the families a batch at a time, one transaction per batch.

        `progress(families written, families in all)` is called after every batch.
        """
        maker = FamilyMaker(self)
        done = 0
        while done < self.families or self.extra_drafts:
            size = min(self.batch_size, self.families - done)
            drafts = self.extra_drafts + [
                maker.draft(index, self.family_counties[index])
                for index in range(done, done + size)
            ]
            self.extra_drafts = []
            with transaction.atomic():
                self.write(drafts)
            done += size
            if progress is not None:
                progress(done, self.families)
        return self.counts

    def write(self, drafts):
        """One insert per table, parents before children."""
        tables = [
            (User, "accounts", "family accounts"),
            (Family, "family", "families"),
            (Person, "people", "people"),
            (Team, "team", "teams"),
            (Membership, "members", "team members"),
            (Meeting, "meetings", "meetings"),
            (Attendance, "attendance", "attendance"),
            (NextStep, "steps", "next steps"),
        ]
        for model, attribute, label in tables:
            rows = []
            for draft in drafts:
                value = getattr(draft, attribute)
                if isinstance(value, list):
                    rows.extend(value)
                else:
                    rows.append(value)
            self.counts[label] += self.writer.insert(model, rows)
        if not connection.force_debug_cursor:
            # With DEBUG on, Django keeps the SQL of the last 9000 queries: for bulk inserts
            # that is gigabytes. Nobody reads them here (tests capture with force_debug_cursor).
            connection.queries_log.clear()
