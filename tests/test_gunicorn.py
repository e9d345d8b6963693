"""`make run` serves with gunicorn: the WSGI application starts under gunicorn with the settings it gets
from `make run` (no ZHIBU_* variables: no DEBUG, no HTTPS, 127.0.0.1 allowed, generated keys) and
serves the login page over plain HTTP on 127.0.0.1. The server runs in a subprocess on a free loopback
port with its own throwaway var directory (SQLite database, keys), and is stopped with SIGTERM.

scripts/smoke_run.py does the whole `make run` (migrate, demo, collectstatic, static files, logging in);
this test is the quick part of it that belongs in the suite."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("gunicorn", reason="gunicorn is not installed (requirements.txt has it)")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="gunicorn runs on POSIX systems only")

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - http://127.0.0.1 only
            return response.status, dict(response.headers.items()), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read().decode()


@pytest.fixture
def gunicorn_server(tmp_path):
    """gunicorn as `make run` starts it (one worker here), on a free loopback port; yields its base URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIBU_") and k != "DATABASE_URL"}
    env |= {"ZHIBU_VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "zhibu.settings"}
    log = tmp_path / "gunicorn.log"
    argv = [sys.executable, "-m", "gunicorn", "zhibu.wsgi", "--bind", f"{HOST}:{port}", "--workers", "1"]
    argv += ["--timeout", "60", "--graceful-timeout", "5", "--access-logfile", "-", "--error-logfile", "-"]
    with log.open("wb") as out:
        server = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        yield f"http://{HOST}:{port}", server, log
    finally:
        server.terminate()  # SIGTERM to the master we started: it stops its worker
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_gunicorn_serves_the_login_page_on_loopback(gunicorn_server, tmp_path):
    base, server, log = gunicorn_server
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        assert server.poll() is None, f"gunicorn exited with {server.returncode}:\n{log.read_text()}"
        try:
            status, headers, body = _get(base + "/accounts/login/")
            break
        except OSError:  # not listening yet
            assert time.monotonic() < deadline, f"no answer in {STARTUP_SECONDS} s:\n{log.read_text()}"
            time.sleep(0.3)
    assert status == 200, log.read_text()
    assert headers["Server"].startswith("gunicorn")
    assert 'name="csrfmiddlewaretoken"' in body and "no-store" in headers["Cache-Control"]
    assert "Secure" not in headers.get("Set-Cookie", "")  # HTTPS off: the cookie works on http://127.0.0.1
    # The install's own files went to the throwaway var directory, owner-only.
    assert oct((tmp_path / "var" / "fernet.key").stat().st_mode & 0o777) == "0o600"
    # --access-logfile -: the worker writes the line just after the response, so allow it a moment
    deadline = time.monotonic() + 10
    while '"GET /accounts/login/ HTTP/1.1" 200' not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)
