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

from django.db.models import DateField, Model, QuerySet
from django.db.models.functions import Cast, TruncMonth

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
    return Cast(TruncMonth(field), DateField())
