"""`import_rows`: write HSDS rows into the directory, all or nothing, by UUID.

A record already held is updated (only when something changed), a new one created; nothing is
deleted. Every row is checked first (fields, then references to other records, in this import or
already held); with errors nothing is written, unless `skip_invalid`, when the bad rows (and rows
that need them) are left out and listed. Writes are bulk (transfer.writing), a batch at a
time, and all happen in one transaction: an import stopped halfway leaves nothing behind.
Costs grow with the rows, never with a query or savepoint per row (issue #13: 50,000 services
in a minute).
"""

import functools
import operator
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from soc.accounts.models import County
from soc.audit.log import record

from .. import models as m
from .. import vocabulary
from ..models.base import folded
from . import writing
from .bulkload import BulkLoad
from .nesting import TABLES
from .reading import Problem
from .values import convert

STEP = 5000  # records planned and written at a time, the progress bar's step


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


def _chunks(items, size):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


@functools.cache
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
                wanted = {v.get(attname) for v, _row in records.values()} - {None}
                missing = {pk for pk in wanted if pk not in parsed[target]}
                missing -= set(writing.held(target, missing, ()))
                if not missing:
                    continue
                for pk, (values, row) in list(records.items()):
                    if values.get(attname) in missing:
                        problems.append(_unknown(row, attname, target, values[attname]))
                        del records[pk]
                        dropped = True
        if not dropped:
            return problems


def _unknown(row, attname, target, pk):
    column = attname if attname != "taxonomy_detail_id" else "taxonomy_id"
    return Problem(
        row.file,
        row.where,
        column,
        _("Unknown reference: no %(table)s with id %(id)s.")
        % {"table": target.HSDS_NAME, "id": pk},
        row.seq,
    )


def _search_text(*parts):
    """models.base.folded, without its character-by-character walk for plain ASCII text."""
    text = " ".join(p for p in parts if p)
    return text.lower() if text.isascii() else folded(text)


def _derive(model, full, counties):
    """Our columns computed from the HSDS ones: the folded search text, the county of an area."""
    if model.SEARCHED:
        full["search_text"] = _search_text(*(full[f] for f in model.SEARCHED))
    if model is m.ServiceArea:
        full["county_id"] = counties.get(m.ServiceArea.county_key(full["name"] or ""))


@functools.cache
def _compared(model):
    fields = [attname for _column, attname in model.hsds_columns()]
    if model.SEARCHED:
        fields.append("search_text")
    if model is m.ServiceArea:
        fields.append("county_id")
    return tuple(fields)


def _blank(model):
    """What a column holds when the file leaves it out."""
    return {
        f.attname: f.get_default()
        for f in model._meta.concrete_fields
        if not (f.has_default() and callable(f.default))
    }


@dataclass
class Plan:
    """What one batch of a table's records does: rows to insert, rows to change (the compared
    columns only: ours, such as capacity or who verified, stay), the columns that change."""

    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    touched: set = field(default_factory=set)
    same: int = 0


def plan(model, batch, held, context):
    """The Plan for `batch` ((id, (values, row)) pairs) given the `held` rows (writing.held)."""
    fields = _compared(model)
    ordered = operator.itemgetter(*fields)
    blank, now, counties = _blank(model), context["now"], context["counties"]
    out = Plan()
    for pk, (values, _row) in batch:
        full = blank | values
        old = held.get(pk)
        if model is m.Service and "last_modified" not in values:
            full["last_modified"] = old[fields.index("last_modified")] if old else now
        _derive(model, full, counties)
        if old is None:
            out.new.append(full)
            continue
        if ordered(full) == old:
            out.same += 1
            continue
        out.touched.update(f for f, was in zip(fields, old, strict=True) if was != full[f])
        out.changed.append(full)
    return out


def _remember_words(rows):
    """The words of the public services written join the vocabulary search corrects typos to."""
    public = m.Service.PUBLIC_STATUSES
    vocabulary.remember([r["search_text"] for r in rows if r["status"] in public])


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
    context = {"now": timezone.now(), "counties": _counties()}
    load = BulkLoad()
    with transaction.atomic():
        held = {model: writing.held(model, parsed[model], _compared(model)) for model in TABLES}
        if not dry_run:
            load.set_aside({model: len(parsed[model]) - len(held[model]) for model in TABLES})
        for model in TABLES:
            records = parsed[model]
            if not records:
                continue
            created = changed = same = 0
            for batch in _chunks(records.items(), STEP):
                step = plan(model, batch, held[model], context)
                if not dry_run:
                    writing.insert(model, step.new)
                    writing.update(model, step.changed, sorted(step.touched))
                    if model is m.Service:
                        _remember_words(step.new + step.changed)
                created, changed = created + len(step.new), changed + len(step.changed)
                same += step.same
                done += len(batch)
                if progress is not None:
                    progress(done, total)
            report.created[model.HSDS_TABLE] = created
            report.changed[model.HSDS_TABLE] = changed
            report.unchanged[model.HSDS_TABLE] = same
        load.restore()
        if not dry_run:
            new, changed, _same = report.totals
            detail = {"source": source, "new": new, "changed": changed, "skipped": report.skipped}
            record(None, "directory.imported", detail=detail)
    return report


def _counties():
    return {m.ServiceArea.county_key(c.name): c.id for c in County.objects.all()}
