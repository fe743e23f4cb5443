"""Reading HSDS files into flat rows, one per record, each knowing where it came from.

JSON: a single document (service, organization, service_at_location, location, taxonomy,
taxonomy_term), a list of them, a page of them (`contents`), or tabular JSON (one list per
table). CSV: the HSDS CSV package, a directory with one file per table (organizations.csv, ...).
Nested records become rows of their own, linked to their parent as the nesting says.
"""

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .. import documents as d
from .. import models as m
from .nesting import BY_NAME, BY_TABLE, CHILDREN


@dataclass(slots=True)
class Row:
    model: type
    data: dict
    file: str
    where: str  # "row 3" in a CSV file, "contents[0].phones[1]" in JSON
    seq: int = 0  # the row's place in the file(s), set by importing.check


@dataclass
class Problem:
    file: str
    where: str
    field: str
    message: str
    seq: int = 0  # the row's place in the file(s), so problems list in reading order

    def __str__(self):
        field = f", {self.field}" if self.field else ""
        return f"{self.file}, {self.where}{field}: {self.message}"


class Unreadable(Exception):
    def __init__(self, problem):
        super().__init__(str(problem))
        self.problem = problem


def read(path):
    """Every row in the file or CSV package at `path`."""
    path = Path(path)
    if path.is_dir():
        return read_csv_package(path)
    if path.suffix.lower() == ".csv":
        return read_csv(path)
    if path.name == "datapackage.json":
        return read_csv_package(path.parent)
    return read_json(path)


def read_csv_package(folder):
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise Unreadable(Problem(folder.name, "", "", _("No HSDS CSV files in this folder.")))
    rows = []
    for file in files:
        rows += read_csv(file)
    return rows


def read_csv(file):
    model = BY_TABLE.get(file.stem)
    if model is None:
        raise Unreadable(Problem(file.name, "", "", _("Not an HSDS table name.")))
    where = _("row %(n)s")  # translated once per file, not once per row
    try:
        with file.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, [])
            width = len(header)
            rows = []
            for record in reader:
                if not record:  # csv.DictReader skips blank lines too
                    continue
                if len(record) > width:
                    raise Unreadable(
                        Problem(
                            file.name,
                            where % {"n": reader.line_num},
                            "",
                            _("More values than columns."),
                        )
                    )
                if len(record) < width:  # missing trailing values read as left out
                    record += [None] * (width - len(record))
                data = dict(zip(header, record, strict=True))
                rows.append(Row(model, data, file.name, where % {"n": reader.line_num}))
            return rows
    except UnicodeDecodeError:
        raise Unreadable(Problem(file.name, "", "", _("Not UTF-8 text."))) from None
    except csv.Error as error:
        raise Unreadable(Problem(file.name, "", "", str(error))) from None


def read_json(file):
    try:
        document = json.loads(file.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Unreadable(
            Problem(file.name, "", "", _("Not valid JSON: %(e)s") % {"e": error})
        ) from None
    rows = []
    if isinstance(document, dict) and _is_tabular(document):
        for key, records in document.items():
            model = BY_NAME.get(key) or BY_TABLE.get(key.removesuffix(".csv"))
            if not isinstance(records, list):
                raise Unreadable(Problem(file.name, key, "", _("Expected a list of records.")))
            for i, record in enumerate(records):
                _flatten(rows, model, record, file.name, f"{key}[{i}]", {})
        return rows
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items, prefix = document["contents"], "contents"
    elif isinstance(document, list):
        items, prefix = document, ""
    else:
        items, prefix = [document], None
    for i, item in enumerate(items):
        where = f"{prefix}[{i}]" if prefix is not None else _("the document")
        if not isinstance(item, dict):
            rows.append(Row(None, item, file.name, where))
            continue
        _flatten(rows, _kind(file.name, item), item, file.name, where, {})
    return rows


def _is_tabular(document):
    keys = list(document)
    return (
        bool(keys)
        and all(k in BY_NAME or k.removesuffix(".csv") in BY_TABLE for k in keys)
        and all(isinstance(v, list) for v in document.values())
    )


def _kind(filename, item):
    """Which HSDS entity a free-standing document is: by file name, else by its keys."""
    name = filename.lower()
    for hint, model in (
        ("service_at_location", m.ServiceAtLocation),
        ("taxonomy_term", m.TaxonomyTerm),
        ("taxonomy", m.Taxonomy),
        ("organization", m.Organization),
        ("service", m.Service),
        ("location", m.Location),
    ):
        if hint in name:
            return model
    if "location_type" in item:
        return m.Location
    if "status" in item:
        return m.Service
    if {"service_id", "location_id", "service", "location"} & set(item) and "name" not in item:
        return m.ServiceAtLocation
    if {"taxonomy_detail", "term_uri", "parent_id", "code", "taxonomy_id"} & set(item):
        return m.TaxonomyTerm
    if "version" in item and "email" not in item:
        return m.Taxonomy
    return m.Organization


def _flatten(rows, model, record, file, where, implied):
    """Add `record` and everything nested in it; `implied` are links its parent gives it."""
    if not isinstance(record, dict):
        rows.append(Row(model, record, file, where))
        return
    own, nested = {}, []
    children = CHILDREN.get(model, {})
    for key, value in record.items():
        branch = children.get(key)
        many = isinstance(branch, d.Many) or key in ("attributes", "metadata")
        if (many and isinstance(value, list)) or (
            isinstance(branch, d.One) and isinstance(value, dict)
        ):
            nested.append((key, value))
        else:
            own[key] = value
    for key, value in implied.items():
        own.setdefault(key, value)
    rows.append(Row(model, own, file, where))
    record_id = record.get("id")
    for key, value in nested:
        path = f"{where}.{key}"
        if key == "attributes":
            link = {"link_id": record_id, "link_entity": model.HSDS_NAME}
            for i, child in enumerate(value):
                _flatten(rows, m.Attribute, child, file, f"{path}[{i}]", link)
            continue
        if key == "metadata":
            link = {"resource_id": record_id, "resource_type": model.HSDS_NAME}
            for i, child in enumerate(value):
                _flatten(rows, m.Metadata, child, file, f"{path}[{i}]", link)
            continue
        branch = children[key]
        if isinstance(value, list):
            link = {_column(branch.model, branch.parent_field): record_id}
            for i, child in enumerate(value):
                _flatten(rows, branch.model, child, file, f"{path}[{i}]", link)
        else:
            own.setdefault(_column(model, branch.own_field), value.get("id"))
            _flatten(rows, branch.model, value, file, path, {})


def _column(model, attname):
    renamed = {v: k for k, v in model.HSDS_RENAMES.items()}
    return renamed.get(attname, attname)
