"""Annual report drafts, entered once and reported many times: built from what the system holds.

A draft covers one period, stated on its cover: a JCPC reports on the North Carolina fiscal
year (1 July to 30 June, to NC DPS Juvenile Justice); a CCPT and every other body on the
calendar year. It holds counts, never people: every count goes through
soc.collaboratives.suppression, confidential agenda items (a CCPT's case reviews) appear only
as a count, and no seat holder, family or team is named. The number of queries is fixed.

Each reporting requirement gets its own draft: the sections for the data items it names
(soc.reporting.figures says which section answers which item), and a list of the items the
platform does not hold, to fill in by hand.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from soc.collaboratives.models import Collaborative

from .figures import BUILDERS, Facts, Section, Table, by_hand_reason
from .vocabulary import SEED

__all__ = ["AnnualReport", "Period", "Section", "Table", "build", "contents"]

FISCAL_YEAR_KINDS = (Collaborative.Kind.JCPC,)
YEARS = range(2000, 2101)


@dataclass(frozen=True)
class Period:
    starts_on: date
    ends_on: date
    is_fiscal: bool

    @classmethod
    def for_body(cls, body, year):
        """A JCPC's fiscal year starting 1 July `year`; otherwise the calendar year `year`."""
        if body.kind in FISCAL_YEAR_KINDS:
            return cls(date(year, 7, 1), date(year + 1, 6, 30), True)
        return cls(date(year, 1, 1), date(year, 12, 31), False)

    @property
    def label(self):
        dates = {
            "start": formats.date_format(self.starts_on, "DATE_FORMAT"),
            "end": formats.date_format(self.ends_on, "DATE_FORMAT"),
        }
        if self.is_fiscal:
            name = _("Fiscal year %(first)s–%(second)s") % {
                "first": self.starts_on.year,
                "second": str(self.ends_on.year)[-2:],
            }
        else:
            name = _("Calendar year %(year)s") % {"year": self.starts_on.year}
        return _("%(name)s (%(start)s to %(end)s)") % {"name": name, **dates}

    def bounds(self):
        """The period as [aware start, aware end) in the site's time zone."""
        start = timezone.make_aware(datetime.combine(self.starts_on, time.min))
        end = timezone.make_aware(datetime.combine(self.ends_on + timedelta(days=1), time.min))
        return start, end

    def quarters(self):
        """[(label, first day)] of the period's four quarters."""
        firsts = [_add_months(self.starts_on, 3 * q) for q in range(4)]
        return [(_("Quarter %(n)s") % {"n": n}, first) for n, first in enumerate(firsts, 1)]

    def as_of(self):
        """The day seats are counted on: the period's last day, or today while it runs."""
        return min(self.ends_on, timezone.localdate())


def _add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


@dataclass
class AnnualReport:
    body: Collaborative
    counties: list
    period: Period
    generated_at: datetime
    sections: list
    requirement: object = None
    by_hand: list = field(default_factory=list)  # [(data item, why)] the platform cannot fill

    @property
    def title(self):
        return _("%(body)s: annual report (draft)") % {"body": self.body.name}


def _vocabulary_order(items):
    """Data items in the order of the shared vocabulary, then any others by name."""
    rank = {code: n for n, (code, _name) in enumerate(SEED)}
    return sorted(items, key=lambda i: (rank.get(i.code, len(rank)), i.label))


def contents(requirement):
    """(the data items the draft fills, the items left to fill in by hand) for `requirement`,
    from its prefetched data items: what the pages and the API say a draft holds."""
    items = _vocabulary_order(requirement.data_items.all())
    return (
        [i for i in items if i.code in BUILDERS],
        [(i, by_hand_reason(i.code)) for i in items if i.code not in BUILDERS],
    )


def build(body, year, requirement=None):
    """The draft of `body`'s annual report for the period starting in `year`: the sections
    for the data items `requirement` names (every section the platform fills, without one)."""
    period = Period.for_body(body, year)
    counties = list(body.counties.order_by("name"))
    facts = Facts(body, period, counties)
    if requirement is None:
        names = dict(SEED)
        wanted = [(code, _(names[code])) for code in BUILDERS]
        by_hand = []
    else:
        filled, by_hand = contents(requirement)
        wanted = [(i.code, i.label) for i in filled]
    sections = [BUILDERS[code](title, facts) for code, title in wanted]
    return AnnualReport(body, counties, period, timezone.now(), sections, requirement, by_hand)
