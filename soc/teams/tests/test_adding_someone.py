"""Adding or suggesting someone: no preset role, what "caregiver" allows, the family's language;
an approval request that says who, why and what they will see; the sharing settings offered
after approving; a warning before removing the facilitator."""

import pytest
from django.urls import reverse
from django.utils import translation

from soc.teams import actions
from soc.teams.forms import MemberForm
from soc.teams.models import Membership

pytestmark = pytest.mark.django_db


def test_add_form_has_no_preset_role_and_speaks_the_familys_language(client, cast):
    client.force_login(cast.caregiver)
    page = client.get(reverse("member_add", args=[cast.family.pk]))
    form = page.context["form"]
    assert form["role"].value() in (None, "")
    assert form.fields["role"].choices[0] == ("", "Elija un papel")
    assert form["language"].value() == "es"  # The Rivera family speaks Spanish at home
    html = page.content.decode()
    assert "un(a) cuidador(a) puede agregar y quitar miembros del equipo" in html
    assert 'aria-describedby="role-hint"' in html


def test_a_role_must_be_chosen(client, cast):
    client.force_login(cast.caregiver)
    response = client.post(
        reverse("member_add", args=[cast.family.pk]), {"name": "Carmen", "language": "es"}
    )
    assert response.status_code == 200 and response.context["form"].errors["role"]
    assert not cast.team.memberships.filter(name="Carmen").exists()


def test_staff_suggesting_someone_must_say_why_and_cannot_make_them_family(client, cast):
    client.force_login(cast.member)
    form = client.get(reverse("member_add", args=[cast.family.pk])).context["form"]
    assert "why" in form.fields and "caregiver" not in dict(form.fields["role"].choices)
    response = client.post(
        reverse("member_add", args=[cast.family.pk]),
        {"name": "Dr. Lee", "role": "provider", "language": "en"},
    )
    assert response.context["form"].errors["why"]
    with pytest.raises(Exception, match="why"):
        actions.propose_member(cast.member, cast.team, {"name": "Dr. Lee", "role": "provider"})


def test_caregiver_adding_someone_is_not_asked_why():
    assert "why" not in MemberForm(family_roles=("caregiver",)).fields


def test_approval_request_shows_who_suggested_role_agency_why_and_what_they_will_see(client, cast):
    actions.propose_member(
        cast.member,
        cast.team,
        {"name": "Teo Terapeuta", "role": "provider", "why": "Puede ayudar a Leo con la ansiedad."},
    )
    client.force_login(cast.caregiver)
    with translation.override("es"):
        html = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    waiting = html[html.index('id="waiting-heading"') : html.index('id="members-heading"')]
    assert "Teo Terapeuta" in waiting and "Proveedor" in waiting or "Provider" in waiting
    assert "Sugerido por" in waiting and "Sam Counselor, Wake County Public Schools" in waiting
    assert "Puede ayudar a Leo con la ansiedad." in waiting
    assert "Si dice que sí, Teo Terapeuta verá la página de su equipo" in waiting


def test_after_approving_the_family_is_offered_its_sharing_settings(client, cast):
    client.force_login(cast.caregiver)
    member = cast.proposed_membership
    response = client.post(
        reverse("member_approve", args=[cast.family.pk, member.pk]), {"version": member.version}
    )
    assert response.url == reverse("member_approved", args=[cast.family.pk, member.pk])
    page = client.get(response.url).content.decode()
    assert reverse("consents", args=[cast.family.pk]) in page
    assert "Elegir qué compartir" in page and "Volver a nuestro equipo" in page


def test_caregiver_is_warned_before_removing_the_facilitator(client, cast):
    client.force_login(cast.caregiver)
    url = reverse("member_remove", args=[cast.family.pk, cast.facilitator_membership.pk])
    html = client.get(url).content.decode()
    assert "Fran Facilitator es quien facilita su equipo" in html
    assert "todavía no puede quitarla" in html
    assert "Sí, quitar" not in html and 'type="submit"' not in html.split("</header>")[1].split(
        "<footer"
    )[0].replace('type="submit">Cambiar', "")


def test_with_a_second_facilitator_the_caregiver_is_warned_and_may_remove(client, cast):
    Membership.objects.create(
        team=cast.team,
        role="facilitator",
        status="active",
        name="Nia New",
        user=cast.same_org_staff,
    )
    client.force_login(cast.caregiver)
    url = reverse("member_remove", args=[cast.family.pk, cast.facilitator_membership.pk])
    html = client.get(url).content.decode()
    assert "Fran Facilitator es quien facilita su equipo" in html
    assert "todavía no puede quitarla" not in html
    response = client.post(url, {"version": cast.facilitator_membership.version})
    assert response.status_code == 302


def test_removing_an_ordinary_member_shows_no_facilitator_warning(client, cast):
    client.force_login(cast.caregiver)
    url = reverse("member_remove", args=[cast.family.pk, cast.member_membership.pk])
    assert "quien facilita" not in client.get(url).content.decode()


def test_optional_labels_say_optional_once(client, cast):
    client.force_login(cast.caregiver)
    html = client.get(
        reverse("member_remove", args=[cast.family.pk, cast.member_membership.pk])
    ).content.decode()
    assert "(opcional)</span>" in html and "(opcional) <span" not in html
    html = client.get(reverse("person_add", args=[cast.family.pk])).content.decode()
    assert "Pronombres <span" in html or "pronombres <span" in html
    assert html.count("(opcional)") == html.count('class="usa-hint">(opcional)')


def test_duplicate_warning_offers_her_own_family_instead_of_asking_to_join(client, cast):
    from soc.families.tests.test_open_family import _post

    client.force_login(cast.facilitator)
    data = _post(
        cast.family.county_id,
        display_name="The Rivera family",
        **{"people-0-first_name": "Ana", "people-0-date_of_birth": "2016-07-09"},
    )
    response = client.post(reverse("family_new"), data)
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert not response.context["form"].errors, response.context["form"].errors
    assert response.context["duplicates"], [f.errors for f in response.context["people"]]
    assert "You are already on this family's team" in html
    assert reverse("family", args=[cast.family.pk]) in html
    assert reverse("family_join", args=[cast.family.pk]) not in html
