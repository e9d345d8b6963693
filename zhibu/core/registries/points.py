"""The points registry (积分): the actions in the ledgers that earn a member points.

A ledger registers a source of facts — one row per action a member did, with its day — and the
appraisal app's rules (per branch, as data: points per fact, a cap per period, effective dates)
turn facts into points. A member's points are always computed from the ledgers, never stored as a
counter that could drift; each fact links to its record, so the total is explained line by line.

    @points.register("meetings.attended", label=_("参加组织生活"), url="meetings:detail")
    def attended(org_ids, start, end) -> QuerySet: ...

The function returns ONE queryset (never a list built in Python) of dicts with the keys
`person_id`, `day` (a date), `record_id` (the pk passed to `url`'s reverse) and `title` (what the
explanation line shows beside the day: "支部党员大会" — never a student's or a visited person's
name), for the organisations `org_ids` (a list or a subquery of ids) and the days start..end
inclusive. One query per source whatever the number of branches or members: the appraisal app
groups it further by person and day (`.values("person_id", "day").annotate(...)`), filters it by
`person_id`, and orders it by `day` and `record_id`, so each key must be a field or an annotation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class Source:
    code: str
    label: str
    url: str  # the URL name of a record's page, reversed with the record id
    facts: Callable[[Any, Any, Any], Any]  # (org_ids, start, end) -> QuerySet of dicts


_SOURCES: dict[str, Source] = {}


def register(code: str, *, label: str, url: str):
    def decorator(func: Callable[[Any, Any, Any], Any]):
        _SOURCES[code] = Source(code, str(label), url, func)
        return func

    return decorator


def get(code: str) -> Source:
    try:
        return _SOURCES[code]
    except KeyError:
        raise Http404 from None


def label_of(code: str) -> str:
    """The source's label, or the code itself for a source no longer registered."""
    source = _SOURCES.get(code)
    return source.label if source else code


def codes() -> set[str]:
    return set(_SOURCES)


def all() -> list[Source]:  # noqa: A001 - read as points.all()
    return sorted(_SOURCES.values(), key=lambda source: source.code)
