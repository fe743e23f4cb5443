"""The paginator reads a first page that holds the whole list without a COUNT, and pages a
longer list as Django's does."""

import pytest
from django.core.paginator import Paginator as DjangoPaginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from soc import factories as f
from soc.families.models import Family
from soc.paging import Paginator


def families(n):
    for _ in range(n):
        f.FamilyFactory()
    return Family.objects.order_by("id")


def queries_for(paginator, number):
    """The page as a template shows it (rows, count, next), and the queries it took."""
    with CaptureQueriesContext(connection) as captured:
        page = paginator.get_page(number)
        shown = (
            [x.pk for x in page],
            page.paginator.count,
            page.paginator.num_pages,
            page.has_next(),
            page.number,
        )
    return shown, len(captured.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("number", [None, "", "1", 1, "abc", "1.5"])
def test_a_first_page_holding_the_whole_list_costs_one_query(number):
    rows = families(3)
    ours, count = queries_for(Paginator(rows, 5), number)
    assert count == 1
    assert ours == queries_for(DjangoPaginator(rows, 5), number)[0]
    assert ours[1] == 3 and not ours[3]


@pytest.mark.django_db
def test_a_list_exactly_one_page_long_has_no_next_page():
    rows = families(5)
    ours, count = queries_for(Paginator(rows, 5), "1")
    assert count == 1 and ours[1:4] == (5, 1, False)


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["1", "2", "3", "0", "99", "-1"])
def test_longer_lists_page_as_django_does(number):
    rows = families(12)
    ours, count = queries_for(Paginator(rows, 5), number)
    assert ours == queries_for(DjangoPaginator(rows, 5), number)[0]
    assert count == 2


@pytest.mark.django_db
def test_an_empty_list_is_one_empty_first_page():
    ours, count = queries_for(Paginator(Family.objects.order_by("id"), 5), None)
    assert ours == ([], 0, 1, False, 1) and count == 1
