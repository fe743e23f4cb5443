import pytest

from soc.accounts.models import County

pytestmark = pytest.mark.django_db


def test_all_100_north_carolina_counties_ship_with_fips_codes():
    assert County.objects.count() == 100
    assert County.objects.get(name="Wake").fips == "37183"
    assert County.objects.get(name="Mecklenburg").fips == "37119"
    assert County.objects.get(name="Yancey").fips == "37199"


def test_loading_counties_again_changes_nothing():
    County.load_north_carolina()
    assert County.objects.count() == 100
