import pytest

from .directory_data import rich_directory

pytestmark = pytest.mark.django_db


def test_a_superuser_keeps_the_directory_in_the_admin(client, cast):
    service = rich_directory(services=1)["services"][0]
    client.force_login(cast.superuser)
    for url in (
        "/accounts-admin/directory/service/",
        f"/accounts-admin/directory/service/{service.pk}/change/",
        "/accounts-admin/directory/organization/",
        "/accounts-admin/directory/taxonomyterm/?q=crisis",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert service.name in client.get("/accounts-admin/directory/service/").content.decode()
