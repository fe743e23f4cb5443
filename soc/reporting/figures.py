"""What each data item of the shared vocabulary becomes in an annual report draft.

One builder per data item code, each making the one section that answers it, so a draft for a
requirement holds exactly the items the requirement names. A code with no builder here is one
the platform does not hold (or will not put in a draft): the draft lists it "to fill in by hand".

Every count goes through soc.collaboratives.suppression. A table with totals is published and
kept whole: dropping a row or a column of a suppressed table could let its totals give a hidden
count away, so an item maps to whole tables, never to rows cut out of one.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.utils.translation import pgettext

from soc.collaboratives import evidence, partnership, suppression
from soc.collaboratives.models import (
    AgendaItem,
    Attendance,
    Barrier,
    GovMeeting,
    Minutes,
    Motion,
    Recommendation,
    SeatType,
)
from soc.collaboratives.standing import seat_holders
from soc.trainings.models import Registration, Training


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


class Facts:
    """What several sections read about one body and period, read once (a fixed number of
    queries whichever items a draft holds)."""

    def __init__(self, body, period, counties):
        self.body, self.period, self.counties = body, period, counties

    @cached_property
    def meetings(self):
        start, end = self.period.bounds()
        return list(
            GovMeeting.objects.filter(collaborative=self.body, starts_at__gte=start)
            .filter(starts_at__lt=end)
            .order_by("starts_at")
            .values_list("pk", "starts_at")
        )

    @cached_property
    def meeting_ids(self):
        return [pk for pk, _s in self.meetings]

    @cached_property
    def partnership(self):
        return partnership.for_meetings(self.body, self.meeting_ids, self.period.as_of())

    @cached_property
    def barriers(self):
        start, end = self.period.bounds()
        return list(
            Barrier.objects.filter(body=self.body, created_at__gte=start, created_at__lt=end)
            .select_related("county", "work_group")
            .order_by("created_at", "id")
        )


def _share(value):
    return "—" if value is None else f"{value}%"


def _meetings_held(title, facts):
    quarters = facts.period.quarters()
    by_quarter = {label: 0 for label, _first in quarters}
    for _pk, starts_at in facts.meetings:
        day = timezone.localdate(starts_at)
        label = next(label for label, first in reversed(quarters) if day >= first)
        by_quarter[label] += 1
    held = suppression.series(by_quarter, list(by_quarter))
    ids = facts.meeting_ids
    carried = Motion.objects.filter(meeting__in=ids, result=Motion.Result.CARRIED).count()
    approved = Minutes.objects.filter(meeting__in=ids, status=Minutes.Status.APPROVED).count()
    return Section(
        "meetings_held",
        title,
        [
            Table(
                [_("Meetings held"), *by_quarter, _("Total")],
                [[_("Meetings"), *(held.cells["all", q] for q in by_quarter), held.total]],
            ),
            Table(
                [_("Measure"), _("Count")],
                [
                    [_("Minutes approved"), suppression.count(approved)],
                    [_("Motions carried"), suppression.count(carried)],
                ],
            ),
        ],
    )


def _case_reviews(title, facts):
    confidential = AgendaItem.objects.filter(
        meeting__in=facts.meeting_ids, is_confidential=True
    ).count()
    return Section(
        "case_reviews_count",
        title,
        [
            Table(
                [_("Measure"), _("Count")],
                [
                    [
                        _("Confidential items, such as case reviews"),
                        suppression.count(confidential),
                    ]
                ],
            )
        ],
        _("Confidential items are counted only; their titles and contents are never reported."),
    )


def _attendance(title, facts):
    statuses = list(Attendance.Status)
    counts = {
        (row["seat__seat_type"], row["status"]): row["n"]
        for row in Attendance.objects.filter(meeting__in=facts.meeting_ids)
        .values("seat__seat_type", "status")
        .annotate(n=Count("id"))
    }
    types = [t for t in SeatType if any(k[0] == t for k in counts)]
    header = [_("Seat type"), *(s.label for s in statuses), _("Total")]
    if not types:
        return Section("attendance_by_seat_type", title, [Table(header, [])])
    published = suppression.table(counts, types, [s.value for s in statuses])
    rows = [[SeatType(t).label, *cells, total] for t, cells, total in published.lines()]
    rows.append([_("Total"), *published.totals_line(), published.total])
    return Section("attendance_by_seat_type", title, [Table(header, rows)])


def _seats_by_type(title, facts):
    holders = seat_holders(facts.body, facts.period.as_of())
    counts = {}
    for seat, term in holders:
        key = (seat.seat_type, "held" if term is not None else "vacant")
        counts[key] = counts.get(key, 0) + 1
    types = [t for t in SeatType if any(k[0] == t for k in counts)]
    header = [_("Seat type"), pgettext("seats", "Held"), pgettext("seats", "Vacant"), _("Total")]
    note = _("Seats as on %(day)s.") % {"day": _day(facts.period.as_of())}
    if not types:
        return Section("seats_by_type", title, [Table(header, [])], note)
    published = suppression.table(counts, types, ["held", "vacant"])
    rows = [[SeatType(t).label, *cells, total] for t, cells, total in published.lines()]
    rows.append([_("Total"), *published.totals_line(), published.total])
    return Section("seats_by_type", title, [Table(header, rows)], note)


def _day(day):
    return formats.date_format(day, "DATE_FORMAT")


def _participation(title, facts):
    # The counts go through suppression like every other, but the shares beside them are kept
    # on purpose even when the counts behind them are 10 or fewer: they are shares of seats and
    # of a body's governance acts (attendance at its meetings, agenda items, motions), never of
    # families receiving services. Who holds which seat, who came and who moved what are public:
    # the body's public page shows these same counts and shares unsuppressed
    # (collaboratives/_partnership.html). Hiding them here would protect no family.
    p, c = facts.partnership, suppression.count
    rows = [
        [_("Seats held"), c(p.seats), ""],
        [_("Seats held by family members and youth"), c(p.family_seats), _share(p.seat_share)],
        [_("Voting seats held"), c(p.voting_seats), ""],
        [
            _("Voting seats held by family members and youth"),
            c(p.family_voting_seats),
            _share(p.voting_share),
        ],
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
    ]
    return Section(
        "family_participation_share",
        title,
        [Table([_("Measure"), _("Count"), _("Share")], rows)],
        _("Seats as on %(day)s; meetings in the period. Shares are of seats and governance acts.")
        % {"day": _day(facts.period.as_of())},
    )


def _family_chairs(title, facts):
    p, c = facts.partnership, suppression.count
    rows = [
        [_("Chairs and co-chairs who are family members or youth"), c(p.family_chairs)],
        [_("Work groups"), c(p.work_groups)],
        [_("Work groups chaired by family members"), c(p.family_chaired_work_groups)],
    ]
    return Section(
        "family_co_chair",
        title,
        [Table([_("Measure"), _("Count")], rows)],
        _("Offices as on %(day)s.") % {"day": _day(facts.period.as_of())},
    )


def _by_status(barriers, statuses):
    by_status = {s.value: sum(1 for b in barriers if b.status == s) for s in statuses}
    published = suppression.series(by_status, [s.value for s in statuses])
    counts = [[s.label, published.cells["all", s.value]] for s in statuses]
    counts.append([_("Total"), published.total])
    return Table([_("Where the barrier stands"), _("Count")], counts)


def _barriers_raised(title, facts):
    listed = [
        [b.description, b.county.name if b.county_id else "", b.get_status_display()]
        for b in facts.barriers
    ]
    return Section(
        "barriers_raised",
        title,
        [
            _by_status(facts.barriers, list(Barrier.Status)),
            Table(
                [_("Barrier"), _("County"), _("Status")],
                listed,
                _("Barriers recorded in the period"),
            ),
        ],
    )


def _barriers_escalated(title, facts):
    sent = (Barrier.Status.ESCALATED, *Barrier.DECISIONS)
    escalated = [b for b in facts.barriers if b.status in sent]
    listed = [
        [
            b.description,
            b.get_status_display(),
            b.reason,
            b.work_group.name if b.work_group_id else "",
        ]
        for b in escalated
    ]
    return Section(
        "barriers_escalated",
        title,
        [
            _by_status(escalated, [Barrier.Status(s) for s in sent]),
            Table(
                [_("Barrier"), _("Status"), _("Reason"), _("Work group")],
                listed,
                _("Barriers recorded in the period and sent to the State Collaborative"),
            ),
        ],
    )


def _recommendations(title, facts):
    found = (
        Recommendation.objects.filter(barriers__body=facts.body)
        .exclude(status=Recommendation.Status.DRAFT)
        .distinct()
        .prefetch_related("milestones", "responses__organization")
        .order_by("title", "id")
    )
    rows = []
    for r in found:
        answers = "; ".join(
            f"{resp.organization}: {resp.get_answer_display()}" for resp in r.responses.all()
        )
        rows.append(
            [r.title, r.get_topic_display(), r.get_status_display(), _share(r.progress()), answers]
        )
    return Section(
        "recommendations",
        title,
        [
            Table(
                [_("Recommendation"), _("Topic"), _("Status"), _("Progress"), _("Responses")],
                rows,
            )
        ],
        _("Recommendations of the State Collaborative that answer this body's barriers."),
    )


def _county_table(published, heading):
    if published is None:
        return []
    rows = [[label, *cells, total] for label, cells, total in published.lines()]
    rows.append([_("Total"), *published.totals_line(), published.total])
    return [Table([heading, *published.cols, _("Total")], rows)]


def _unmet_needs(title, facts):
    published = evidence.unmet_needs([c.pk for c in facts.counties])
    note = _(
        "Unmet needs by county: for each reason, the larger of the needs in plans in effect on "
        "the day this draft was made and the needs recorded by referrals in the last 12 months."
    )
    return Section("unmet_needs_by_county", title, _county_table(published, _("Why unmet")), note)


def _referrals_declined(title, facts):
    published = evidence.referral_decline_counts([c.pk for c in facts.counties])
    tables = _county_table(published, _("Why the referral was declined"))
    note = _("Referrals declined or not completed in the last 12 months, by county.")
    return Section("referrals_declined", title, tables, note)


def _trainings(title, facts):
    start, end = facts.period.bounds()
    offered = Training.objects.filter(
        collaborative=facts.body, starts_at__gte=start, starts_at__lt=end
    ).exclude(status=Training.Status.CANCELLED)
    came = Registration.objects.filter(training__in=offered, attended=True).count()
    rows = [
        [_("Trainings offered"), suppression.count(offered.count())],
        [_("People who came"), suppression.count(came)],
    ]
    return Section(
        "training_held",
        title,
        [Table([_("Measure"), _("Count")], rows)],
        _("Trainings this body offered in the period, not cancelled; people marked as present."),
    )


# Data item code -> the builder of its section, in the order a draft lists them.
BUILDERS = {
    "meetings_held": _meetings_held,
    "case_reviews_count": _case_reviews,
    "attendance_by_seat_type": _attendance,
    "seats_by_type": _seats_by_type,
    "family_participation_share": _participation,
    "family_co_chair": _family_chairs,
    "barriers_raised": _barriers_raised,
    "barriers_escalated": _barriers_escalated,
    "recommendations": _recommendations,
    "unmet_needs_by_county": _unmet_needs,
    "referrals_declined": _referrals_declined,
    "training_held": _trainings,
}

# Why an item is left to fill in by hand, when there is more to say than "not held here".
BY_HAND_REASONS = {
    # The platform knows who sits on the body, but a draft names no one: the roster is copied
    # from the body's public page, where each seat holder agreed to be shown.
    "membership_roster": N_("This draft names no one. Copy the roster from the body's page."),
}
NOT_HELD = N_("The platform does not hold this. Please fill it in by hand.")


def by_hand_reason(code):
    return _(BY_HAND_REASONS.get(code, NOT_HELD))
