"""Django's paginator, without a COUNT when the first page holds the whole list.

Most people are on a few teams: a count would cost them a second query on every visit to a
list that fits one page. The first page reads one row more than it shows; only when that row
exists does the page's "next" and "last" need the count, which is then taken as usual.
"""

from django.core.paginator import Paginator as DjangoPaginator


class Paginator(DjangoPaginator):
    def get_page(self, number):
        if self.orphans or "count" in self.__dict__ or not _is_first(number):
            return super().get_page(number)
        rows = list(self.object_list[: self.per_page + 1])
        if len(rows) <= self.per_page:
            self.__dict__["count"] = len(rows)  # the cached_property's slot
        return self._get_page(rows[: self.per_page], 1, self)


def _is_first(number):
    """Page 1, as Django reads it: missing, "1", or not a whole number (Django then shows 1)."""
    try:
        return int(number or 1) == 1
    except (TypeError, ValueError):
        return True
