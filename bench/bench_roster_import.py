"""Roster import speed: 1,000 rows from a real .xlsx, against bare openpyxl reading of the same file.

    ZHIBU_VAR_DIR=/tmp/bench-var python bench/bench_roster_import.py [rows]

Runs on a throwaway SQLite database in ZHIBU_VAR_DIR (default: a new temporary directory), or on
DATABASE_URL if set (use a database of your own: the script migrates it and adds rows). Prints
rows/s of each phase and the ratio of the full import to bare reading.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("ZHIBU_VAR_DIR", tempfile.mkdtemp(prefix="zhibu-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from zhibu.core.models import Organisation, Person  # noqa: E402
from zhibu.core.tests.factories import make_org, make_user  # noqa: E402
from zhibu.people.services.roster import roster_import, roster_validate  # noqa: E402
from zhibu.people.tests.roster_files import sample_rows, xlsx_bytes  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def bare_read(data: bytes) -> int:
    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count


def main(rows: int) -> None:
    call_command("migrate", verbosity=0)
    stamp = str(int(time.time()))
    bureau = Organisation.objects.filter(code="bench-bureau").first() or make_org(
        "bench-bureau", "基准测试局党委", kind="committee"
    )
    branch = make_org(f"bench-{stamp}", f"基准测试{stamp}党支部", parent=bureau)
    secretary = make_user(f"bench-{stamp}", branch, "secretary")
    start = Person.objects.count() + 1
    data = xlsx_bytes(sample_rows(rows, start=start))
    print(f"file: {rows} rows, {len(data) / 1024:.0f} KB")

    _, bare = timed(lambda: bare_read(data))
    (checked, _people), validate = timed(lambda: roster_validate(organisation=branch, upload=data))
    assert checked.ok, checked.errors[:5]
    result, full = timed(lambda: roster_import(actor=secretary, organisation=branch, upload=data))
    assert result.ok and result.created == rows, result.errors[:5]

    for label, seconds in (("bare openpyxl read", bare), ("validate only", validate), ("full import", full)):
        speed = rows / seconds
        print(f"{label:20s} {seconds:7.3f} s  {speed:9.0f} rows/s  ×{seconds / bare:6.1f} of bare read")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
