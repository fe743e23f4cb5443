"""Who sees a training: the lists' filter and the `see_training` rule are one definition, so
they agree for everyone, signed in or not."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from soc import factories as f
from soc.collaboratives.models import SeatTerm
from soc.trainings import rules
from soc.trainings.models import Training

from .builders import family_organization, hosted_body, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainings(db):
    body, chair, member = hosted_body()
    org, staff = family_organization()
    former = f.UserFactory(full_name="Fo Former")
    term = SeatTerm.objects.get(user=member)
    SeatTerm.objects.create(
        seat=term.seat,
        user=former,
        starts_on=term.starts_on - timedelta(days=400),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    made = {
        "public": training(body, title="Open to all"),
        "body": training(body, title="Body members", is_public=False),
        "organization": training(org, title="Staff only", is_public=False),
    }
    people = {
        "anonymous": AnonymousUser(),
        "nobody": None,
        "outsider": f.StaffFactory(),
        "chair": chair,
        "member": member,
        "former member": former,
        "organization staff": staff,
        "superuser": f.UserFactory(is_superuser=True),
    }
    return made, people


SEES = {
    "anonymous": {"public"},
    "nobody": {"public"},
    "outsider": {"public"},
    "chair": {"public", "body"},
    "member": {"public", "body"},
    "former member": {"public"},
    "organization staff": {"public", "organization"},
    "superuser": {"public"},
}


def test_the_filter_and_the_rule_agree_for_everyone(trainings):
    made, people = trainings
    for who, user in people.items():
        listed = set(Training.objects.visible_to(user).values_list("pk", flat=True))
        assert listed == {made[k].pk for k in SEES[who]}, who
        allowed = {k for k, t in made.items() if rules.can(user, "see_training", t)}
        assert allowed == SEES[who], who
