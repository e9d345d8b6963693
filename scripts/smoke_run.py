"""Smoke test of `make run` as a user gets it: migrate, demo, collectstatic, then gunicorn in production
mode (no DEBUG), on a free loopback port and a throwaway var directory. Fetches the login page and a
static file, checks the headers that prove who served them, and stops the server. Not part of the
pytest suite (it loads the demo, so it takes a minute); run it after changing the Makefile or settings:

    python scripts/smoke_run.py [--venv .venv]

`--venv` names an installed virtualenv (default .venv); `make run`'s install step is skipped (make -o
install), so the script never installs anything. Only 127.0.0.1 is used. Exit status 0 means it served.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only
PASSWORD = "Smoke-test-2026"  # noqa: S105 - the demo accounts in a throwaway database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - http://127.0.0.1 only
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback URL
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def _opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def import_roster_through_the_worker(base: str, deadline: float) -> str:
    """The secretary uploads a two-person CSV roster; the page she lands on is the job's, and the
    job finishes only if `make run` started the background worker. Returns the job's final text."""
    opener = _opener()
    with opener.open(base + "/accounts/login/", timeout=10) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())[1]
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "secretary", "password": PASSWORD}
    )
    opener.open(base + "/accounts/login/", data=form.encode(), timeout=30).read()
    with opener.open(base + "/people/import/?org=yucai", timeout=10) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())[1]
    roster = "姓名,性别,政治面貌\r\n烟雾测试甲,男,群众\r\n烟雾测试乙,女,群众\r\n".encode("gbk")
    boundary = "zhibusmoke"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + roster
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(  # noqa: S310 - loopback URL
        base + "/people/import/?org=yucai",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": base + "/"},
    )
    with opener.open(request, timeout=30) as response:
        job_url = response.geturl()
    status_url = job_url.rstrip("/") + "/status/"
    while time.monotonic() < deadline:
        with opener.open(status_url, timeout=10) as response:
            text = response.read().decode()
        if "hx-trigger" not in text:  # the partial stops polling once the job has finished
            return text
        time.sleep(0.5)
    raise SystemExit("the roster import job did not finish: is the worker running?")


def log_in(base: str, username: str) -> tuple[int, dict[str, str], str]:
    """Log in through the form as a browser would (cookies, CSRF token) over plain HTTP: proves the
    session and CSRF cookies work without HTTPS on 127.0.0.1. Returns the page it lands on."""
    opener = _opener()
    with opener.open(base + "/accounts/login/", timeout=10) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())[1]
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
    with opener.open(base + "/accounts/login/", data=form.encode(), timeout=30) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode()


def wait_until_serving(url: str, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"`make run` exited with {server.returncode} before serving")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"nothing served at {url} in time")


def check(condition: bool, message: str) -> None:
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        raise SystemExit(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", default=str(ROOT / ".venv"))
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the first page")
    args = parser.parse_args()

    port = free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory(prefix="zhibu-smoke-") as var:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIBU_") and k != "DATABASE_URL"}
        env |= {"ZHIBU_VAR_DIR": var, "ZHIBU_DEMO_PASSWORD": PASSWORD}
        log = Path(var) / "make-run.log"
        with log.open("wb") as out:
            # Its own session: make, the shell it execs into gunicorn and gunicorn's workers form one
            # process group that this script started and stops (by that group's id, nothing else).
            server = subprocess.Popen(  # noqa: S603 - fixed argv
                ["make", "-o", "install", "run", f"VENV={args.venv}", f"HOST={HOST}:{port}"],  # noqa: S607
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_until_serving(base + "/accounts/login/", server, time.monotonic() + args.timeout)
            status, headers, body = fetch(base + "/accounts/login/")
            check(status == 200 and "登录" in body.decode(), f"GET /accounts/login/ -> {status}")
            check(headers.get("server", "").startswith("gunicorn"), f"served by {headers.get('server')}")
            check("no-store" in headers.get("cache-control", ""), "login page: Cache-Control no-store")
            status, headers, body = fetch(base + "/static/css/zhibu.css", {"Accept-Encoding": "gzip"})
            check(status == 200 and len(body) > 0, f"GET /static/css/zhibu.css -> {status}")
            # whitenoise: its public max-age, and the gzip file collectstatic compressed ahead of time
            check(
                "public" in headers.get("cache-control", ""), f"Cache-Control: {headers.get('cache-control')}"
            )
            check(headers.get("content-encoding") == "gzip", "whitenoise serves the precompressed .gz")
            check("no-store" not in headers.get("cache-control", ""), "static file: no no-store")
            status, _, _ = fetch(base + "/static/css/nothing-here.css")
            check(status == 404, f"a missing static file -> {status}")
            status, headers, page = log_in(base, "secretary")
            check(status == 200 and "张文华" in page, "the demo secretary logs in over http://127.0.0.1")
            check("no-store" in headers.get("cache-control", ""), "her dashboard: Cache-Control no-store")
            text = import_roster_through_the_worker(base, time.monotonic() + 60)
            check("已导入2人" in text, "the background worker ran her roster import (已导入2人)")
        except BaseException:
            print(log.read_text(errors="replace")[-4000:], file=sys.stderr)
            raise
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)  # gunicorn: graceful stop
                try:
                    server.wait(timeout=40)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                    server.wait()
        check("Handling signal: term" in log.read_text(errors="replace"), "gunicorn stopped on SIGTERM")
    print(f"`make run` served {base} with gunicorn and whitenoise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
