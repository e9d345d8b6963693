"""The bureau at city scale: generate a city (`manage.py gen_city`) on SQLite and on PostgreSQL and
time the pages a secretary and the bureau open, each beside a floor measured in the same run.

    python bench/bench_city.py [--branches 30] [--years 2] [--requests 20] [--engines sqlite,pg]
    python bench/bench_city.py --quick          # 3 branches × 1 year, 3 requests, SQLite only

Pages are requested in-process with Django's test Client, logged in (force_login) as the first
branch's secretary or the bureau viewer, after one warm-up request; the default cache is cleared
before every request. What a dashboard, the grid and the figure list show is stored until a write
moves the organisation's data stamp (zhibu/core/stamped.py): each of those pages is timed twice,
as a reader finds it (stored), right after a write (`, after a write`: a new epoch before every
request, so that everything is computed again), and for the bureau's pages right after a write in
one branch (`, after a branch's write`: the previous values are shown, dated, while a background
thread computes the current ones) and on the first view of a new day (`, the next day`: the clock
moved a day on before every request, yesterday's values shown dated while today's are computed).
Floors: a bare view returning a small
HttpResponse through the same middleware and login (what any page costs at least), and for the
annual summaries the same counts (meetings by type, attendance, study) as hand-written SQL.
Prints p50/p95 ms, queries and page/floor ratio, one table per engine; never asserts timings.

SQLite runs in a throwaway ZHIBU_VAR_DIR; PostgreSQL in --pg-url's database, dropped and created
as `make test-pg` does (LC_CTYPE C.UTF-8: the full-text parser must read Chinese characters as
letters). Each engine runs in its own process because the settings read the database from the
environment once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = "postgres://postgres@127.0.0.1:5432/zhibu_bench"
SEARCH_TEXT = "党课"
BUDGET = 30.0  # seconds of requests a page, after which its samples stop


@dataclass
class Row:
    label: str
    p50: float | None = None  # ms
    p95: float | None = None
    queries: int | None = None
    floor: float | None = None  # ms
    status: int = 200
    samples: int = 0

    @property
    def ratio(self) -> float | None:
        return self.p50 / self.floor if self.p50 is not None and self.floor else None


# --- measuring (importable: the tests run it on a tiny city) ------------------------------------
def floor_view(request):
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")


def _urlpatterns():
    from django.urls import include, path

    return [path("__bench_floor__/", floor_view), path("", include("zhibu.urls"))]


def __getattr__(name: str):
    # This module is the bench's own URLconf: the bare view beside every real page.
    if name == "urlpatterns":
        return _urlpatterns()
    raise AttributeError(name)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


@dataclass
class Timing:
    p50: float
    p95: float
    queries: int
    samples: int
    result: object


def time_calls(func, runs: int, budget: float = BUDGET, before=None) -> Timing:
    """p50, p95 (ms) and the query count of the last call, after one warm-up call: `runs` calls,
    fewer (at least one) when they take more than `budget` seconds in all — a page of tens of
    seconds at 300 branches would otherwise keep the run going for an hour. Queries are counted by
    an execute wrapper: CaptureQueriesContext keeps only the last 9,000."""
    from django.core.cache import cache
    from django.db import connection

    began = time.perf_counter()
    cache.clear()
    result = func()
    samples, count = [], [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    while len(samples) < runs and not (samples and time.perf_counter() - began > budget):
        cache.clear()
        if before is not None:
            before()
        count[0] = 0
        with connection.execute_wrapper(counter):
            start = time.perf_counter()
            result = func()
            samples.append((time.perf_counter() - start) * 1000)
    p50, p95 = _percentiles(samples)
    return Timing(p50, p95, count[0], len(samples), result)


AFTER_A_WRITE = ", after a write"
# A write in one branch before each request: the bureau's pages show the previous values, dated,
# while a background thread computes the current ones (core/stamped.py) — which competes with the
# next request for the CPU, as it would in production.
AFTER_A_BRANCH_WRITE = ", after a branch's write"
# The clock a day on before each request (time-machine): a bureau's first view of the morning.
AFTER_A_NEW_DAY = ", the next day"
STORED = ("branch dashboard", "bureau grid", "bureau dashboard", "bureau figure list")
SHOWN_DATED = ("bureau grid", "bureau dashboard", "bureau figure list")


def city_pages(branch, secretary, bureau, bureau_user) -> list[tuple[str, object, str | None]]:
    """(label, user, url) of every page in the table; url None: a slot for a page still to come.
    A label ending in AFTER_A_WRITE is timed with everything stored made stale first."""
    pages = [
        ("branch dashboard", secretary, "/"),
        ("branch list: meetings", secretary, "/meetings/"),
        ("branch list: people", secretary, "/people/"),
        ("branch list: study", secretary, "/study/"),
        ("bureau grid", bureau_user, "/bureau/"),
        ("bureau dashboard", bureau_user, "/"),
        ("bureau figure list", bureau_user, f"/figures/?org={bureau.code}"),
        ("search (bureau)", bureau_user, f"/search/?q={SEARCH_TEXT}"),
    ]
    return (
        pages
        + [(label + AFTER_A_WRITE, user, url) for label, user, url in pages if label in STORED]
        + [(label + AFTER_A_BRANCH_WRITE, user, url) for label, user, url in pages if label in SHOWN_DATED]
        + [(label + AFTER_A_NEW_DAY, user, url) for label, user, url in pages if label in SHOWN_DATED]
    )


class _NextDay:
    """Before each request, the clock a day further on (once the refreshes of the day before are
    done, and the user logged in again: the session's idle limit is half an hour); stop() ends it.
    Days are never reused across rows: the grid's row would otherwise have stored the findings
    the dashboard's row then reads on the same days."""

    days = 0  # days travelled by every row so far
    began = time.time()

    def __init__(self, client, user, url: str):
        self.client, self.user, self.url, self.traveller = client, user, url, None
        self.first = True

    def __call__(self) -> None:
        if self.first:  # the page viewed on the day before the first timed one, as every later one is
            self.first = False
            self._travel()
            self.client.get(self.url)
        self._travel()

    def _travel(self) -> None:
        import time_machine

        _refreshes_done()
        self.stop()
        _NextDay.days += 1
        self.traveller = time_machine.travel(self.began + _NextDay.days * 86400, tick=True)
        self.traveller.start()
        self.client.force_login(self.user)

    def stop(self) -> None:
        if self.traveller is not None:
            self.traveller.stop()
            self.traveller = None


def _a_write_in(branch, secretary):
    """A write as the services make it: an audit entry of the branch, which moves its data stamp."""
    from zhibu.core import audit
    from zhibu.study.audit_actions import StudyAction

    return lambda: audit.record(secretary, StudyAction.SETTINGS_UPDATED, organisation=branch)


def _refreshes_done(timeout: float = 600.0) -> None:
    from zhibu.core import stamped

    deadline = time.monotonic() + timeout
    while stamped.refreshing() and time.monotonic() < deadline:
        time.sleep(0.05)


def measure_pages(pages, runs: int, budget: float = BUDGET, write=None) -> list[Row]:
    from django.test import Client, override_settings

    from zhibu.core import stamps

    rows = []
    with override_settings(ROOT_URLCONF=__name__):
        clients: dict[int, Client] = {}

        def client_of(user) -> Client:
            if user.pk not in clients:
                clients[user.pk] = Client()
                clients[user.pk].force_login(user)
            return clients[user.pk]

        for label, user, url in pages:
            if url is None:
                rows.append(Row(label))
                continue
            client = client_of(user)
            # The floor right before each page, as the same user: on a shared machine the load
            # changes from minute to minute, and a ratio means something only against its neighbour.
            floor = time_calls(lambda c=client: c.get("/__bench_floor__/"), max(runs, 20), budget).p50
            next_day = _NextDay(client, user, url)
            befores = {AFTER_A_WRITE: stamps.new_epoch, AFTER_A_BRANCH_WRITE: write}
            befores[AFTER_A_NEW_DAY] = next_day
            before = next((b for suffix, b in befores.items() if label.endswith(suffix)), None)
            t = time_calls(lambda c=client, u=url: c.get(u), runs, budget, before=before)
            _refreshes_done()  # the next row is not to share the CPU with this row's refreshes
            next_day.stop()
            rows.append(Row(label, t.p50, t.p95, t.queries, floor, t.result.status_code, t.samples))
    return rows


FLOOR_SQL = [
    """SELECT t.code, COUNT(*) FROM meetings_meeting m
       JOIN meetings_meeting_types mt ON mt.meeting_id = m.id
       JOIN meetings_meetingtype t ON t.id = mt.meetingtype_id
       JOIN core_organisation o ON o.id = m.organisation_id
       WHERE o.path LIKE %(path)s AND m.held AND m.held_at >= %(start)s AND m.held_at < %(end)s
       GROUP BY t.code""",
    """SELECT a.status, COUNT(*) FROM meetings_attendance a
       JOIN meetings_meeting m ON m.id = a.meeting_id
       JOIN core_organisation o ON o.id = a.organisation_id
       WHERE o.path LIKE %(path)s AND m.held AND m.held_at >= %(start)s AND m.held_at < %(end)s
       GROUP BY a.status""",
    """SELECT s.form, COUNT(*) FROM study_studysession s
       LEFT JOIN meetings_meeting m ON m.id = s.meeting_id
       JOIN core_organisation o ON o.id = s.organisation_id
       WHERE o.path LIKE %(path)s AND ((s.held_on >= %(first)s AND s.held_on <= %(last)s)
             OR (m.held_at >= %(start)s AND m.held_at < %(end)s))
       GROUP BY s.form""",
    """SELECT COUNT(*) FROM study_studyattendance sa
       JOIN study_studysession s ON s.id = sa.session_id
       JOIN core_organisation o ON o.id = sa.organisation_id
       WHERE o.path LIKE %(path)s AND s.held_on >= %(first)s AND s.held_on <= %(last)s""",
    """SELECT COUNT(*) FROM study_readingrecord r JOIN core_organisation o ON o.id = r.organisation_id
       WHERE o.path LIKE %(path)s AND r.finished_on >= %(first)s AND r.finished_on <= %(last)s""",
    """SELECT p.party_status, COUNT(*) FROM core_person p JOIN core_organisation o ON o.id = p.organisation_id
       WHERE o.path LIKE %(path)s GROUP BY p.party_status""",
]


def floor_counts(org, year: int) -> list:
    """The annual summary's core counts for org's subtree and year, as hand-written SQL."""
    from datetime import date, datetime, time, timedelta

    from django.db import connection
    from django.utils import timezone

    params = {
        "path": org.path + "%",
        "first": date(year, 1, 1),
        "last": date(year, 12, 31),
        "start": timezone.make_aware(datetime.combine(date(year, 1, 1), time())),
        "end": timezone.make_aware(datetime.combine(date(year, 12, 31), time()) + timedelta(days=1)),
    }
    out = []
    with connection.cursor() as cursor:
        for sql in FLOOR_SQL:
            cursor.execute(sql, params)
            out.append(cursor.fetchall())
    return out


def measure_summaries(orgs, year: int, runs: int, budget: float = BUDGET) -> list[Row]:
    from zhibu.core.periods import Period
    from zhibu.reports.drafting import draft

    rows = []
    for label, org in orgs:
        floor = time_calls(lambda o=org: floor_counts(o, year), runs, budget).p50
        t = time_calls(lambda o=org: draft("annual", o, Period.year(year)), runs, budget)
        rows.append(Row(label, t.p50, t.p95, t.queries, floor, samples=t.samples))
    return rows


def measure_city(runs: int, year: int | None = None, budget: float = BUDGET) -> list[Row]:
    """Every row of the table on the city in the current database (gen_city's codes)."""
    from django.utils import timezone

    from zhibu.core.citygen import BUREAU_CODE, BUREAU_VIEWER, branch_code
    from zhibu.core.models import Organisation, User

    bureau = Organisation.objects.get(code=BUREAU_CODE)
    branch = Organisation.objects.get(code=branch_code(1))
    secretary = User.objects.get(username=f"{branch.code}-sec")
    bureau_user = User.objects.get(username=BUREAU_VIEWER)
    year = year or timezone.localdate().year
    pages = city_pages(branch, secretary, bureau, bureau_user)
    rows = measure_pages(pages, runs, budget, write=_a_write_in(branch, secretary))
    orgs = [(f"annual summary: branch {year}", branch), (f"annual summary: bureau {year}", bureau)]
    return rows + measure_summaries(orgs, year, runs, budget)


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def table(rows: list[Row]) -> str:
    lines = [f"{'page':<44} {'p50 ms':>9} {'p95 ms':>9} {'queries':>8} {'floor ms':>9} {'ratio':>8} {'n':>3}"]
    for row in rows:
        label = row.label if row.status == 200 else f"{row.label} (HTTP {row.status})"
        ratio = "—" if row.ratio is None else f"{row.ratio:.1f}×"
        queries = "—" if row.queries is None else str(row.queries)
        lines.append(
            f"{label:<44} {_ms(row.p50):>9} {_ms(row.p95):>9} {queries:>8} {_ms(row.floor):>9} {ratio:>8}"
            f" {row.samples or '—':>3}"
        )
    return "\n".join(lines)


# --- one engine, in its own process -----------------------------------------------------------
def run_engine(args) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from zhibu.core.citygen import BUREAU_CODE
    from zhibu.core.models import Organisation

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    if args.reuse and Organisation.objects.filter(code=BUREAU_CODE).exists():
        print(f"reusing the city in {connection.settings_dict['NAME']}")
    else:
        call_command("gen_city", branches=args.branches, years=args.years, people=args.people, seed=args.seed)
    generated = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    year = args.year or (time.localtime().tm_year - (1 if args.years > 1 else 0))
    # As a server worker starts (zhibu/wsgi.py), its warm-up off (main()): each row sets up the state
    # it times, and a warm-up thread would share the CPU with the first rows.
    from zhibu.core import worker

    worker.started()
    rows = measure_city(args.requests, year, args.budget)
    print(f"\n== {connection.vendor}: {args.branches} branches × {args.years} years, "
          f"generated in {generated:.1f} s; up to {args.requests} requests a page after one warm-up, "
          f"n: those made within {args.budget:.0f} s")  # fmt: skip
    print(table(rows))
    sys.stdout.flush()


def create_pg_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )


