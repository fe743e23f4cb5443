"""Search that ignores case and accents the same way on PostgreSQL and SQLite.

"hernandez" finds "Hernández" and "PEÑA" finds "Peña": text is decomposed (NFD), its combining
marks dropped and the rest lower-cased, in Python for the search terms and in SQL for the
columns. PostgreSQL does it with built-in functions (no `unaccent` extension to install);
SQLite has no such functions, so the same Python function is registered on the connection.
Phone numbers compare by their digits only. These expressions use no index: callers first
narrow the rows to the user's own families (the policy's filters), which are indexed.

Text searched on every request is better stored folded (`KeepsFoldedText`, filled in Python
when a row is written) than folded per row at query time: the staff search door compares
families, people, members, meetings and next steps that way.
"""

import re
import unicodedata

from django.db.models import CharField, F, Func, TextField, Value
from django.db.models.functions import Concat

_MARKS = "[\u0300-\u036f]"  # combining diacritical marks
_NOT_DIGITS = re.compile(r"\D")


def fold(text):
    """'Sofía HERNÁNDEZ' -> 'sofia hernandez'."""
    decomposed = unicodedata.normalize("NFD", text or "")
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f").lower()


def digits(text):
    return _NOT_DIGITS.sub("", text or "")


def _register_on_sqlite(connection):
    # Registering is cheap and idempotent; doing it where the SQL is compiled means every
    # connection that runs these expressions has the functions, whenever it was opened.
    connection.ensure_connection()
    raw = connection.connection
    raw.create_function("soc_fold", 1, fold, deterministic=True)
    raw.create_function("soc_digits", 1, digits, deterministic=True)


class Folded(Func):
    """The column without accents, in lower case (see `fold`)."""

    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="lower(regexp_replace(normalize(%(expressions)s, NFD), %%s, '', 'g'))",
            **extra,
        )

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        if connection.vendor == "postgresql":
            return sql, (*params, _MARKS)
        return sql, params

    def as_sqlite(self, compiler, connection, **extra):
        _register_on_sqlite(connection)
        return super().as_sql(compiler, connection, function="soc_fold", **extra)


class Digits(Func):
    """Only the digits of the column: '(919) 555-0100' -> '9195550100'."""

    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="regexp_replace(%(expressions)s, '[^0-9]', '', 'g')",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        _register_on_sqlite(connection)
        return super().as_sql(compiler, connection, function="soc_digits", **extra)


def full_name(first="first_name", last="last_name"):
    return Concat(first, Value(" "), last, output_field=CharField())


def terms(query, limit=5):
    """The folded words of a query, at most `limit` of them (each must match)."""
    return [word for word in fold(query).split() if word][:limit]


def phone_digits(query):
    """The digits of a query that is a phone number ('919-555-0100'), else ''."""
    if re.fullmatch(r"[\d\s().+\-]+", query or "") and len(digits(query)) >= 4:
        return digits(query)
    return ""


def folded_field():
    """A column holding `fold` of other columns, kept by `KeepsFoldedText` (not a form field)."""
    # db_default too: while a deploy rolls out, code that does not know the column yet can
    # still insert rows into a migrated database.
    return TextField(blank=True, default="", db_default="", editable=False)


def fill_folded(obj, folded, only=None):
    """Set each stored column of `folded` ({column: source fields}) from its sources.

    Also for rows that never pass through `save`: bulk_create and the demo's bulk writer."""
    for column, sources in folded.items():
        if only is None or not only.isdisjoint(sources):
            setattr(obj, column, fold(" ".join(getattr(obj, s) or "" for s in sources)))


class KeepsFoldedText:
    """Stores the folded text search compares with, so no row is folded at query time: folding
    every note of a user's ~500 meetings per search was most of what the search door cost.

    `FOLDED` maps a stored column to the fields it folds (joined by a space). A save limited by
    `update_fields` refreshes, and writes, only the columns whose sources it writes."""

    FOLDED = {}

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            fill_folded(self, self.FOLDED)
        else:
            written = set(update_fields)
            fill_folded(self, self.FOLDED, only=written)
            stale = [c for c, sources in self.FOLDED.items() if not written.isdisjoint(sources)]
            kwargs["update_fields"] = [*update_fields, *(c for c in stale if c not in written)]
        super().save(*args, **kwargs)


class FoldedTextQuerySet:
    """Keeps `KeepsFoldedText` columns current on the writes that skip `save`: `update()` and
    `bulk_create()`. An update that sets only some of a column's sources folds in SQL, the
    others read from the row as it was."""

    def update(self, **values):
        for column, sources in self.model.FOLDED.items():
            if column in values or values.keys().isdisjoint(sources):
                continue
            parts = [values.get(s, F(s)) for s in sources]
            if all(isinstance(p, str) for p in parts):
                values[column] = fold(" ".join(parts))
                continue
            parts = [Value(p) if isinstance(p, str) else p for p in parts]
            joined = [parts[0]]
            for part in parts[1:]:
                joined += [Value(" "), part]
            text = Concat(*joined, output_field=TextField()) if len(joined) > 1 else joined[0]
            values[column] = Folded(text)
        return super().update(**values)

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            fill_folded(obj, self.model.FOLDED)
        return super().bulk_create(objs, *args, **kwargs)
