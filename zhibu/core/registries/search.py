"""One search box over every ledger the user may see.

Each ledger registers a provider `(user, text) -> QuerySet | list` that starts from its own
scoped selector, so search can never show a row the user could not open. Matching is a plain
substring (`icontains`): Chinese has no spaces, and a two-character word such as 包教 must match,
which trigram similarity alone would miss. On PostgreSQL the searched columns carry pg_trgm GIN
indexes (core migration 0003) so longer queries stay fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

from django.urls import NoReverseMatch

from .. import policy

MIN_LENGTH = 2
PER_PROVIDER = 20


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    perm: str
    find: Callable[[object, str], Iterable]
    order: int = 100


@dataclass
class Hit:
    label: str
    title: str
    url: str | None


_PROVIDERS: dict[str, Provider] = {}


def register(name: str, *, label: str, perm: str, order: int = 100):
    def decorator(find: Callable[[object, str], Iterable]):
        _PROVIDERS[name] = Provider(name, str(label), perm, find, order)
        return find

    return decorator


def _url(obj) -> str | None:
    try:
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
    except NoReverseMatch:
        return None


def _first(found: Iterable, n: int) -> list:
    """The first n matches; a queryset (or list) is cut by slicing — LIMIT in the database — so a
    provider's thousands of matches are never all loaded to keep twenty."""
    if hasattr(found, "__getitem__"):
        return list(found[:n])
    return list(islice(found, n))


def run(user, text: str) -> list[Hit]:
    text = text.strip()
    if len(text) < MIN_LENGTH:
        return []
    hits: list[Hit] = []
    for provider in sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.name)):
        if not policy.has_perm(user, provider.perm):
            continue
        for obj in _first(provider.find(user, text), PER_PROVIDER):
            hits.append(Hit(provider.label, str(obj), _url(obj)))
    return hits
