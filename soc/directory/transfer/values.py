"""One HSDS row's values, checked and converted to what the model stores.

Each problem names the field and says what is wrong in words a data manager understands:
a required field left out, a malformed UUID, a number where text belongs, a value outside the
standard's list.
"""

import datetime
import functools
import re
import uuid

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.translation import gettext as _


class Invalid(ValueError):
    pass


def _text(value, csv):
    if isinstance(value, str):
        return value
    # A number where text belongs (an identifier such as 1234567) reads as that text.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise Invalid(_("Expected text, found %(value)s.") % {"value": _shown(value)})


# How str(uuid.UUID(...)) writes one, as nearly every file does.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid(value, csv):
    """A UUID in its canonical text form. Ids stay text while an import works with them: a
    string hashes and compares in C, a uuid.UUID in Python, and an import hashes ids millions
    of times. The database reads either."""
    if not isinstance(value, str):
        raise Invalid(_("Expected a UUID, found %(value)s.") % {"value": _shown(value)})
    if _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise Invalid(_("Not a valid UUID: %(value)s.") % {"value": _shown(value)}) from None


def _number(value, csv, whole):
    if csv and isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise Invalid(
                _("Expected a number, found %(value)s.") % {"value": _shown(value)}
            ) from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(_("Expected a number, found %(value)s.") % {"value": _shown(value)})
    if whole:
        if not float(value).is_integer():
            raise Invalid(_("Expected a whole number, found %(value)s.") % {"value": _shown(value)})
        return int(value)
    return float(value)


def _parsed(parse, example):
    def convert(value, csv):
        if isinstance(value, str):
            try:
                parsed = parse(value.strip().replace("Z", "+00:00"))
            except ValueError:
                parsed = None
            if parsed is not None:
                return parsed
        raise Invalid(
            _("Expected a value like %(example)s, found %(value)s.")
            % {"example": example, "value": _shown(value)}
        )

    return convert


def _datetime(value, csv):
    when = _parsed(parse_datetime, "2024-05-01T09:30:00Z")(value, csv)
    return when if timezone.is_aware(when) else timezone.make_aware(when, datetime.UTC)


def _shown(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _converter(field):
    if is_uuid(field):
        return _uuid
    if isinstance(field, models.IntegerField):
        return functools.partial(_number, whole=True)
    if isinstance(field, models.FloatField):
        return functools.partial(_number, whole=False)
    if isinstance(field, models.DateTimeField):
        return _datetime
    if isinstance(field, models.DateField):
        return _parsed(parse_date, "2024-05-01")
    if isinstance(field, models.TimeField):
        return _parsed(parse_time, "09:30")
    return _text


def is_uuid(field):
    """Whether the column holds a UUID: its own or that of the record it points at."""
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    return isinstance(field, models.UUIDField)


@functools.cache
def columns(model):
    """column -> (attname, converter, choices or None) for the model's HSDS columns."""
    fields = {f.attname: f for f in model._meta.concrete_fields}
    out = {}
    for column, attname in model.hsds_columns():
        field = fields[attname]
        choices = {str(v) for v, _label in field.choices} - {""} if field.choices else None
        out[column] = (attname, _converter(field), choices)
    return out


@functools.lru_cache(maxsize=512)
def _steps(model, keys):
    """For rows with these keys: the unknown columns, and per HSDS column in the standard's
    order either how to read it or None (a required column the rows leave out). Rows of one CSV
    file share their keys, so this is worked out once per file, not once per row."""
    known = columns(model)
    unknown = tuple(column for column in keys if column not in known)
    required, may_be_empty, present = model.hsds_required(), model.MAY_BE_EMPTY, set(keys)
    steps = []
    for column, (attname, converter, choices) in known.items():
        if column in present:
            text = converter is _text and choices is None
            steps.append(
                (
                    column,
                    attname,
                    converter,
                    choices,
                    text,
                    attname in required,
                    attname in may_be_empty,
                )
            )
        elif attname in required:
            steps.append((column, None, None, None, False, True, False))
    return unknown, tuple(steps)


def convert(model, data, from_csv):
    """(values by attname, [(column, message)]) for one row."""
    values, problems = {}, []
    unknown, steps = _steps(model, tuple(data))
    for column in unknown:
        problems.append(
            (column, _("Not a field of %(table)s in HSDS 3.0.") % {"table": model.HSDS_NAME})
        )
    for column, attname, converter, choices, text, required, may_be_empty in steps:
        raw = None if attname is None else data[column]
        if raw is None or (raw == "" and not may_be_empty):
            if required and not may_be_empty:
                problems.append((column, _("Required, but missing.")))
            continue
        if text and raw.__class__ is str:
            values[attname] = raw
            continue
        try:
            value = converter(raw, from_csv)
        except Invalid as error:
            problems.append((column, str(error)))
            continue
        if choices is not None and value not in choices:
            problems.append(
                (
                    column,
                    _("Must be one of: %(choices)s.") % {"choices": ", ".join(sorted(choices))},
                )
            )
            continue
        values[attname] = value
    return values, problems
