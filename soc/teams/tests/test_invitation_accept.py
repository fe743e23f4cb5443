import pytest
from django.urls import reverse

from soc.accounts.models import User
from soc.families.models import Family
from soc.teams import actions
from soc.teams.models import Invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def aunt(cast):
    return actions.invite_member(
        cast.caregiver,
        cast.team,
        {
            "name": "Carmen Ruiz",
            "role": "natural_support",
            "support_kind": "relative",
            "email": "carmen@example.org",
            "language": "es",
        },
    )


def test_member_without_account_creates_one_from_the_invitation_and_joins(client, cast, aunt):
    _invitation, token = Invitation.issue(aunt)
    url = reverse("accept_invitation", args=[token])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"full_name": "Carmen Ruiz", "language": "es", "password": "Una-clave-larga-77"}
    )
    assert response.status_code == 302 and response.url == reverse("family", args=[cast.family.pk])
    user = User.objects.get(email="carmen@example.org")
    aunt.refresh_from_db()
    assert aunt.user == user and user.language == "es"
    assert list(Family.objects.visible_to(user)) == [cast.family]
    assert client.get(url).status_code == 404  # used once


def test_weak_password_is_refused_with_a_message(client, cast, aunt):
    _invitation, token = Invitation.issue(aunt)
    response = client.post(
        reverse("accept_invitation", args=[token]),
        {"full_name": "C", "language": "es", "password": "123"},
    )
    assert (
        response.status_code == 200 and not User.objects.filter(email="carmen@example.org").exists()
    )


def test_unknown_or_expired_token_is_404(client, cast, aunt):
    invitation, token = Invitation.issue(aunt, days=-1)
    assert client.get(reverse("accept_invitation", args=[token])).status_code == 404
    assert client.get(reverse("accept_invitation", args=["made-up"])).status_code == 404


def test_removed_member_cannot_use_an_old_invitation(client, cast, aunt):
    _invitation, token = Invitation.issue(aunt)
    actions.remove_member(cast.caregiver, aunt)
    client.post(
        reverse("accept_invitation", args=[token]),
        {"full_name": "C R", "language": "es", "password": "Una-clave-larga-77"},
    )
    assert not Family.objects.visible_to(
        User.objects.filter(email="carmen@example.org").first()
    ).exists()
