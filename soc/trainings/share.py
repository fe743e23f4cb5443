"""The share of trainings co-facilitated by a family member or youth, per host and for the state.

Counted: every training not cancelled. A share of trainings says nothing about any family, so
it is shown plainly (no suppression); counts of people never appear here.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from .models import CoFacilitator, LivedExperience, Training


@dataclass(frozen=True)
class Share:
    trainings: int = 0
    with_family: int = 0
    with_youth: int = 0
    with_either: int = 0

    @property
    def percent(self):
        """Share co-facilitated by a family member or youth, whole percent; None with none."""
        return round(100 * self.with_either / self.trainings) if self.trainings else None

    @property
    def family_percent(self):
        return round(100 * self.with_family / self.trainings) if self.trainings else None

    def __add__(self, other):
        return Share(
            self.trainings + other.trainings,
            self.with_family + other.with_family,
            self.with_youth + other.with_youth,
            self.with_either + other.with_either,
        )


def _marked(mark):
    return Exists(CoFacilitator.objects.filter(training=OuterRef("pk"), lived_experience__in=mark))


def _counted(trainings):
    return trainings.exclude(status=Training.Status.CANCELLED).annotate(
        has_family=_marked([LivedExperience.FAMILY]),
        has_youth=_marked([LivedExperience.YOUTH]),
    )


COUNTS = {
    "n": Count("pk"),
    "family": Count("pk", filter=Q(has_family=True)),
    "youth": Count("pk", filter=Q(has_youth=True)),
    "either": Count("pk", filter=Q(has_family=True) | Q(has_youth=True)),
}


def _tally(trainings, group):
    """One query: the four counts for each value of `group`."""
    return _counted(trainings).values(group).annotate(**COUNTS).order_by(group)


def _share(row):
    return Share(row["n"], row["family"], row["youth"], row["either"])


def for_host(host):
    """The share for one collaborative or family organization."""
    from soc.collaboratives.models import Collaborative

    key = "collaborative" if isinstance(host, Collaborative) else "organization"
    return _share(_counted(Training.objects.filter(**{key: host})).aggregate(**COUNTS))


def state_rollup():
    """(rows, total): rows are (host, Share) for every host with a training, bodies first;
    the total is every training in the state. Four queries."""
    from soc.accounts.models import Organization
    from soc.collaboratives.models import Collaborative

    by_body = {
        r["collaborative"]: _share(r)
        for r in _tally(Training.objects.filter(collaborative__isnull=False), "collaborative")
    }
    by_org = {
        r["organization"]: _share(r)
        for r in _tally(Training.objects.filter(organization__isnull=False), "organization")
    }
    bodies = Collaborative.objects.in_bulk(list(by_body))
    orgs = Organization.objects.in_bulk(list(by_org))
    rows = [(bodies[pk], s) for pk, s in by_body.items()] + [
        (orgs[pk], s) for pk, s in by_org.items()
    ]
    rows.sort(key=lambda row: (isinstance(row[0], Organization), row[0].name))
    total = sum((s for _host, s in rows), Share())
    return rows, total
