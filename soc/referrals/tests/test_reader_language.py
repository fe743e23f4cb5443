"""The kind of need and the language are kept as codes and read in each reader's language: the
Spanish-speaking caregiver reads Spanish on the team page and the referral page, the provider
reads its own language in the inbox, and the API hands over the code with a label in the
caller's language."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from soc.api.testing import ApiClient
from soc.directory import models as d
from soc.directory.needs import term_id
from soc.referrals import actions
from soc.referrals.models import Referral, SharedDetails

from .builders import SHARED, add_referral

pytestmark = pytest.mark.django_db

IN_SPANISH = ("Apoyo para madres y padres", "Español")
IN_ENGLISH = ("Parenting support", "Spanish")


def _closed(cast):
    referral = add_referral(cast)
    referral = actions.transition(referral, "accepted", cast.provider)
    return actions.transition(referral, "completed", cast.provider, note="Ocho clases")


def test_the_spanish_caregiver_reads_the_need_and_language_in_spanish(client, cast):
    referral = _closed(cast)
    client.force_login(cast.caregiver)
    panel = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "Apoyo para madres y padres" in panel and "Parenting support" not in panel
    assert "¿Recibió la ayuda que necesitaba? Cuéntenos." in panel
    page = client.get(reverse("referral", args=[cast.family.pk, referral.pk])).content.decode()
    for spanish, english in zip(IN_SPANISH, IN_ENGLISH, strict=True):
        assert spanish in page
        assert f">{english}<" not in page
    assert "¿Recibió la ayuda que necesitaba?" in page
    # The team's own words and the family's are kept as they were written.
    assert "Parenting support for Maria" in page and "A parenting class in Spanish" in page


def test_the_coordinator_reads_the_same_referral_in_english(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.facilitator)
    page = client.get(reverse("referral", args=[cast.family.pk, referral.pk])).content.decode()
    assert "Parenting support" in page and ">Spanish<" in page
    assert "Apoyo para madres y padres" not in page


def test_the_provider_inbox_reads_the_kind_of_need_in_the_provider_s_language(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.provider)
    inbox = client.get(reverse("referral_inbox")).content.decode()
    assert "Parenting support" in inbox and "A parenting class in Spanish" in inbox
    cast.provider.language = "es"
    cast.provider.save()
    inbox = client.get(reverse("referral_inbox")).content.decode()
    assert "Apoyo para madres y padres" in inbox and "Parenting support" not in inbox
    page = client.get(reverse("referral_received", args=[referral.pk])).content.decode()
    assert "Apoyo para madres y padres" in page and ">Español<" in page
    assert "Parenting support for Maria" not in page  # the team's words stay with the team


def test_the_share_form_starts_from_codes_and_lists_needs_in_the_reader_s_language(client, cast):
    add_referral(cast)
    client.force_login(cast.caregiver)
    url = reverse("referral_share", args=[cast.family.pk, cast.service.pk])
    page = client.get(url, {"need": str(term_id("parenting-support"))}).content.decode()
    assert '<option value="es" selected>Español</option>' in page
    parenting = f'<option value="{term_id("parenting-support")}" selected>'
    assert parenting + "Apoyo para madres y padres</option>" in page
    assert "After-school programs" not in page and "Programas después de clases" in page


def test_a_referral_needs_a_kind_of_need_or_words(cast):
    from django.core.exceptions import ValidationError

    add_referral(cast)
    shared = {**SHARED, "need": ""}
    with pytest.raises(ValidationError) as error:
        actions.create_referral(
            cast.facilitator, cast.family, service=cast.service, need="", shared=shared
        )
    assert {"need", "shared.need"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        actions.create_referral(
            cast.facilitator,
            cast.family,
            service=cast.service,
            need="",
            need_term=d.TaxonomyTerm.objects.get(pk=term_id("respite")),
            shared={**shared, "language": "Spanish"},
        )
    assert set(error.value.message_dict) == {"shared.language"}


def test_without_a_kind_of_need_the_family_s_words_are_the_team_s_record_too(cast):
    add_referral(cast)
    referral = actions.create_referral(
        cast.facilitator,
        cast.family,
        service=cast.service,
        need="",
        shared={**SHARED, "need": "Clases para padres"},
    )
    assert (referral.need, referral.need_label, referral.shared.need) == (
        "Clases para padres",
        "",
        "Clases para padres",
    )


def test_the_api_keeps_codes_and_gives_a_label_in_the_reader_s_language(cast):
    referral = add_referral(cast)
    team = ApiClient(cast.facilitator)
    path = f"/families/{cast.family.pk}/referrals/{referral.pk}"
    english = team.call("get", path).json()
    assert english["need_kind"] == {"code": "parenting-support", "label": "Parenting support"}
    assert (english["shared"]["language"], english["shared"]["language_label"]) == (
        "es",
        "Spanish",
    )
    spanish = ApiClient(cast.caregiver).call("get", path).json()  # she reads Spanish
    assert spanish["need_kind"]["label"] == "Apoyo para madres y padres"
    assert spanish["shared"]["language_label"] == "Español"
    received = ApiClient(cast.provider).call("get", f"/referrals/inbox/{referral.pk}").json()
    assert received["need_kind"]["code"] == "parenting-support" and "need" not in received
    body = {
        "service": str(cast.service.pk),
        "need_term": str(term_id("respite")),
        "shared": {**SHARED, "need": "", "language": "Spanish"},
    }
    made = team.call("post", f"/families/{cast.family.pk}/referrals", body)
    assert made.status_code == 422  # a language is a code
    body["shared"]["language"] = "es"
    made = team.call("post", f"/families/{cast.family.pk}/referrals", body)
    assert made.status_code == 201, made.content
    assert made.json()["need_kind"]["code"] == "respite" and made.json()["need"] == ""


def test_the_migration_turns_names_into_codes_and_keeps_own_words(cast):
    migration = importlib.import_module("soc.referrals.migrations.0003_need_and_language_as_codes")
    made = add_referral(cast)
    old = [
        # (team's need, kind, shared need, shared language) as the pages used to save them
        ("Parenting support", "parenting-support", "Parenting support", "Spanish"),
        ("Respite care", None, "Cuidado de relevo", "Español"),
        ("Weekend help after the hearing", None, "Ayuda el fin de semana", "Portuguese"),
        ("", "respite", "Respite care.", "english"),
    ]
    rows = []
    for need, kind, shared_need, language in old:
        referral = actions.create_referral(
            cast.facilitator,
            cast.family,
            service=cast.service,
            need="x",
            shared=dict(SHARED),
        )
        Referral.objects.filter(pk=referral.pk).update(
            need=need, need_term_id=term_id(kind) if kind else None
        )
        SharedDetails.objects.filter(referral=referral).update(need=shared_need, language=language)
        rows.append(referral.pk)
    migration.forwards(apps, None)
    after = [
        (r.need, r.need_term.code if r.need_term else None, r.shared.need, r.shared.language)
        for r in Referral.objects.filter(pk__in=rows).order_by("pk")
    ]
    assert after == [
        ("", "parenting-support", "", "es"),
        ("", "respite", "", "es"),
        ("Weekend help after the hearing", None, "Ayuda el fin de semana", "Portuguese"),
        ("", "respite", "", "en"),
    ]
    made.refresh_from_db()
    assert made.need == "Parenting support for Maria"  # more than the kind's name: kept
    migration.backwards(apps, None)
    first = Referral.objects.get(pk=rows[0])
    assert (first.need, first.shared.need, first.shared.language) == (
        "Parenting support",
        "Parenting support",
        "Spanish",
    )
