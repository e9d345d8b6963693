"""CPU seconds and peak memory of reading each hostile file the way the roster import does
(parse_upload with the roster's spec), each file in a fresh process so the figures are its own.

    python bench/bench_hostile_files.py [DIR]           # DIR: a corpus from tests/hostile/make_corpus.py
    ZHIBU_CODE=/path/to/other/checkout python bench/bench_hostile_files.py DIR   # e.g. main, for "before"

Prints one line per file: CPU s and wall s of the reading alone, the process's peak RSS (and
what it was before reading), the rows read and the first message. Never asserts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = (
    "blank_rows_bomb.xlsx",
    "huge_cell.xlsx",
    "blank_rows_stored.xlsx",
    "huge_cell_stored.xlsx",
    "zip_bomb.xlsx",
    "many_entries.xlsx",
    "valid_roster.xlsx",
)

CHILD = """
import json, os, resource, sys, time
sys.path.insert(0, os.environ["ZHIBU_CODE"])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhibu.settings")
import django
django.setup()
from django.utils import translation
translation.activate("zh-hans")
from zhibu.core.spreadsheets.reading import parse_upload
from zhibu.people.roster import roster_spec
path = sys.argv[1]
data = open(path, "rb").read()
roster_spec()
before = resource.getrusage(resource.RUSAGE_SELF)
start = time.monotonic()
result = parse_upload(data, roster_spec(), filename=os.path.basename(path))
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
print(json.dumps({"cpu": cpu, "wall": wall, "rss_mb": usage.ru_maxrss / 1024,
                  "base_mb": before.ru_maxrss / 1024,
                  "rows": len(result.rows), "message": str(result.errors[0]) if result.errors else ""}))
"""


def measure(path: Path, code: Path) -> dict:
    env = {**os.environ, "ZHIBU_CODE": str(code)}
    done = subprocess.run(  # noqa: S603 - our own interpreter on our own script
        [sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        return {
            "cpu": 0,
            "wall": 0,
            "rss_mb": 0,
            "base_mb": 0,
            "rows": 0,
            "message": done.stderr.strip()[-200:],
        }
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "hostile" / "corpus"
    code = Path(os.environ.get("ZHIBU_CODE", ROOT))
    print(f"code: {code}")
    for name in FILES:
        path = folder / name
        m = measure(path, code)
        print(
            f"{name:<22} {path.stat().st_size / 1024:>8.0f} KB"
            f"  cpu {m['cpu']:>7.2f} s  wall {m['wall']:>7.2f} s"
            f"  peak RSS {m['rss_mb']:>6.0f} MB (before reading {m['base_mb']:.0f})  rows {m['rows']}"
            f"  {m['message'][:90]}"
        )


if __name__ == "__main__":
    main()
