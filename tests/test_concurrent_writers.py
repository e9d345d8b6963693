"""Many people writing at once: 8 threads, each on its own connection, write study notes through
the service for 3 seconds. Not one "database is locked" error, not one lost row: the notes and their
audit entries in the database equal the commits the writers counted.

On SQLite the test database is shared-cache memory, whose table locks fail at once instead of
waiting, so the test runs again in a sub-run whose database is a file (as in production, WAL and
immediate transactions); on PostgreSQL it runs directly. bench/bench_writers.py is the longer
measurement (processes, longest wait, p95)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.writers import WriterResult, percentile, write_notes
from zhibu.awards.tests.conftest import django_db_modify_db_settings  # noqa: F401 - the file database
from zhibu.core.models import AuditEntry
from zhibu.study.models import StudyNote

WRITERS = 8
SECONDS = 3.0
SQLITE = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
MEMORY = SQLITE and not os.environ.get("ZHIBU_SQLITE_TEST_FILE")
THREADS = "test_eight_writers_lose_nothing_and_never_fail"


@pytest.mark.django_db
def test_on_a_sqlite_file(tmp_path):
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("the test below runs on this database directly")
    env = {**os.environ, "ZHIBU_SQLITE_TEST_FILE": str(tmp_path / "test.sqlite3")}
    env.pop("DATABASE_URL", None)
    run = subprocess.run(  # noqa: S603 - this interpreter running pytest on this file
        [sys.executable, "-m", "pytest", "-rA", "-s", "-p", "no:cacheprovider", f"{__file__}::{THREADS}"],
        cwd=Path(__file__).resolve().parents[1], env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0 and f"PASSED tests/{Path(__file__).name}::{THREADS}" in run.stdout, (
        run.stdout[-3000:] + run.stderr[-2000:]
    )


@pytest.mark.skipif(MEMORY, reason="concurrent writers need PostgreSQL or a database file")
@pytest.mark.django_db(transaction=True)
def test_eight_writers_lose_nothing_and_never_fail(world):
    audit_before = AuditEntry.objects.count()
    results: list[WriterResult] = []
    start = threading.Barrier(WRITERS)

    def run(n: int) -> None:
        start.wait()
        results.append(
            write_notes(
                user_id=world.secretary.pk,
                org_id=world.branch.pk,
                person_id=world.people["member"].pk,
                seconds=SECONDS,
                tag=f"w{n}",
            )
        )

    threads = [threading.Thread(target=run, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(results) == WRITERS, "a writer died (see the captured traceback)"
    commits = sum(r.commits for r in results)
    latencies = [t for r in results for t in r.latencies]
    print(  # the figures, for the reader of -s output
        f"\n{WRITERS} writers x {SECONDS:.0f} s on {connection.vendor}: {commits} commits "
        f"({min(r.commits for r in results)}..{max(r.commits for r in results)} each), "
        f"longest wait {max(latencies):.3f} s, p95 {percentile(latencies, 0.95):.3f} s"
    )
    assert sum(r.locked for r in results) == 0
    assert all(r.commits > 0 for r in results), [r.commits for r in results]
    assert StudyNote.objects.filter(organisation=world.branch).count() == commits
    assert AuditEntry.objects.count() - audit_before == commits
