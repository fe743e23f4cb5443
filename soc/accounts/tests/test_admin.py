import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_superuser_manages_accounts_in_the_admin(client, cast):
    client.force_login(cast.superuser)
    page = client.get(reverse("admin:accounts_user_changelist"))
    assert page.status_code == 200 and cast.facilitator.email in page.content.decode()
    assert client.get(reverse("admin:accounts_organization_changelist")).status_code == 200


def test_no_case_data_is_registered_in_the_admin():
    labels = {model._meta.app_label for model in admin.site._registry}
    assert labels.isdisjoint({"families", "teams", "consent", "audit"})


def test_staff_without_superuser_cannot_use_the_admin(client, cast):
    client.force_login(cast.org_admin)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302


def test_family_accounts_appear_in_lists_without_their_names_or_phones(client, cast):
    cast.caregiver.phone = "919-555-0199"
    cast.caregiver.save()
    client.force_login(cast.superuser)
    page = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Maria Rivera" not in page and cast.caregiver.email not in page
    assert "919-555-0199" not in page
    assert "Fran Facilitator" in page  # staff are listed by name
    # Found by the exact e-mail the family gives, not by name.
    from soc.accounts.admin import masked_email

    masked = masked_email(cast.caregiver.email)
    by_name = client.get(reverse("admin:accounts_user_changelist") + "?q=Maria").content.decode()
    assert masked not in by_name
    url = reverse("admin:accounts_user_changelist") + f"?q={cast.caregiver.email}"
    assert masked in client.get(url).content.decode()
    change = client.get(reverse("admin:accounts_user_change", args=[cast.caregiver.pk]))
    assert "919-555-0199" not in change.content.decode()
    assert 'name="is_active"' in change.content.decode()


def test_admin_unlocks_a_locked_family_account(client, cast):
    from axes.models import AccessAttempt

    for _ in range(6):
        client.post(reverse("login"), {"username": cast.caregiver.email, "password": "wrong"})
    assert AccessAttempt.objects.filter(username=cast.caregiver.email).exists()
    client.force_login(cast.superuser)
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [cast.caregiver.pk]},
    )
    assert not AccessAttempt.objects.filter(username=cast.caregiver.email).exists()
    client.logout()
    response = client.post(
        reverse("login"), {"username": cast.caregiver.email, "password": "Correct-Horse-9"}
    )
    assert response.status_code == 302
