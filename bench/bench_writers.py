"""Concurrent writers: N processes write study notes through the service for S seconds at once.

    python bench/bench_writers.py [--processes 8] [--seconds 10] [--no-queue]

Runs on a throwaway SQLite database in ZHIBU_VAR_DIR (default: a new temporary directory), or on
DATABASE_URL if set (use a database of your own: the script migrates it and adds rows). Prints
commits per process, "database is locked" errors, rows lost (rows counted after against commits
reported), the longest wait and p50/p95/p99 write latency. A write's time is the whole service
call: waiting for the write lock, validating, inserting the row and its audit entry, committing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ZHIBU_VAR_DIR", tempfile.mkdtemp(prefix="zhibu-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")


def _setup() -> tuple[int, int, int]:
    """Migrate, then one branch with its secretary and a member whose notes are written."""
    from django.core.management import call_command

    from zhibu.core.tests.factories import PersonFactory, make_org, make_user

    call_command("migrate", verbosity=0, interactive=False)
    org = make_org(f"bench-writers-{os.getpid()}", "压测学校党支部")
    secretary = make_user(f"bench-sec-{os.getpid()}", org, "secretary")
    member = PersonFactory(organisation=org, name="刘丹")
    return secretary.pk, org.pk, member.pk


def _worker(args: tuple[int, int, int, float, str, multiprocessing.Barrier]) -> dict:
    import django

    django.setup()
    from tests.writers import write_notes

    user_id, org_id, person_id, seconds, tag, start = args
    start.wait()
    result = write_notes(user_id=user_id, org_id=org_id, person_id=person_id, seconds=seconds, tag=tag)
    return {"commits": result.commits, "locked": result.locked, "latencies": result.latencies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--no-queue", action="store_true", help="SQLite's busy wait only (to compare)")
    options = parser.parse_args()
    if options.no_queue:
        from zhibu.core.backends.sqlite3 import base

        base.fcntl = None  # the forked children inherit it

    import django

    django.setup()
    from django.db import connection

    from tests.writers import percentile
    from zhibu.study.models import StudyNote

    user_id, org_id, person_id = _setup()
    vendor = connection.vendor
    connection.close()  # the children open their own (fork must not share this one)
    n = options.processes
    ctx = multiprocessing.get_context("fork")
    with ctx.Manager() as manager:
        start = manager.Barrier(n)
        jobs = [(user_id, org_id, person_id, options.seconds, f"p{i}", start) for i in range(n)]
        with ctx.Pool(n) as pool:
            results = pool.map(_worker, jobs)

    commits = [r["commits"] for r in results]
    latencies = [t for r in results for t in r["latencies"]]
    rows = StudyNote.objects.filter(organisation_id=org_id).count()
    line = " (SQLite's busy wait only)" if options.no_queue else ""
    print(f"{n} processes x {options.seconds:.0f} s writing study notes on {vendor}{line}")
    rate = sum(commits) / options.seconds
    print(f"  commits per process: {sorted(commits)} (total {sum(commits)}, {rate:.0f}/s)")
    print(f"  'database is locked' errors: {sum(r['locked'] for r in results)}")
    print(f"  rows counted after: {rows}; lost: {sum(commits) - rows}")
    print(
        f"  write latency p50 {percentile(latencies, 0.50) * 1000:.1f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms, "
        f"longest wait {max(latencies, default=0):.3f} s"
    )


if __name__ == "__main__":
    main()
