"""Annual report drafts, entered once and reported many times: built from what the system holds.

A draft covers one period, stated on its cover: a JCPC reports on the North Carolina fiscal
year (1 July to 30 June, to NC DPS Juvenile Justice); a CCPT and every other body on the
calendar year. It holds counts, never people: every count goes through
soc.collaboratives.suppression, confidential agenda items (a CCPT's case reviews) appear only
as a count, and no seat holder, family or team is named. The number of queries is fixed.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from soc.collaboratives import evidence, partnership, suppression
from soc.collaboratives.models import (
    AgendaItem,
    Attendance,
    Barrier,
    Collaborative,
    GovMeeting,
    Minutes,
    Motion,
    Recommendation,
    SeatType,
)

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
class Table:
    header: list
    rows: list
    caption: str = ""


@dataclass
class Section:
    key: str
    title: str
    tables: list = field(default_factory=list)
    note: str = ""


@dataclass
class AnnualReport:
    body: Collaborative
    counties: list
    period: Period
    generated_at: datetime
    sections: list

    @property
    def title(self):
        return _("%(body)s: annual report (draft)") % {"body": self.body.name}


def _share(value):
    return "—" if value is None else f"{value}%"


def _meetings_section(period, meetings):
    quarters = period.quarters()
    by_quarter = {label: 0 for label, _first in quarters}
    for _pk, starts_at in meetings:
        day = timezone.localdate(starts_at)
        label = next(label for label, first in reversed(quarters) if day >= first)
        by_quarter[label] += 1
    held = suppression.series(by_quarter, list(by_quarter))
    ids = [pk for pk, _s in meetings]
    acts = Motion.objects.filter(meeting__in=ids).aggregate(
        carried=Count("id", filter=Q(result=Motion.Result.CARRIED))
    )
    approved = Minutes.objects.filter(meeting__in=ids, status=Minutes.Status.APPROVED).count()
    confidential = AgendaItem.objects.filter(meeting__in=ids, is_confidential=True).count()
    return Section(
        "meetings",
        _("Meetings"),
        [
            Table(
                [_("Meetings held"), *by_quarter, _("Total")],
                [[_("Meetings"), *(held.cells["all", q] for q in by_quarter), held.total]],
            ),
            Table(
                [_("Measure"), _("Count")],
                [
                    [_("Minutes approved"), suppression.count(approved)],
                    [_("Motions carried"), suppression.count(acts["carried"])],
                    [
                        _("Confidential items, such as case reviews"),
                        suppression.count(confidential),
                    ],
                ],
            ),
        ],
        _("Confidential items are counted only; their titles and contents are never reported."),
    )


def _attendance_section(ids):
    statuses = list(Attendance.Status)
    counts = {
        (row["seat__seat_type"], row["status"]): row["n"]
        for row in Attendance.objects.filter(meeting__in=ids)
        .values("seat__seat_type", "status")
        .annotate(n=Count("id"))
    }
    types = [t for t in SeatType if any(k[0] == t for k in counts)]
    header = [_("Seat type"), *(s.label for s in statuses), _("Total")]
    if not types:
        return Section("attendance", _("Attendance by seat type"), [Table(header, [])])
    published = suppression.table(counts, types, [s.value for s in statuses])
    rows = [[SeatType(t).label, *cells, total] for t, cells, total in published.lines()]
    rows.append([_("Total"), *published.totals_line(), published.total])
    return Section("attendance", _("Attendance by seat type"), [Table(header, rows)])


def _partnership_section(body, period, ids):
    p = partnership.for_meetings(body, ids, period.as_of())
    c = suppression.count
    rows = [
        [_("Seats held"), c(p.seats), ""],
        [_("Seats held by family members and youth"), c(p.family_seats), _share(p.seat_share)],
        [_("Voting seats held"), c(p.voting_seats), ""],
        [
            _("Voting seats held by family members and youth"),
            c(p.family_voting_seats),
            _share(p.voting_share),
        ],
        [_("Chairs and co-chairs who are family members or youth"), c(p.family_chairs), ""],
        [_("Family and youth seats expected at meetings"), c(p.family_expected), ""],
        [
            _("Family and youth seats present at meetings"),
            c(p.family_attended),
            _share(p.attendance_share),
        ],
        [_("Agenda items"), c(p.items), ""],
        [_("Agenda items raised by family members"), c(p.family_items), _share(p.item_share)],
        [_("Motions"), c(p.motions), ""],
        [_("Motions moved by family members"), c(p.family_motions), _share(p.motion_share)],
        [_("Work groups"), c(p.work_groups), ""],
        [_("Work groups chaired by family members"), c(p.family_chaired_work_groups), ""],
    ]
    return Section(
        "partnership",
        _("Family participation"),
        [Table([_("Measure"), _("Count"), _("Share")], rows)],
        _("Seats as on %(day)s; meetings in the period. Shares are of seats and governance acts.")
        % {"day": formats.date_format(period.as_of(), "DATE_FORMAT")},
    )


def _barriers_section(body, period):
    start, end = period.bounds()
    barriers = list(
        Barrier.objects.filter(body=body, created_at__gte=start, created_at__lt=end)
        .select_related("county", "work_group")
        .order_by("created_at", "id")
    )
    statuses = list(Barrier.Status)
    by_status = {s.value: sum(1 for b in barriers if b.status == s) for s in statuses}
    published = suppression.series(by_status, [s.value for s in statuses])
    counts = [[s.label, published.cells["all", s.value]] for s in statuses]
    counts.append([_("Total"), published.total])
    listed = [
        [
            b.description,
            b.county.name if b.county_id else "",
            b.get_status_display(),
            b.reason,
            b.work_group.name if b.work_group_id else "",
        ]
        for b in barriers
    ]
    return Section(
        "barriers",
        _("Barriers raised and their outcomes"),
        [
            Table([_("Where the barrier stands"), _("Count")], counts),
            Table(
                [_("Barrier"), _("County"), _("Status"), _("Reason"), _("Work group")],
                listed,
                _("Barriers recorded in the period"),
            ),
        ],
    )


def _recommendations_section(body):
    found = (
        Recommendation.objects.filter(barriers__body=body)
        .exclude(status=Recommendation.Status.DRAFT)
        .distinct()
        .prefetch_related("milestones", "responses__organization")
        .order_by("title", "id")
    )
    rows = []
    for r in found:
        progress = r.progress()
        answers = "; ".join(
            f"{resp.organization}: {resp.get_answer_display()}" for resp in r.responses.all()
        )
        rows.append(
            [r.title, r.get_topic_display(), r.get_status_display(), _share(progress), answers]
        )
    return Section(
        "recommendations",
        _("Recommendations"),
        [
            Table(
                [_("Recommendation"), _("Topic"), _("Status"), _("Progress"), _("Responses")],
                rows,
            )
        ],
        _("Recommendations of the State Collaborative that answer this body's barriers."),
    )


def _unmet_section(counties):
    published = evidence.unmet_needs([c.pk for c in counties])
    declines = evidence.referral_decline_counts([c.pk for c in counties])
    tables = []
    if published is not None:
        rows = [[label, *cells, total] for label, cells, total in published.lines()]
        rows.append([_("Total"), *published.totals_line(), published.total])
        tables.append(Table([_("Why unmet"), *published.cols, _("Total")], rows))
    if declines is not None:
        rows = [[label, *cells, total] for label, cells, total in declines.lines()]
        rows.append([_("Total"), *declines.totals_line(), declines.total])
        tables.append(Table([_("Why the referral was declined"), *declines.cols, _("Total")], rows))
    note = _(
        "Unmet needs by county: for each reason, the larger of the needs in plans in effect on "
        "the day this draft was made and the needs recorded by referrals in the last 12 months."
    )
    return Section("unmet_needs", _("Unmet needs"), tables, note)


def build(body, year):
    """The draft of `body`'s annual report for the period starting in `year`."""
    period = Period.for_body(body, year)
    start, end = period.bounds()
    counties = list(body.counties.order_by("name"))
    meetings = list(
        GovMeeting.objects.filter(collaborative=body, starts_at__gte=start, starts_at__lt=end)
        .order_by("starts_at")
        .values_list("pk", "starts_at")
    )
    ids = [pk for pk, _s in meetings]
    sections = [
        _meetings_section(period, meetings),
        _attendance_section(ids),
        _partnership_section(body, period, ids),
        _barriers_section(body, period),
        _recommendations_section(body),
        _unmet_section(counties),
    ]
    return AnnualReport(body, counties, period, timezone.now(), sections)
