"""Upgrades (issue 16): the previous release's demo database, kept in tests/fixtures (SQLite, and a
pg_dump for PostgreSQL), takes this code's migrations, and the figures of the demo school's annual
summary computed on it stay what they were at that release. The migrations and the figures run in
their own process on a copy, as a school's `make run` after `git pull` does. Refreshing the fixture
at a release: docs/operations.md (升级)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from zhibu.core.backups import pg_environment
from zhibu.core.testing import throwaway_pg_database

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE = "release-2026.12-demo"
SCRIPT = FIXTURES / "release_figures.py"


def _figures_after_migrating(env: dict[str, str]) -> dict:
    """Migrate the database `env` configures and compute the figures, in a process of its own."""
    env = {**os.environ, "ZHIBU_SECRET_KEY": "upgrade-" + "k" * 50, **env}
    env.pop("ZHIBU_FERNET_KEYS", None)  # the script uses the fixture's key
    if "DATABASE_URL" in env and not env["DATABASE_URL"]:
        del env["DATABASE_URL"]  # the SQLite file under ZHIBU_VAR_DIR
    run = subprocess.run(  # noqa: S603 - this interpreter running the fixture's script
        [sys.executable, str(SCRIPT), "--migrate"], cwd=settings.BASE_DIR, env=env, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def _expected() -> dict:
    return json.loads((FIXTURES / f"{RELEASE}-figures.json").read_text(encoding="utf-8"))


def _assert_same_figures(found: dict) -> None:
    """Every figure of the release equals what it was then; figures added since are new."""
    expected = _expected()
    assert (found["organisation"], found["year"]) == (expected["organisation"], expected["year"])
    assert expected["figures"], "the fixture holds no figure"
    then = expected["figures"]
    assert {code: found["figures"].get(code) for code in then} == then


def _every_migration() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the PostgreSQL variant is below")
def test_the_previous_release_sqlite_database_upgrades_with_equal_figures(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    database = var / "zhibu.sqlite3"
    with gzip.open(FIXTURES / f"{RELEASE}.sqlite3.gz") as packed, open(database, "wb") as out:
        shutil.copyfileobj(packed, out)
    _assert_same_figures(_figures_after_migrating({"ZHIBU_VAR_DIR": str(var), "DATABASE_URL": ""}))
    with closing(sqlite3.connect(database)) as db:
        applied = set(db.execute("SELECT app, name FROM django_migrations"))
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert applied >= _every_migration()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQLite variant is above")
@pytest.mark.skipif(not shutil.which("pg_restore"), reason="pg_restore is not installed (CI installs it)")
def test_the_previous_release_postgresql_dump_upgrades_with_equal_figures(tmp_path):
    with throwaway_pg_database(connection.settings_dict) as db:
        restore = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--no-password"]
        subprocess.run(  # noqa: S603 - the PostgreSQL client on a fixture of this repository
            [*restore, f"--dbname={db['NAME']}", str(FIXTURES / f"{RELEASE}.pgdump")],
            env=pg_environment(db), check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        user, host, port = db.get("USER") or "", db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        url = f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"
        _assert_same_figures(_figures_after_migrating({"DATABASE_URL": url, "ZHIBU_VAR_DIR": str(tmp_path)}))
