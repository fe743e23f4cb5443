"""`import_rows`: write HSDS rows into the directory, all or nothing, by UUID.

A record already held is updated (only when something changed), a new one created; nothing is
deleted. Every row is checked first (fields, then references to other records, in this import or
already held); with errors nothing is written, unless `skip_invalid`, when the bad rows (and rows
that need them) are left out and listed. Writes are bulk and happen in one transaction.
"""

from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import models as m
from .nesting import TABLES
from .reading import Problem
from .values import convert

CHUNK = 900  # ids per IN (...) query: under SQLite's parameter limit
BATCH = 1000


@dataclass
class Report:
    created: dict = field(default_factory=dict)
    changed: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    skipped: int = 0

    @property
    def totals(self):
        return tuple(sum(d.values()) for d in (self.created, self.changed, self.unchanged))


class ImportFailed(Exception):
    def __init__(self, problems):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _references(model):
    """attname -> target model for the links that must point at a record that exists."""
    return {
        f.attname: f.related_model
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.db_constraint and f.related_model in TABLES
    }


def check(rows):
    """{model: {id: (values, row)}} of the rows whose fields are right, and the problems."""
    parsed = {model: {} for model in TABLES}
    problems = []
    for seq, row in enumerate(rows):
        row.seq = seq
        if row.model is None or not isinstance(row.data, dict):
            problems.append(
                Problem(row.file, row.where, "", _("Expected an HSDS record (an object)."), seq)
            )
            continue
        values, errors = convert(row.model, row.data, row.file.endswith(".csv"))
        problems += [
            Problem(row.file, row.where, column, message, seq) for column, message in errors
        ]
        if errors:
            continue
        held = parsed[row.model].get(values["id"])
        if held is None:
            parsed[row.model][values["id"]] = (values, row)
        elif row.file.endswith(".csv"):
            problems.append(
                Problem(
                    row.file,
                    row.where,
                    "id",
                    _("This id is already used on %(where)s.") % {"where": held[1].where},
                    seq,
                )
            )
        else:  # the same record nested in two places: one record, every link it was given
            held[0].update({k: v for k, v in values.items() if v is not None})
    return parsed, problems


def check_references(parsed):
    """Drop rows that point at records neither imported nor held; say which and why."""
    problems = []
    while True:
        dropped = False
        for model, records in parsed.items():
            for attname, target in _references(model).items():
                wanted = {v[attname] for v, _row in records.values() if v.get(attname)}
                missing = wanted - set(parsed[target])
                for chunk in _chunks(missing):
                    missing -= set(target.objects.filter(pk__in=chunk).values_list("pk", flat=True))
                for pk, (values, row) in list(records.items()):
                    if values.get(attname) in missing:
                        column = attname if attname != "taxonomy_detail_id" else "taxonomy_id"
                        problems.append(
                            Problem(
                                row.file,
                                row.where,
                                column,
                                _("Unknown reference: no %(table)s with id %(id)s.")
                                % {"table": target.HSDS_NAME, "id": values[attname]},
                                row.seq,
                            )
                        )
                        del records[pk]
                        dropped = True
        if not dropped:
            return problems


def _compute(model, instances):
    if hasattr(model, "search_text"):
        for obj in instances:
            obj.search_text = obj.searchable_text()
    if model is m.ServiceArea:
        m.ServiceArea.match_counties(instances)


def _compared(model):
    fields = [attname for _column, attname in model.hsds_columns()]
    if hasattr(model, "search_text"):
        fields.append("search_text")
    if model is m.ServiceArea:
        fields.append("county_id")
    return fields


def plan(model, records):
    """(new instances, changed instances, changed fields, unchanged count) for one table."""
    held = {}
    for chunk in _chunks(records):
        held.update(model.objects.in_bulk(chunk))
    fields = _compared(model)
    now = timezone.now()
    new, changed, touched, same = [], [], set(), 0
    instances = []
    for pk, (values, _row) in records.items():
        obj = model(**values)
        if model is m.Service and "last_modified" not in values:
            obj.last_modified = held[pk].last_modified if pk in held else now
        instances.append(obj)
    _compute(model, instances)
    for obj in instances:
        old = held.get(obj.pk)
        if old is None:
            new.append(obj)
            continue
        differ = [f for f in fields if getattr(old, f) != getattr(obj, f)]
        if differ:
            for local in model.LOCAL_FIELDS:  # ours, never in an HSDS file: kept as they are
                attname = model._meta.get_field(local).attname
                if attname not in fields:
                    setattr(obj, attname, getattr(old, attname))
            changed.append(obj)
            touched.update(differ)
        else:
            same += 1
    return new, changed, sorted(touched), same


def import_rows(rows, *, dry_run=False, skip_invalid=False, progress=None):
    """Check and write `rows` (from reading.read); returns a Report, raises ImportFailed."""
    report = Report()
    parsed, problems = check(rows)
    problems += check_references(parsed)
    problems.sort(key=lambda p: p.seq)
    report.problems = problems
    if problems and not skip_invalid:
        raise ImportFailed(problems)
    report.skipped = len({(p.file, p.where) for p in problems})
    total = sum(len(r) for r in parsed.values())
    done = 0
    with transaction.atomic():
        for model in TABLES:
            records = parsed[model]
            if not records:
                continue
            new, changed, fields, same = plan(model, records)
            report.created[model.HSDS_TABLE] = len(new)
            report.changed[model.HSDS_TABLE] = len(changed)
            report.unchanged[model.HSDS_TABLE] = same
            if not dry_run:
                model.objects.bulk_create(new, batch_size=BATCH)
                if changed:
                    model.objects.bulk_update(changed, fields, batch_size=BATCH)
            done += len(records)
            if progress is not None:
                progress(done, total)
    return report
