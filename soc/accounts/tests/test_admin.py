import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_superuser_manages_accounts_in_the_admin(client, cast):
    client.force_login(cast.superuser)
    page = client.get(reverse("admin:accounts_user_changelist"))
    assert page.status_code == 200 and cast.caregiver.email in page.content.decode()
    assert client.get(reverse("admin:accounts_organization_changelist")).status_code == 200


def test_no_case_data_is_registered_in_the_admin():
    labels = {model._meta.app_label for model in admin.site._registry}
    assert labels.isdisjoint({"families", "teams", "consent", "audit"})


def test_staff_without_superuser_cannot_use_the_admin(client, cast):
    client.force_login(cast.org_admin)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302
