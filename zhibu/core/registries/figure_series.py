"""A figure for many periods at once: the monthly chart and the trend cards ask every figure for a
dozen periods, which was a query per figure and period.

A figure registered with `day=` is a count (or a Sum of `sum_field`) of records each of which lies
in a period by that date. Its queryset over the span covering every period, grouped by that date,
gives each day's number; a period's value is the total of its days — the same records `compute`
counts for the period alone, because the figure filters its records by that same date. Figures
without a day (a (value, records) pair, a stock, a ratio) are computed period by period.
`tests/test_figure_series.py` holds every registered figure with a day to `compute`, period by period.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, QuerySet, Sum

from .. import memo
from ..periods import Period

DAY = "figure_day"


def day_expression(day: Any):
    """A field name (or lookup path) or an expression; a name is taken as it is (a date field or
    an annotation such as study's `day`), `lean.local_date(...)` for datetimes is the figure's to say."""
    return F(day) if isinstance(day, str) else day


def by_day(records: QuerySet, day: Any, sum_field: str | None = None) -> dict[date, Any]:
    """{day: count (or Sum of sum_field)} of records, one grouped query. A distinct queryset (a join
    that could repeat a record) counts each record once, as its count() does."""
    measure = Sum(sum_field) if sum_field else Count("pk", distinct=bool(records.query.distinct))
    rows = records.order_by().annotate(**{DAY: day_expression(day)}).values(DAY).annotate(n=measure)
    found: dict[date, Any] = {}
    for row in rows.values_list(DAY, "n"):
        key = row[0].date() if hasattr(row[0], "date") else row[0]
        found[key] = found.get(key, 0) + (row[1] or 0)
    return found


def bucket(per_day: dict[date, Any], periods: Iterable[Period], zero: Any = 0) -> list:
    """Each period's total of the days inside it."""
    return [sum((v for d, v in per_day.items() if d in period), zero) for period in periods]


def covering(periods: list[Period]) -> Period:
    return Period.span(min(p.start for p in periods), max(p.end for p in periods))


def series_of(spec, org, periods: list[Period], compute, **params) -> list:
    """`compute(code, org, period, **params)` is the registry's, for figures without a day."""
    periods = list(periods)
    if not periods:
        return []
    if spec.series is not None:
        return list(spec.series(org, periods, **params))
    if spec.day is None:
        return [compute(spec.code, org, p, **params).value for p in periods]
    records = spec.func(org, covering(periods), **params)
    if isinstance(records, tuple):
        raise TypeError(f"figure {spec.code} has a day but returns a (value, records) pair")
    if spec.sum_field and records.query.distinct:
        # a Sum over a join that repeats records is only right over the distinct rows: per period
        return [compute(spec.code, org, p, **params).value for p in periods]
    zero = Decimal("0") if spec.sum_field else 0
    return bucket(_days(spec, org, covering(periods), params, records), periods, zero)


def _days(spec, org, span: Period, params: dict, records: QuerySet) -> dict[date, Any]:
    """by_day of the figure's records over span. Within a unit of work (core/memo.py) the days of a
    span already read that covers this one serve again: a dashboard's key-figure cards compare
    days its monthly chart has read. A day's number is the same whatever the span around it."""
    store = memo.store()
    try:
        key = ("figure_days", spec.code, getattr(org, "pk", org), tuple(sorted(params.items())))
        hash(key)
    except TypeError:
        store = None
    if store is None:
        return by_day(records, spec.day, spec.sum_field)
    read: list[tuple[Period, dict[date, Any]]] = store.setdefault(key, [])
    for known, per_day in read:
        if known.start <= span.start and span.end <= known.end:
            return per_day  # (bucket() takes each period's own days)
    per_day = by_day(records, spec.day, spec.sum_field)
    read.append((span, per_day))
    return per_day
