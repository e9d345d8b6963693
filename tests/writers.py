"""Concurrent writers: each one writes ledger rows (study notes) through the service for a few
seconds and counts its commits, its "database is locked" errors and how long each write took.

Used by tests/test_concurrent_writers.py (threads, a few seconds) and bench/bench_writers.py
(processes, longer). A write's time is the whole service call: waiting for the write lock, then
validating, inserting the row and its audit entry, and committing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from django.db import OperationalError, close_old_connections, connection


@dataclass
class WriterResult:
    commits: int = 0
    locked: int = 0
    latencies: list[float] = field(default_factory=list)

    @property
    def longest(self) -> float:
        return max(self.latencies, default=0.0)


def write_notes(*, user_id: int, org_id: int, person_id: int, seconds: float, tag: str) -> WriterResult:
    """Write study notes through `note_create` until `seconds` have passed, on this thread's own
    connection (closed at the end)."""
    from zhibu.core.models import Organisation, Person, User
    from zhibu.study.services.personal import note_create

    close_old_connections()
    actor = User.objects.get(pk=user_id)
    org = Organisation.objects.get(pk=org_id)
    person = Person.objects.get(pk=person_id)
    result = WriterResult()
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                note_create(
                    actor=actor,
                    organisation=org,
                    person=person,
                    written_on=date(2023, 3, 1),
                    title=f"{tag}-{result.commits}",
                    text="学习党章第一章总纲，记录体会。",
                )
            except OperationalError as exc:
                if "locked" not in str(exc):
                    raise
                result.locked += 1
                continue
            result.latencies.append(time.perf_counter() - started)
            result.commits += 1
    finally:
        connection.close()
    return result


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..1) of values; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]
