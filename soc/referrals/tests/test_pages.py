import pytest
from django.urls import reverse

from soc.directory.needs import term_id
from soc.referrals.models import Referral, UnmetNeed

from .builders import add_referral, add_service

pytestmark = pytest.mark.django_db


def test_the_refer_page_lists_services_with_their_room_by_need_and_county(client, cast):
    add_referral(cast)
    client.force_login(cast.facilitator)
    response = client.get(reverse("referral_new", args=[cast.family.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Crianza con Cariño" in page and "Has room" in page and "3 families open" in page


def test_words_on_the_refer_page_use_the_directory_search(client, cast):
    add_service()
    pantry = add_service("Despensa del Valle")
    pantry.description = "Free groceries every Saturday"
    pantry.save()
    client.force_login(cast.facilitator)
    url = reverse("referral_new", args=[cast.family.pk])
    page = client.get(url, {"words": "groceries"}).content.decode()
    assert "Despensa del Valle" in page and "Crianza con Cari" not in page
    page = client.get(url, {"words": "crianza en Spanish"}).content.decode()
    assert "Crianza con Cari" in page and "Despensa del Valle" not in page
    assert "Has room" in page and "3 families open" in page


def test_a_coordinator_refers_with_what_the_family_shares(client, cast):
    add_referral(cast)
    service = add_service("Grupo de Padres")
    client.force_login(cast.facilitator)
    url = reverse("referral_share", args=[cast.family.pk, service.pk])
    page = client.get(url).content.decode()
    assert "Grupo de Padres" in page and "Maria" in page  # prefilled, for the family to check
    response = client.post(
        url,
        {
            "person_name": "Maria Rivera",
            "need_term": str(term_id("parenting-support")),
            "need": "",
            "referral_need": "",
            "contact_by": "text",
            "phone": "919-555-0123",
            "language": "es",
            "category": "general",
            "family_agreed": "on",
            "send": "on",
        },
    )
    referral = Referral.objects.get(service=service)
    assert response.status_code == 302 and response.url == referral.get_absolute_url()
    assert referral.status == "requested" and referral.need_term.code == "parenting-support"
    assert (referral.need, referral.shared.need, referral.shared.language) == ("", "", "es")


def test_sharing_nothing_the_family_agreed_to_is_refused_on_the_page(client, cast):
    add_referral(cast)
    client.force_login(cast.facilitator)
    url = reverse("referral_share", args=[cast.family.pk, cast.service.pk])
    response = client.post(url, {"contact_by": "phone", "no_phone_calls": "on"})
    assert response.status_code == 200
    assert Referral.objects.count() == 1


def test_the_team_page_shows_referrals_and_flags_one_without_answer(client, cast):
    referral = add_referral(cast)
    Referral.objects.filter(pk=referral.pk).update(sent_at=referral.sent_at.replace(year=2020))
    client.force_login(cast.member)
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "Crianza con Cariño" in page and "No answer in 14 business days" in page


def test_the_provider_sees_only_the_shared_minimum_and_accepts(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.provider)
    inbox = client.get(reverse("referral_inbox")).content.decode()
    assert "Maria Rivera" in inbox and "A parenting class in Spanish" in inbox
    page = client.get(reverse("referral_received", args=[referral.pk])).content.decode()
    assert "919-555-0123" in page and "Please do not call." in page
    for secret in ("Ana Rivera", "Leo", "The Rivera family", "Parenting support for Maria"):
        assert secret not in page and secret not in inbox
    url = reverse("referral_received_change", args=[referral.pk])
    client.post(url, {"to": "accepted", "version": referral.version})
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_an_illegal_change_on_the_page_gives_a_message(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.provider)
    url = reverse("referral_received_change", args=[referral.pk])
    response = client.post(url, {"to": "completed", "version": referral.version}, follow=True)
    assert "cannot change" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "requested"


def test_another_provider_and_the_family_doors_answer_the_provider_404(client, cast):
    referral = add_referral(cast)
    client.force_login(cast.other_provider)
    assert client.get(reverse("referral_received", args=[referral.pk])).status_code == 404
    assert "Maria" not in client.get(reverse("referral_inbox")).content.decode()
    client.force_login(cast.provider)
    for name in ("family", "referral_new"):
        assert client.get(reverse(name, args=[cast.family.pk])).status_code == 404
    assert client.get(reverse("referral", args=[cast.family.pk, referral.pk])).status_code == 404


def test_the_caregiver_answers_in_spanish_once_the_referral_is_completed(client, cast):
    from soc.referrals import actions

    referral = add_referral(cast)
    referral = actions.transition(referral, "accepted", cast.provider)
    referral = actions.transition(referral, "completed", cast.provider, note="Done")
    client.force_login(cast.caregiver)
    page = client.get(reverse("referral", args=[cast.family.pk, referral.pk])).content.decode()
    assert "¿Recibió la ayuda que necesitaba?" in page
    client.post(reverse("referral_answer", args=[cast.family.pk, referral.pk]), {"answer": "yes"})
    referral.refresh_from_db()
    assert referral.family_answer == "yes" and referral.outcome == "Done"


def test_no_service_fits_counts_an_unmet_need(client, cast):
    client.force_login(cast.facilitator)
    client.post(reverse("referral_no_fit", args=[cast.family.pk]), {"barrier": "language"})
    (unmet,) = UnmetNeed.objects.all()
    assert (unmet.barrier, unmet.county_id) == ("language", cast.family.county_id)


def test_the_inbox_costs_a_fixed_number_of_queries(client, cast, django_assert_max_num_queries):
    from soc.referrals import actions

    from .builders import SHARED

    add_referral(cast)
    client.force_login(cast.provider)
    client.get(reverse("referral_inbox"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("referral_inbox"))
    for _ in range(5):
        actions.create_referral(
            cast.facilitator, cast.family, service=cast.service, need="x", shared=dict(SHARED)
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("referral_inbox"))


def test_the_team_page_costs_the_same_with_more_referrals(
    client, cast, django_assert_max_num_queries
):
    from soc.referrals import actions

    from .builders import SHARED

    add_referral(cast)
    client.force_login(cast.facilitator)
    client.get(reverse("family", args=[cast.family.pk]))
    with django_assert_max_num_queries(100) as few:
        client.get(reverse("family", args=[cast.family.pk]))
    for _ in range(5):
        actions.create_referral(
            cast.facilitator, cast.family, service=cast.service, need="x", shared=dict(SHARED)
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("family", args=[cast.family.pk]))


def test_the_maker_sees_news_on_the_team_page_until_opening_the_referral(client, cast):
    from soc.referrals import actions

    referral = add_referral(cast)
    actions.transition(referral, "accepted", cast.provider)
    client.force_login(cast.facilitator)
    assert ">New<" in client.get(reverse("family", args=[cast.family.pk])).content.decode()
    client.get(reverse("referral", args=[cast.family.pk, referral.pk]))
    assert ">New<" not in client.get(reverse("family", args=[cast.family.pk])).content.decode()


def test_the_provider_reads_family_for_a_change_the_family_made(client, cast):
    from soc.referrals import actions

    referral = add_referral(cast)
    actions.transition(referral, "cancelled", cast.caregiver, reason="declined")
    client.force_login(cast.provider)
    page = client.get(reverse("referral_received", args=[referral.pk])).content.decode()
    assert "The family" in page and "Maria Rivera" in page  # the shared contact only
    assert page.count("Maria Rivera") == 1


def test_a_plan_strategy_offers_refer_and_the_referral_carries_it(client, cast):
    from soc.plans.tests.builders import add_plan

    add_plan(cast)
    add_referral(cast)
    client.force_login(cast.facilitator)
    plan = client.get(reverse("plan", args=[cast.family.pk])).content.decode()
    strategy = cast.plan_v1.strategys.get(category="general")
    link = reverse("referral_new", args=[cast.family.pk]) + f"?strategy={strategy.pk}"
    assert link in plan
    page = client.get(link).content.decode()
    assert strategy.description in page
