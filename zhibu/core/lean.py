"""Querysets for reading a whole subtree's records into rules and drafts: without the columns they
never read.

A rule over a bureau loads tens of thousands of rows with their people. Two kinds of column cost
most there and are never shown by a rule: encrypted ones (a person's ID number is decrypted for
every row that joins her) and the row timestamps (two datetimes parsed per row, per related row).

    rows = lean(Liaison.objects.filter(...).select_related("person", "organisation"))

A deferred column is still loaded when read (one query for that row), so use it only where the
rule's code does not read them.
"""

from __future__ import annotations

import functools
import zoneinfo
from datetime import datetime

from django.db.models import DateField, DateTimeField, Model, QuerySet
from django.db.models.functions import Cast, TruncDate, TruncMonth

from .crypto import EncryptedTextField

TIMESTAMPS = ("created_at", "updated_at")


def unread_fields(model: type[Model]) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, EncryptedTextField) or f.name in TIMESTAMPS
    ]


def lean(qs: QuerySet) -> QuerySet:
    """qs deferring the encrypted fields and timestamps of its model and of every model it
    select_related()s (named relations only)."""
    names = list(unread_fields(qs.model))

    def walk(model: type[Model], tree: dict, prefix: str) -> None:
        for name, below in tree.items():
            related = model._meta.get_field(name).related_model
            names.extend(prefix + name + "__" + f for f in unread_fields(related))
            walk(related, below, prefix + name + "__")

    if isinstance(qs.query.select_related, dict):
        walk(qs.model, qs.query.select_related, "")
    return qs.defer(*names) if names else qs


def month_of(field: str) -> Cast:
    """The first day of the month of a date field, as a date. TruncMonth alone makes PostgreSQL
    turn the date into a timestamp with time zone, which the driver parses (with its zone) for
    each of a bureau's tens of thousands of grouped rows, three times slower than a date."""
    return _MonthOf(TruncMonth(field), DateField())


class _MonthOf(Cast):
    def as_sqlite(self, compiler, connection, **extra_context):
        # Django's SQLite truncation is a Python function called for every row (and every grouped
        # attendance row of a bureau's year); SQLite's own date() gives the same first day.
        inner = self.source_expressions[0].source_expressions[0]
        if isinstance(inner.output_field, DateTimeField):
            return super().as_sqlite(compiler, connection, **extra_context)
        sql, params = compiler.compile(inner)
        return f"date({sql}, 'start of month')", params


def local_date(field: str) -> TruncDate:
    """The day in the current time zone of a datetime field, as TruncDate gives it."""
    return _LocalDate(field)


@functools.cache
def _fixed_offset(tzname: str) -> int | None:
    """The zone's offset from UTC in minutes when it is the same in every season of 2000–2100
    (Asia/Shanghai: +480), else None (summer time, or a change of standard time)."""
    zone = zoneinfo.ZoneInfo(tzname)
    seasons = [datetime(year, month, 1, tzinfo=zone) for year in range(2000, 2101) for month in (1, 4, 7, 10)]
    offsets = {moment.utcoffset() for moment in seasons}
    return int(offsets.pop().total_seconds()) // 60 if len(offsets) == 1 else None


class _LocalDate(TruncDate):
    def as_sqlite(self, compiler, connection, **extra_context):
        # Django's SQLite cast is a Python function converting zones for every row: over a bureau's
        # year of attendance it took most of the points figure's 9 s. With a fixed offset SQLite's
        # own date() shifts the stored UTC text to the same local day.
        tzname = self.get_tzname()
        offset = 0 if tzname is None else _fixed_offset(tzname)
        if offset is None:
            return self.as_sql(compiler, connection)
        sql, params = compiler.compile(self.lhs)
        # (whole seconds: SQLite rounds a fraction to milliseconds, and 23:59:59.9999 to the next day)
        return f"date(substr({sql}, 1, 19), %s)", (*params, f"{offset:+d} minutes")
