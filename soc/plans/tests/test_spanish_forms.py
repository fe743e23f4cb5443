"""Spanish words agree with the noun they describe: a goal (la meta) is "activa"."""

import pytest
from django.urls import reverse
from django.utils import translation

from soc.plans import actions
from soc.plans.models import Goal, Strategy

from .builders import add_plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "spanish"),
    [("proposed", "Propuesta"), ("active", "Activa"), ("completed", "Completada")],
)
def test_goal_statuses_are_feminine(status, spanish):
    with translation.override("es"):
        assert str(Goal.Lifecycle(status).label) == spanish


def test_goal_progress_and_strategy_statuses_agree_with_their_nouns():
    with translation.override("es"):
        assert str(Goal.Achievement.ACHIEVED.label) == "Lograda"
        assert str(Goal.Achievement.NO_CHANGE.label) == "Sin cambios"
        assert str(Strategy.Status.COMPLETED.label) == "Hecha"
        assert str(Strategy.Status.CANCELLED.label) == "Detenida"


def test_other_apps_keep_their_own_spanish_for_the_same_english_word():
    # "Active" without a context stays as other apps use it (a consent: el consentimiento).
    with translation.override("es"):
        assert translation.gettext("Active") == "Activo"
        assert str(Goal.Lifecycle.ACTIVE.label) == "Activa"


def test_the_plan_page_in_spanish_says_activa_and_hecha(client, cast):
    add_plan(cast)
    strategy = cast.strategy_v2
    actions.change_part(
        cast.facilitator, strategy, revision=strategy.revision, changes={"status": "completed"}
    )
    client.force_login(cast.caregiver)  # Maria reads Spanish
    page = client.get(reverse("plan_version", args=[cast.family.pk, cast.plan_v2.pk]))
    text = page.content.decode()
    assert "Activa" in text and "Hecha" in text
    assert ">Activo<" not in text and ">Hecho<" not in text
