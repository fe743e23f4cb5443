"""The database side of an import: what is already held, and writing many rows at once.

On PostgreSQL new rows go in with COPY and changed ones through a temporary table and one
UPDATE ... FROM (the 50,000-service budget of issue #13 needs both); elsewhere bulk_create
and bulk_update in batches. Rows are plain dicts by attribute name: a model instance per row
would cost more than the database does.
"""

from contextlib import contextmanager

from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast

from .values import is_uuid

CHUNK = 900  # ids per IN (...) query: under SQLite's parameter limit
BATCH = 1000  # rows per INSERT or UPDATE statement where there is no COPY
SCAN_ITERATOR_CHUNK = 5000


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def held(model, ids, fields):
    """{id: tuple of `fields`} for the records among `ids` the directory already holds, ids and
    other UUIDs as text (as values.convert gives them).

    When the import names most of the table (a second import of the same directory), one scan
    of the table costs less than looking ids up 900 at a time."""
    ids = ids if isinstance(ids, set | dict) else set(ids)
    if not ids:
        return {}
    in_table = model.objects.count()
    if not in_table:
        return {}
    columns, as_text = _readable(model, fields)
    rows = model.objects.order_by().values_list(*columns)
    if in_table <= 3 * len(ids):
        found = rows.iterator(chunk_size=SCAN_ITERATOR_CHUNK)
        return {pk: values for pk, values in map(as_text, found) if pk in ids}
    return {
        pk: values
        for chunk in _chunks(ids)
        for pk, values in map(as_text, rows.filter(pk__in=chunk))
    }


def _readable(model, fields):
    """What to select for the pk and `fields`, and (pk, *values) -> (pk, values) with every
    UUID as text: PostgreSQL casts them, elsewhere Python writes them."""
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    uuids = [i for i, f in enumerate(fields) if is_uuid(by_attname[f])]
    if connection.vendor == "postgresql":
        text = [Cast(f, TextField()) if i in uuids else f for i, f in enumerate(fields)]
        return [Cast("pk", TextField()), *text], lambda row: (row[0], row[1:])

    def convert(row):
        values = row[1:]
        if uuids:
            values = list(values)
            for i in uuids:
                if values[i] is not None:
                    values[i] = str(values[i])
            values = tuple(values)
        return str(row[0]), values

    return ["pk", *fields], convert


def _defaults(model):
    """Callable defaults (a new UUID, now) for the columns an import row may leave out."""
    return {
        f.attname: f.get_default()
        for f in model._meta.concrete_fields
        if f.has_default() and callable(f.default)
    }


def insert(model, rows):
    """Write new rows (dicts holding every column but those with callable defaults)."""
    if not rows:
        return
    defaults = _defaults(model)
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**(defaults | r)) for r in rows], batch_size=BATCH)
        return
    concrete = model._meta.concrete_fields
    attnames = [f.attname for f in concrete]
    with _copy(model._meta.db_table, [f.column for f in concrete]) as copy:
        for r in rows:
            full = defaults | r
            copy.write_row([full[a] for a in attnames])


def update(model, rows, fields):
    """Set `fields` of the records `rows` name (dicts with the id and those fields)."""
    if not rows or not fields:
        return
    if connection.vendor != "postgresql":
        objects = [model(id=r["id"], **{f: r[f] for f in fields}) for r in rows]
        model.objects.bulk_update(objects, fields, batch_size=BATCH)
        return
    by_attname = {f.attname: f.column for f in model._meta.concrete_fields}
    table, columns = model._meta.db_table, [by_attname["id"], *(by_attname[f] for f in fields)]
    quote = connection.ops.quote_name
    temporary = quote(f"import_{table}")
    listed = ", ".join(quote(c) for c in columns)
    assigned = ", ".join(f"{quote(c)} = t.{quote(c)}" for c in columns[1:])
    key = quote(columns[0])
    # Only the columns written, no constraints: the rows are checked already.
    create = f"CREATE TEMPORARY TABLE {temporary} ON COMMIT DROP AS SELECT {listed} FROM {quote(table)} WITH NO DATA"  # noqa: S608  # nosec B608 - names from the model
    change = (
        f"UPDATE {quote(table)} AS d SET {assigned} FROM {temporary} AS t WHERE d.{key} = t.{key}"  # noqa: S608  # nosec B608 - names from the model
    )
    with connection.cursor() as cursor:
        cursor.execute(create)
        with _copy(f"import_{table}", columns) as copy:
            for r in rows:
                copy.write_row([r["id"], *(r[f] for f in fields)])
        cursor.execute(change)
        cursor.execute(f"DROP TABLE {temporary}")


@contextmanager
def _copy(table, columns):
    """COPY table (columns) FROM STDIN on the import's connection, so in its transaction."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        yield copy
