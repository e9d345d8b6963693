"""Values derived from an organisation's ledgers, stored until a write could change them.

A dashboard's findings, key-figure cards and charts read the whole subtree of an organisation but
change only when someone writes there (every write moves the organisation's data stamp,
core/stamps.py) or when the day changes (what is overdue, the month so far). So they are stored
under (name, organisation, today, stamp, parts) and computed again only when one of those moves:

    data = stamped.get_or_compute("reports.overview", org, lambda: _overview(org, today))

The values live in the "stamped" cache, which is process memory (LocMemCache): nothing reaches
the disk, and each server worker fills its own copy once per change. Store what a page shows,
never records: a value is pickled, and evidence about minors has no place in a cache.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from . import stamps
from .models import Organisation

ALIAS = "stamped"
TIMEOUT = 24 * 3600  # a day: the key holds today's date anyway
T = TypeVar("T")


def enabled() -> bool:
    return bool(getattr(settings, "ZHIBU_STAMPED_CACHE", True))


def get_or_compute(
    name: str,
    org: Organisation,
    compute: Callable[[], T],
    *,
    parts: tuple[Hashable, ...] = (),
    today: date | None = None,
) -> T:
    """compute(), or what it returned last time for the same name, org, parts and day if nothing
    has been written under or above org since. One query (the stamp) when stored."""
    if not enabled():
        return compute()
    today = today or timezone.localdate()
    key = ":".join(str(p) for p in (name, org.pk, today, stamps.of(org), *parts))
    cache = caches[ALIAS]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
