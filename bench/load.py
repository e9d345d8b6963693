"""`make load`: the demo school behind gunicorn on 127.0.0.1, locust's users (bench/locustfile.py)
for a bounded time, then requests/s, p50/p95/p99 and errors per page and overall.

    python bench/load.py [--seconds 60] [--users 20] [--workers 2] [--port 8765]

Everything runs on this machine: the server binds a loopback address only and locust talks to
nothing else. The demo database is built in LOAD_VAR_DIR (default: a new temporary directory;
give the same directory again to skip building it) with the demo password ZHIBU_DEMO_PASSWORD
(default: a fixed one for the load test; the database is a throwaway).
"""

from __future__ import annotations

import argparse
import csv
import ipaddress
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _env(var_dir: str) -> dict[str, str]:
    env = {**os.environ, "ZHIBU_VAR_DIR": var_dir, "DJANGO_SETTINGS_MODULE": "zhibu.settings"}
    env.setdefault("ZHIBU_DEMO_PASSWORD", "Load-test-2026")
    env.pop("DATABASE_URL", None)  # the demo school on SQLite, as a school runs it
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def _wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def _report(stats_csv: Path, seconds: float) -> None:
    with stats_csv.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    print(f"\n{'page':<22}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    for row in sorted(rows, key=lambda r: r["Name"] == "Aggregated"):
        name = "TOTAL" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"{name[:21]:<22}{row['Request Count']:>9}{row['Failure Count']:>8}"
            f"{float(row['Requests/s']):>8.1f}{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}"
        )
    total = next(r for r in rows if r["Name"] == "Aggregated")
    print(
        f"\n{seconds:.0f} s: {float(total['Requests/s']):.1f} requests/s, p50 {total['50%']} ms, "
        f"p95 {total['95%']} ms, p99 {total['99%']} ms, "
        f"errors {total['Failure Count']} of {total['Request Count']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()
    if not ipaddress.ip_address(options.bind).is_loopback:
        raise SystemExit("the load test runs on a loopback address only (127.0.0.1)")

    var_dir = os.environ.get("LOAD_VAR_DIR") or tempfile.mkdtemp(prefix="zhibu-load-")
    env = _env(var_dir)
    print(f"demo school in {var_dir}")
    _manage(env, "migrate", "--no-input", "-v", "0")
    _manage(env, "demo")
    _manage(env, "collectstatic", "--no-input", "-v", "0")

    host = f"http://{options.bind}:{options.port}"
    log = Path(var_dir) / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "zhibu.wsgi", "--bind", f"{options.bind}:{options.port}",
             "--workers", str(options.workers), "--timeout", "60", "--error-logfile", "-"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait_until_up(f"{host}/accounts/login/")
        prefix = Path(var_dir) / "locust"
        subprocess.run(  # noqa: S603
            [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--host", host,
             "--users", str(options.users), "--spawn-rate", str(options.spawn_rate),
             "--run-time", f"{options.seconds}s", "--csv", str(prefix), "--only-summary",
             "--loglevel", "WARNING"],
            cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        _report(Path(f"{prefix}_stats.csv"), options.seconds)
        print(f"server log: {log}")
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
