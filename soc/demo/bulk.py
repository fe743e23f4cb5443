"""Light rows for the generator, and a writer that inserts them without the ORM's per-value work.

Drafting 100,000 families through model instances and `bulk_create` spends most of its time in
Django's per-field preparation. Here a draft is made of `Row`s: plain objects with the model's
field names and defaults (and a few of its properties), so the generator's code reads the same.
`Writer.insert` gives a list of rows ids from the table's own sequence, then writes them in one
statement: PostgreSQL's COPY, or one `executemany` on SQLite. Values are converted only where
the database needs it (dates and times on SQLite, UUIDs where there is no native type).

Related rows are referenced by object (`membership.team = team`): parents are inserted first,
so their ids are known when a child's row is built.
"""

from datetime import UTC

from django.db import connection, models

from soc.accounts.models import User
from soc.families.models import Family, Person
from soc.teams.models import Attendance, Meeting, Membership, NextStep, Team
from soc.textsearch import fill_folded

PLAIN_FIELDS = (models.CharField, models.TextField, models.BooleanField, models.IntegerField)
_CALL = object()  # the field's default is a callable: call it when the row is written


class Row:
    """A model row not yet written: attributes are the model's field names."""

    model = None
    id = None

    def __init__(self, **fields):
        self.__dict__.update(fields)

    @property
    def pk(self):
        return self.id

    def __repr__(self):
        return f"<{type(self).__name__} {self.id}>"


def row_class(model, *borrowed):
    """A Row subclass for `model`, with its field defaults and the `borrowed` attributes."""
    attributes = {"model": model, "__module__": __name__}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.is_relation:
            attributes[field.name] = None
        elif field.has_default() and callable(field.default):
            attributes[field.name] = _CALL
        else:
            attributes[field.name] = field.get_default()
    for name in borrowed:
        attributes[name] = model.__dict__[name]
    return type(f"{model.__name__}Row", (Row,), attributes)


UserRow = row_class(User)
FamilyRow = row_class(Family)
PersonRow = row_class(Person, "CHILD_ROLES", "full_name", "is_child", "age")
TeamRow = row_class(Team)
MembershipRow = row_class(Membership, "FAMILY_ROLES", "is_family")
MeetingRow = row_class(Meeting)
AttendanceRow = row_class(Attendance)
NextStepRow = row_class(NextStep)


def _plain(value):
    # Choices are str subclasses (enums); drivers should see the plain value.
    return value if value is None or type(value) is str else str(value)


def _sqlite_datetime(value):
    # What Django stores on SQLite: naive UTC, str() format.
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return str(value)


def _sqlite_date(value):
    return None if value is None else value.isoformat()


def _hex(value):
    return None if value is None else value.hex


def _related_id(value):
    return None if value is None else value.pk


class Writer:
    """Inserts rows table by table on the current connection; one query per call and table."""

    def __init__(self):
        self.vendor = connection.vendor
        self._columns = {}

    def columns(self, model):
        """[(attribute, column, convert or None)] for every concrete field but the id."""
        if model not in self._columns:
            sqlite = self.vendor == "sqlite"
            native_uuid = connection.features.has_native_uuid_field
            columns = []
            for field in model._meta.concrete_fields:
                if field.primary_key:
                    continue
                if field.is_relation:
                    convert = _related_id
                elif isinstance(field, models.DateTimeField):
                    convert = _sqlite_datetime if sqlite else None
                elif isinstance(field, models.DateField):
                    convert = _sqlite_date if sqlite else None
                elif isinstance(field, models.UUIDField):
                    convert = None if native_uuid else _hex
                elif field.choices:
                    convert = _plain
                elif isinstance(field, PLAIN_FIELDS):
                    convert = None
                else:  # anything else takes the ORM's road, value by value
                    convert = _orm_converter(field)
                columns.append((field, field.name, field.column, convert))
            self._columns[model] = columns
        return self._columns[model]

    def new_ids(self, model, count):
        """`count` fresh ids for `model`'s table, taken so that nobody else gets them."""
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            # SQLite has one writer at a time. AUTOINCREMENT remembers the highest id ever
            # given, so ids of deleted rows (which audit events may name) are not reused.
            cursor.execute(
                f"SELECT max(coalesce((SELECT max(id) FROM {connection.ops.quote_name(table)}), 0),"  # noqa: S608  # nosec B608
                " coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
                [table],
            )
            first = cursor.fetchone()[0] + 1
            return range(first, first + count)

    def insert(self, model, rows):
        """Give `rows` ids and write them; returns how many."""
        if not rows:
            return 0
        folded = getattr(model, "FOLDED", None)
        for row, new_id in zip(rows, self.new_ids(model, len(rows)), strict=True):
            row.id = new_id
            if folded:
                # No save() runs here, and search reads only the stored folded text.
                fill_folded(row, folded)
        columns = self.columns(model)
        values = [self.values(row, columns) for row in rows]
        names = ["id"] + [column for _, _, column, _ in columns]
        table = connection.ops.quote_name(model._meta.db_table)
        quoted = ", ".join(connection.ops.quote_name(n) for n in names)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(names))
                cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", values)  # noqa: S608  # nosec B608
        return len(rows)

    @staticmethod
    def values(row, columns):
        values = [row.id]
        for field, name, _, convert in columns:
            value = getattr(row, name)
            if value is _CALL:
                value = field.get_default()
            if convert is not None:
                value = convert(value)
            values.append(value)
        return values


def _orm_converter(field):
    def convert(value):
        return field.get_db_prep_save(value, connection)

    return convert
