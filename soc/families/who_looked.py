"""What "Who has looked at our information" shows: who, how often, when, and what kind.

The plain words for each kind of look come from the audit registry (soc/audit/actions.py).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.audit import actions
from soc.audit.models import AuditEvent

PERIODS = {"30": 30, "90": 90, "365": 365, "all": None}


class LookFilterForm(uswds.Form):
    person = forms.TypedChoiceField(label=_("Person"), coerce=int, required=False, empty_value=None)
    period = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            ("30", _("Last 30 days")),
            ("90", _("Last 90 days")),
            ("365", _("Last year")),
            ("all", _("All time")),
        ],
    )
    family = forms.BooleanField(label=_("Include our own family's visits"), required=False)

    def __init__(self, data, people):
        super().__init__(data, initial={"period": "all"})
        self.fields["person"].choices = [("", _("Everyone"))] + [
            (p.actor_id, p.label) for p in people if p.actor_id is not None
        ]

    def value(self, name, default=None):
        if not self.is_valid():
            return default
        return self.cleaned_data.get(name) or default


@dataclass
class Looker:
    """One person (as named at the time) and how they looked at the family's information."""

    actor_id: int | None
    name: str
    organization: str
    times: int = 0
    last: datetime | None = None
    emergency: bool = False
    what: list = field(default_factory=list)

    @property
    def label(self):
        return f"{self.name}, {self.organization}" if self.organization else self.name


def looks_at(family, *, include_family=False, period="all"):
    """Every read of the family's information, newest first, filtered as the family chose."""
    events = AuditEvent.objects.for_family(family.pk).views()
    if not include_family:
        events = events.exclude(actor_id__in=family.people.exclude(user=None).values("user_id"))
    days = PERIODS.get(period)
    if days is not None:
        events = events.filter(at__gte=timezone.now() - timezone.timedelta(days=days))
    return events.order_by("-id")


def lookers(events):
    """One summary row per person: how many times, the last time, what kind. One query."""
    rows = (
        events.order_by()
        .values("actor_id", "actor_name", "actor_organization", "action")
        .annotate(
            times=Count("id"),
            last=Max("at"),
            emergency=Count("id", filter=Q(detail__emergency=True)),
        )
    )
    people = {}
    for row in rows:
        key = (row["actor_id"], row["actor_name"], row["actor_organization"])
        person = people.setdefault(key, Looker(*key))
        person.times += row["times"]
        person.last = max(filter(None, [person.last, row["last"]]))
        person.emergency = person.emergency or row["emergency"] > 0
        wording = actions.looked_wording(row["action"])
        if wording not in person.what:
            person.what.append(wording)
    return sorted(people.values(), key=lambda p: p.last, reverse=True)


def label(action):
    return actions.looked_wording(action)
