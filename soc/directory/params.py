"""The query parameters of the HSDS API, read and checked: a bad one is a 400 naming it."""

import datetime
import uuid

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

MAX_PER_PAGE = 1000
DEFAULT_PER_PAGE = 50
FORMATS = ("json", "ndjson")


class BadParameter(Exception):
    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message

    def as_json(self):
        return {
            "detail": [{"loc": ["query", self.name], "msg": self.message, "type": "value_error"}]
        }


class Params:
    """Typed access to request.GET: `p.uuid("organization_id")`, `p.flag("full")`, ..."""

    def __init__(self, query):
        self.query = query

    def text(self, name):
        return self.query.get(name, "").strip()

    def integer(self, name, default, low, high):
        raw = self.text(name)
        if not raw:
            return default
        try:
            number = int(raw)
        except ValueError:
            raise BadParameter(name, _("Enter a whole number.")) from None
        if not low <= number <= high:
            raise BadParameter(
                name, _("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high}
            )
        return number

    def flag(self, name):
        raw = self.text(name).lower()
        if raw in ("", "false", "0", "no"):
            return False
        if raw in ("true", "1", "yes"):
            return True
        raise BadParameter(name, _("Enter true or false."))

    def uuid(self, name):
        raw = self.text(name)
        if not raw:
            return None
        try:
            return uuid.UUID(raw)
        except ValueError:
            raise BadParameter(name, _("Enter a valid identifier (a UUID).")) from None

    def moment(self, name):
        raw = self.text(name)
        if not raw:
            return None
        try:
            when = parse_datetime(raw.replace("Z", "+00:00"))
            if when is None and (day := parse_date(raw)) is not None:
                when = datetime.datetime.combine(day, datetime.time())
        except ValueError:
            when = None
        if when is None:
            raise BadParameter(name, _("Enter a date and time, such as 2024-05-01T09:00:00Z."))
        if timezone.is_naive(when):
            when = timezone.make_aware(when, datetime.UTC)
        return when

    def metres(self, name):
        raw = self.text(name)
        if not raw:
            return None
        try:
            metres = float(raw)
        except ValueError:
            metres = -1
        if not 0 < metres <= 1_000_000:
            raise BadParameter(name, _("Enter a distance in metres, up to 1,000,000."))
        return metres

    def page(self):
        return self.integer("page", 1, 1, 10**9)

    def per_page(self):
        return self.integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)

    def format(self):
        fmt = self.text("format").lower() or "json"
        if fmt not in FORMATS:
            raise BadParameter("format", _("Choose json or ndjson."))
        return fmt
