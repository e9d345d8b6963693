"""A backup's manifest: what a restore must find again, written beside the backup's files.

    {"format": 1, "zhibu_version": "0.1.0", "vendor": "sqlite", "created_at": "2026-12-01T02:00:00+08:00",
     "database": "zhibu-20261201-0200.sqlite3", "database_sha256": "…",
     "media": "zhibu-20261201-0200-media.zip",
     "migrations": {"core": ["0001_initial", …], …},   the schema: every applied migration per app
     "latest": {"core": "0013_…", …},                  the same, its last name per app (for people)
     "tables": {"core_person": 32, …},                 rows per table, counted in the backup itself
     "files": {"meetings/签到表.txt": "sha256…", …}}     each uploaded file as it went into the archive

The row counts are taken from the backup's own snapshot (the SQLite copy once written; on PostgreSQL
the exported snapshot pg_dump reads), never from the live database a moment later: writers that go
on meanwhile would make them disagree with what the backup holds.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tomllib
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from . import atomic_files

FORMAT = 1
SUFFIX = "-manifest.json"
# Derived tables the search index keeps by trigger (FTS5 and its shadow tables): rebuilt on restore.
DERIVED_PREFIX = "core_searchentry_fts"


def zhibu_version() -> str:
    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as source:
        return str(tomllib.load(source)["project"]["version"])


def model_tables() -> list[str]:
    """The tables of every installed model (m2m included) and Django's migration record."""
    names = connection.introspection.django_table_names(only_existing=False, include_views=False)
    return sorted({*names, "django_migrations"})


def applied_migrations(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(rows):
        applied.setdefault(app, []).append(name)
    return applied


def sqlite_counts(path: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Rows per model table and the applied migrations, read from a SQLite backup file."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        present = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables = [t for t in model_tables() if t in present]
        counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608
        migrations = applied_migrations(db.execute("SELECT app, name FROM django_migrations"))
    return counts, migrations


def cursor_counts(cursor) -> tuple[dict[str, int], dict[str, list[str]]]:
    """The same through a DB-API cursor (PostgreSQL, inside the snapshot pg_dump reads)."""
    present = set(connection.introspection.table_names(cursor))
    counts = {}
    for table in (t for t in model_tables() if t in present):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[table] = cursor.fetchone()[0]
    if "django_migrations" not in present:  # an empty database, before a restore
        return counts, {}
    cursor.execute("SELECT app, name FROM django_migrations")
    return counts, applied_migrations(cursor.fetchall())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build(
    *, created_at: str, database: Path, media: str, tables: dict[str, int], migrations: dict[str, list[str]],
    files: dict[str, str],
) -> dict[str, Any]:  # fmt: skip
    return {
        "format": FORMAT,
        "zhibu_version": zhibu_version(),
        "vendor": connection.vendor,
        "created_at": created_at,
        "database": database.name,
        "database_sha256": sha256_file(database),
        "media": media,
        "migrations": migrations,
        "latest": {app: names[-1] for app, names in migrations.items()},
        "tables": tables,
        "files": files,
    }


def write(path: Path, manifest: dict[str, Any]) -> None:
    """Whole or not at all (its presence marks a complete backup), readable by its owner only."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    atomic_files.write_atomic(path, text.encode("utf-8"))


def read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _known() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def unknown_migrations(manifest: dict[str, Any]) -> list[str]:
    """Migrations the backup's database has and this code does not know: a backup of a newer version."""
    known = _known()
    return sorted(
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    )


def missing_migrations(manifest: dict[str, Any]) -> list[str]:
    """Migrations this code has and the backup lacks: an older backup, brought up by `migrate`."""
    known = _known()
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    return sorted(f"{app}.{name}" for app, name in known if (app, name) not in applied)