def main() -> None:
    env_int = lambda name, default: int(os.environ.get(name) or default)  # noqa: E731
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--branches", type=int, default=env_int("BENCH_BRANCHES", 30))
    parser.add_argument("--years", type=int, default=env_int("BENCH_YEARS", 2))
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=env_int("BENCH_REQUESTS", 20))
    parser.add_argument("--budget", type=float, default=BUDGET, help="seconds of requests a page at most")
    parser.add_argument("--year", type=int, default=None, help="of the annual summaries (default: last full)")
    parser.add_argument("--engines", default=os.environ.get("BENCH_ENGINES", "sqlite,pg"))
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", PG_URL))
    parser.add_argument("--quick", action="store_true", help="3 branches × 1 year, 3 requests, SQLite")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="PostgreSQL: measure the city already in --pg-url's database (made with ZHIBU_VAR_DIR's keys)",
    )
    parser.add_argument("--engine-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.branches, args.years, args.requests, args.engines = 3, 1, 3, "sqlite"
    if args.engine_run:
        return run_engine(args)
    forwarded = [
        f"--branches={args.branches}", f"--years={args.years}", f"--people={args.people}",
        f"--seed={args.seed}", f"--requests={args.requests}", f"--budget={args.budget}", "--engine-run",
    ] + ([f"--year={args.year}"] if args.year else []) + (["--reuse"] if args.reuse else [])  # fmt: skip
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        with tempfile.TemporaryDirectory(prefix=f"zhibu-bench-{engine}-") as var:
            # --reuse: the city's keys (its encrypted fields) are in the ZHIBU_VAR_DIR it was made with
            if args.reuse and os.environ.get("ZHIBU_VAR_DIR"):
                var = os.environ["ZHIBU_VAR_DIR"]
            env = {**os.environ, "ZHIBU_VAR_DIR": var, "DJANGO_SETTINGS_MODULE": "zhibu.settings",
                   "ZHIBU_ALLOWED_HOSTS": "testserver", "ZHIBU_WARM_ON_START": "0"}  # fmt: skip
            env.pop("DATABASE_URL", None)
            if engine == "pg":
                if not args.reuse:
                    create_pg_database(args.pg_url)
                env["DATABASE_URL"] = args.pg_url
            elif engine != "sqlite":
                parser.error(f"unknown engine {engine!r} (sqlite, pg)")
            subprocess.run([sys.executable, __file__, *forwarded], env=env, cwd=ROOT, check=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")
    main()
