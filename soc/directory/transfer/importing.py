"""`import_rows`: write HSDS rows into the directory, all or nothing, by UUID.

A record already held is updated (only when something changed), a new one created; nothing is
deleted. Every row is checked first (fields, then references to other records, in this import or
already held); with errors nothing is written, unless `skip_invalid`, when the bad rows (and rows
that need them) are left out and listed. Writes are bulk and happen in one transaction.
"""

from dataclasses import dataclass, field

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.accounts.models import County
from soc.audit.log import record

from .. import models as m
from .. import vocabulary
from ..models.base import folded
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


def _derive(model, full, counties):
    """Our columns computed from the HSDS ones: the folded search text, the county of an area."""
    if model.SEARCHED:
        full["search_text"] = folded(*(full[f] for f in model.SEARCHED))
    if model is m.ServiceArea:
        full["county_id"] = counties.get(m.ServiceArea.county_key(full["name"] or ""))


def _compared(model):
    fields = [attname for _column, attname in model.hsds_columns()]
    if model.SEARCHED:
        fields.append("search_text")
    if model is m.ServiceArea:
        fields.append("county_id")
    return fields


def _blank(model):
    """What a column holds when the file leaves it out."""
    return {
        f.attname: f.get_default()
        for f in model._meta.concrete_fields
        if not (f.has_default() and callable(f.default))
    }


def plan(model, records):
    """(new rows, changed instances, changed fields, unchanged count) for one table.

    Rows stay plain dicts: a model instance per row would cost more than the database does.
    """
    fields = _compared(model)
    held = {}
    for chunk in _chunks(records):
        held.update((r["id"], r) for r in model.objects.filter(pk__in=chunk).values(*fields))
    counties = {}
    if model is m.ServiceArea:
        counties = {m.ServiceArea.county_key(c.name): c.id for c in County.objects.all()}
    blank, now = _blank(model), timezone.now()
    new, changed, touched, same = [], [], set(), 0
    for pk, (values, _row) in records.items():
        full = blank | values
        old = held.get(pk)
        if model is m.Service and "last_modified" not in values:
            full["last_modified"] = old["last_modified"] if old else now
        _derive(model, full, counties)
        if old is None:
            new.append(full)
            continue
        differ = [f for f in fields if old[f] != full[f]]
        if differ:
            # Only the compared columns are written: ours (capacity, who verified) stay.
            changed.append(model(**{f: full[f] for f in fields}))
            touched.update(differ)
        else:
            same += 1
    return new, changed, sorted(touched), same


def _insert(model, rows):
    """Write new rows: COPY on PostgreSQL (the 50,000-service budget needs it), else bulk_create."""
    if not rows:
        return
    concrete = model._meta.concrete_fields
    defaults = {
        f.attname: f.get_default() for f in concrete if f.has_default() and callable(f.default)
    }
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**(defaults | r)) for r in rows], batch_size=BATCH)
        return
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(model._meta.db_table),
        sql.SQL(", ").join(sql.Identifier(f.column) for f in concrete),
    )
    attnames = [f.attname for f in concrete]
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for r in rows:
            full = defaults | r
            copy.write_row([full[a] for a in attnames])


def _remember_words(new, changed):
    """The words of the public services written join the vocabulary search corrects typos to."""
    public = m.Service.PUBLIC_STATUSES
    vocabulary.remember(
        [r["search_text"] for r in new if r["status"] in public]
        + [s.search_text for s in changed if s.status in public]
    )


def import_rows(rows, *, dry_run=False, skip_invalid=False, progress=None, source=""):
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
                _insert(model, new)
                if changed:
                    model.objects.bulk_update(changed, fields, batch_size=BATCH)
                if model is m.Service:
                    _remember_words(new, changed)
            done += len(records)
            if progress is not None:
                progress(done, total)
        if not dry_run:
            new, changed, _same = report.totals
            detail = {"source": source, "new": new, "changed": changed, "skipped": report.skipped}
            record(None, "directory.imported", detail=detail)
    return report
