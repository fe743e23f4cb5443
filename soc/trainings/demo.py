"""The demo's trainings and events: across Wake, Johnston and Durham and online, from the
local collaboratives, the State Collaborative and NC Families United; most co-led by a parent or
a youth with lived experience; registrations (one in Spanish), a waitlist, and attendance
recorded for the ones already held. Idempotent: a training already there (same title, same
host) is left alone."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from soc.accounts.models import County, Organization, User
from soc.collaboratives.demo import PASSWORD
from soc.collaboratives.models import Collaborative

from . import actions
from .models import CoFacilitator, Registration, Training

EASTERN = ZoneInfo("America/New_York")
FAMILY_ORGANIZATION = "NC Families United"

# (host slug or the family organization, title, days from today, hour, county, languages,
# audience, capacity, public, co-facilitators [(name, mark)], registrants [(name, e-mail, lang)])
TRAININGS = [
    ("wake-community", "Getting ready for your first Child and Family Team meeting", 10, 18,
     "Wake", ["en", "es"], "families", 20, True,
     [("Rosa Jiménez", "family"), ("Dana Whitaker", "")],
     [("Lucía Pérez", "lucia.perez@example.org", "es"), ("Tom Baker", "tom.baker@example.org", "en")]),
    ("wake-community", "Cómo pedir apoyo en la escuela (IEP y 504)", 17, 18,
     "Wake", ["es"], "families", 2, True,
     [("María Rivera", "family")],
     [("Carmen Díaz", "carmen.diaz@example.org", "es"), ("José Ruiz", "jose.ruiz@example.org", "es"),
      ("Elena Soto", "elena.soto@example.org", "es")]),
    ("johnston-community", "Crisis plans that work at home and school", 24, 17,
     "Johnston", ["en"], "everyone", 30, True,
     [("Johnston parent", "family"), ("Jordan Lee", "youth")],
     [("Sam Hill", "sam.hill@example.org", "en")]),
    ("durham-community", "Working with families as equal partners", 31, 9,
     "Durham", ["en"], "professionals", 40, True,
     [("Durham DSS director", "")], []),
    ("state", "Family voice in local collaboratives", 45, 10,
     None, ["en", "es"], "everyone", 100, True,
     [("Rosa Jiménez", "family"), ("Dr. Helen Price", "")], []),
    ("wake-ccpt", "Members' session: reviewing our case review process", 12, 14,
     "Wake", ["en"], "professionals", 15, False, [], []),
    (FAMILY_ORGANIZATION, "Parent to parent: finding your way through services", -20, 18,
     "Wake", ["en", "es"], "families", 25, True,
     [("Ana Morales", "family")],
     [("Lucía Pérez", "lucia.perez@example.org", "es"), ("Grace Kim", "grace.kim@example.org", "en"),
      ("Luis Castro", "luis.castro@example.org", "es")]),
    (FAMILY_ORGANIZATION, "Youth speak up: telling your story safely", 38, 16,
     "Durham", ["en"], "youth", 15, True,
     [("Jordan Lee", "youth"), ("Ana Morales", "family")], []),
    ("johnston-community", "Understanding the juvenile justice process", -45, 18,
     "Johnston", ["en", "es"], "families", 20, True, [],
     [("Ray Moss", "ray.moss@example.org", "en"), ("Ana Gil", "ana.gil@example.org", "es")]),
]  # fmt: skip


def _organizer():
    admin = User.objects.filter(email="admin@example.org").first()
    if admin is None:
        admin = User.objects.create_user(
            "admin@example.org", PASSWORD, full_name="Site Administrator"
        )
    admin.user_permissions.add(Permission.objects.get(codename="administer_collaboratives"))
    return User.objects.get(pk=admin.pk)  # fresh permission cache


def _host(key):
    if key == FAMILY_ORGANIZATION:
        org = Organization.objects.filter(name=key).first()
        if org is None:
            org = Organization.objects.create(name=key, kind=Organization.Kind.FAMILY_ORGANIZATION)
        return org
    return Collaborative.objects.filter(slug=key).first()


def _when(days, hour):
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=EASTERN)


def _exists(host, title):
    key = "organization" if isinstance(host, Organization) else "collaborative"
    return Training.objects.filter(title=title, **{key: host}).exists()


@transaction.atomic
def add_demo_trainings():
    """Returns how many trainings it added (0 when they are all there already)."""
    County.load_north_carolina()
    organizer = _organizer()
    added = 0
    for row in TRAININGS:
        key, title, days, hour, county, languages, audience, capacity, public, leads, people = row
        host = _host(key)
        if host is None or _exists(host, title):  # no collaboratives demo yet, or done before
            continue
        starts = _when(days, hour)
        training = actions.create_training(
            organizer,
            host,
            title=title,
            description="A free session with time for questions. Snacks and child care provided.",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            county=County.objects.filter(name=county).first() if county else None,
            place="" if county is None else f"{county} County Public Library, meeting room",
            online_link="https://meet.example.org/soc-training" if county is None else "",
            languages=languages,
            audience=audience,
            capacity=capacity,
            is_public=public,
        )
        # Seeded as they would stand after the organizers' work (an administrator offers the
        # trainings but is not their organizer).
        CoFacilitator.objects.bulk_create(
            CoFacilitator(training=training, name=name, lived_experience=mark)
            for name, mark in leads
        )
        _register_and_attend(training, people, held=days < 0)
        added += 1
    return added


def _register_and_attend(training, people, *, held):
    if held:  # registration is closed for a past training: the demo writes what happened
        registrations = [
            Registration.objects.create(
                training=training,
                name=name,
                email=email,
                language=language,
                status=Registration.Status.REGISTERED,
                needs_interpreter=language == "es",
            )
            for name, email, language in people
        ]
        came = [r.pk for r in registrations[: max(1, len(registrations) - 1)]]
        training.registrations.update(attended=False)
        training.registrations.filter(pk__in=came).update(attended=True)
        Training.objects.filter(pk=training.pk).update(status=Training.Status.HELD)
        return
    for name, email, language in people:
        actions.register(
            None,
            training,
            name=name,
            email=email,
            language=language,
            needs_interpreter=language == "es" and "en" not in training.languages,
        )
