"""Time the annual summary for the demo school: document model + .docx render, against a baseline
measured in the same run (computing every registered figure once for the same org and year).

    ZHIBU_VAR_DIR=/tmp/bench-var python bench/bench_annual_summary.py [--runs 5]

Loads the demo into that var dir's database if needed. Prints milliseconds, never asserts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from zhibu.core.models import Organisation  # noqa: E402
from zhibu.core.periods import Period  # noqa: E402
from zhibu.core.registries import figures  # noqa: E402
from zhibu.reports.drafting import draft  # noqa: E402
from zhibu.reports.renderers import render  # noqa: E402


def timed(func, runs: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--org", default="yucai")
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    org = Organisation.objects.get(code=args.org)
    period = Period.year(args.year)

    baseline, _ = timed(
        lambda: [figures.compute(s.code, org, period).value for s in figures.all()], args.runs
    )
    model_ms, _ = timed(lambda: draft("annual", org, period), args.runs)
    full_ms, body = timed(lambda: render("docx", draft("annual", org, period)[0]), args.runs)
    with CaptureQueriesContext(connection) as queries:
        draft("annual", org, period)
    print(
        f"organisation {org.code}, {period.label}, {len(figures.all())} figures, median of {args.runs} runs"
    )
    print(f"  baseline (every figure once):    {baseline:8.1f} ms")
    print(f"  annual document model:           {model_ms:8.1f} ms  ({len(queries)} queries)")
    print(f"  annual model + .docx render:     {full_ms:8.1f} ms  ({len(body)} bytes)")
    print(f"  ratio full / baseline:           {full_ms / baseline if baseline else float('nan'):8.1f}x")
    print(f"  target < 1000 ms: {'met' if full_ms < 1000 else 'NOT met'}")


if __name__ == "__main__":
    main()
