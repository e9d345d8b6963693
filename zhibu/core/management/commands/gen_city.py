"""`manage.py gen_city --branches 300 --years 5`: a whole synthetic bureau for benchmarks, written by
every app's registered generator (core/registries/citygen.py) in one transaction.

Deterministic: the same --seed and --until give the same rows. Refuses a database that already
holds organisations (a real installation, the demo) unless --force, because the city is meant for
a throwaway database and would be mixed into real figures otherwise.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from zhibu.core import stamps, writes
from zhibu.core.models import Organisation
from zhibu.core.registries import citygen


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--until 应为 YYYY-MM-DD 格式的日期，收到“{value}”") from exc


class Command(BaseCommand):
    help = "Generate a deterministic synthetic city (one bureau, N branches, Y years) for benchmarks."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--branches", type=int, default=300)
        parser.add_argument("--years", type=int, default=5, help="years up to and including --until's")
        parser.add_argument("--people", type=int, default=30, help="people per branch")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--until", type=_day, default=None, help="last day with records (default: yesterday)"
        )
        parser.add_argument("--password", default="", help="password of the generated logins (default: none)")
        parser.add_argument(
            "--force", action="store_true", help="add the city to a database that has organisations"
        )

    def handle(self, *args, **options) -> None:
        branches, years, people = options["branches"], options["years"], options["people"]
        if branches < 1 or years < 1 or people < 5:
            raise CommandError("--branches 和 --years 至少为 1，--people 至少为 5")
        existing = Organisation.objects.count()
        if existing and not options["force"]:
            raise CommandError(
                f"数据库中已有 {existing} 个党组织：gen_city 只用于空的基准测试数据库。"
                "请换一个数据库（ZHIBU_VAR_DIR 或 DATABASE_URL），或加 --force 追加。"
            )
        until = options["until"] or timezone.localdate() - timedelta(days=1)
        ctx = citygen.CityContext(
            seed=options["seed"],
            branches_wanted=branches,
            years=list(range(until.year - years + 1, until.year + 1)),
            until=until,
            people_per_branch=people,
            # One hash for every login: hashing 300 passwords would take minutes. No password: the
            # logins exist for the benchmark's force_login and cannot be used to sign in.
            password_hash=make_password(options["password"] or None),
        )
        started = time.perf_counter()

        def report(name: str, rows: int, seconds: float) -> None:
            self.stdout.write(f"  {name:<14} {rows:>10,} rows  {seconds:7.1f} s")

        with writes.batch():
            citygen.run(ctx, report)
            # Bulk inserts write around the services: nothing stored before them is current.
            stamps.new_epoch()
        if connection.vendor == "postgresql":
            # Planner statistics for the new rows now, as autovacuum would in production: without
            # them PostgreSQL plans every subtree query as if it matched one row (nested loops
            # over 1.7 M attendance rows), and the benchmark would measure that.
            started_analyze = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            report("ANALYZE", 0, time.perf_counter() - started_analyze)
        total = time.perf_counter() - started
        self.stdout.write(
            f"city: {branches} branches × {people} people, {ctx.years[0]}–{until} (seed {ctx.seed})"
        )
        for table, rows in sorted(ctx.rows.items()):
            self.stdout.write(f"  {table:<32} {rows:>10,}")
        written = sum(ctx.rows.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{written:,} rows in {total:.1f} s ({written / max(total, 1e-9):,.0f} rows/s)"
            )
        )
