"""The restore drill (issue 16): a backup taken while a writer thread inserts ledger rows through a
service holds one consistent state — its manifest's counts are the backup database's — and restoring
it into a fresh location gives back exactly the manifest's row counts and file hashes, with
`PRAGMA integrity_check` ok. On SQLite the live database is a WAL file (as in production), not the
shared-cache memory test database, whose table locks fail a second writer at once; on PostgreSQL
pg_dump reads the snapshot the counts were taken in, and the restore goes to a throwaway database."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, connections

from zhibu.core import backup_manifest, backups, restore
from zhibu.core.testing import throwaway_pg_database
from zhibu.service.models import LiaisonClass
from zhibu.service.services.liaison import class_create

PG_TOOLS = shutil.which("pg_dump") and shutil.which("pg_restore")


@pytest.fixture
def live_database(world, tmp_path):
    """SQLite: the default connection moved onto a WAL file holding the test database's rows (each
    thread's new connection opens it too); PostgreSQL: the test database as it is."""
    if connection.vendor != "sqlite":
        yield None
        return
    path = tmp_path / "live.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    original_settings, original = connections.settings["default"], connections["default"]
    connections.settings["default"] = {**original_settings, "NAME": str(path)}
    connections["default"] = connections.create_connection("default")
    try:
        yield path
    finally:
        connections["default"].close()
        connections.settings["default"] = original_settings
        connections["default"] = original


@pytest.fixture
def uploads():
    root = Path(settings.MEDIA_ROOT)
    (root / "meetings" / "2026").mkdir(parents=True)
    (root / "meetings" / "2026" / "签到表.pdf").write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 40)
    (root / "honours").mkdir()
    (root / "honours" / "证书.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x7f" * 3000)
    return root


@pytest.fixture
def fresh_database(tmp_path):
    """Where the drill restores to: a new SQLite file, or a new PostgreSQL database (template0,
    C.UTF-8 as `make test-pg` makes its own), dropped afterwards."""
    if connection.vendor == "sqlite":
        yield {"NAME": str(tmp_path / "restored" / "zhibu.sqlite3")}
        return
    if not PG_TOOLS:
        pytest.skip("pg_dump/pg_restore are not installed (CI installs postgresql-client)")
    with throwaway_pg_database(connection.settings_dict) as db:
        yield db


def _counts(db: dict) -> dict[str, int]:
    return restore.sqlite_counts(Path(db["NAME"])) if connection.vendor == "sqlite" else restore.pg_counts(db)


def _wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the writer thread stopped writing"
        time.sleep(0.01)


@pytest.mark.django_db(transaction=True)
def test_the_restore_drill_while_a_writer_inserts(world, live_database, uploads, fresh_database, tmp_path):
    written: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        try:
            while not stop.is_set():
                class_create(
                    actor=world.secretary, organisation=world.branch, name=f"初二（{len(written)}）班"
                )
                written.append(1)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(exc))
        finally:
            connection.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        _wait_for(lambda: len(written) >= 5 or errors)
        made = backups.backup_create(destination=tmp_path / "backups")
        at_backup = len(written)
        _wait_for(lambda: len(written) >= at_backup + 5 or errors)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors and not thread.is_alive(), errors
    manifest = backup_manifest.read(made.manifest)
    in_backup = manifest["tables"]["service_liaisonclass"]
    assert 5 <= in_backup < LiaisonClass.objects.count() == len(written)  # the writer went on throughout
    # A class and its audit entry are one transaction: the backup holds both or neither.
    assert manifest["tables"]["core_auditentry"] >= in_backup
    if connection.vendor == "sqlite":
        assert backup_manifest.sqlite_counts(made.database)[0] == manifest["tables"]

    media_root = tmp_path / "restored-media"
    done = restore.restore_all(
        made.manifest, vendor=connection.vendor, db=fresh_database, media_root=media_root, force=False
    )
    assert done.verified and done.integrity == "ok", (done.wrong_tables, done.wrong_files)
    assert _counts(fresh_database) == manifest["tables"]
    assert (
        {
            path.relative_to(media_root).as_posix(): backup_manifest.sha256_file(path)
            for path in media_root.rglob("*")
            if path.is_file()
        }
        == manifest["files"]
        == {
            "meetings/2026/签到表.pdf": backup_manifest.sha256_file(
                uploads / "meetings" / "2026" / "签到表.pdf"
            ),
            "honours/证书.png": backup_manifest.sha256_file(uploads / "honours" / "证书.png"),
        }
    )
    if connection.vendor == "sqlite":
        with closing(sqlite3.connect(fresh_database["NAME"])) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def _backup(tmp_path) -> Path:
    return backups.backup_create(destination=tmp_path / "backups").manifest


@pytest.mark.django_db(transaction=True)
def test_a_backup_from_a_newer_version_is_refused_and_nothing_written(world, uploads, tmp_path):
    manifest_path = _backup(tmp_path)
    manifest = backup_manifest.read(manifest_path)
    manifest["migrations"]["core"].append("0999_from_a_later_release")
    backup_manifest.write(manifest_path, manifest)
    target = tmp_path / "restored" / "zhibu.sqlite3"
    with pytest.raises(ValidationError, match="该备份来自更新的版本.*core.0999_from_a_later_release"):
        restore.restore_all(
            manifest_path,
            vendor=connection.vendor,
            db={"NAME": str(target)},
            media_root=tmp_path / "m",
            force=True,
        )
    assert not target.exists() and not (tmp_path / "m").exists()


@pytest.mark.django_db(transaction=True)
def test_an_altered_database_file_or_a_hostile_archive_is_refused(world, uploads, tmp_path):
    manifest_path = _backup(tmp_path)
    manifest = backup_manifest.read(manifest_path)
    database = manifest_path.parent / manifest["database"]
    with open(database, "r+b") as damaged:
        damaged.seek(5000)
        damaged.write(b"\xff" * 16)
    target = {"NAME": str(tmp_path / "restored.sqlite3")}
    with pytest.raises(ValidationError, match="与备份清单不符"):
        restore.restore_all(
            manifest_path, vendor=connection.vendor, db=target, media_root=tmp_path / "m", force=False
        )
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    with pytest.raises(ValidationError, match="数据库的备份，当前配置的是"):
        restore.check(manifest_path, other)
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("media/../../x", b"owned")
    with pytest.raises(ValidationError, match="不安全的文件名"):
        restore.restore_media(hostile, tmp_path / "m")
    assert not (tmp_path / "x").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the command's own run restores into a SQLite var/")
@pytest.mark.django_db(transaction=True)
def test_the_restore_command_into_an_empty_install_then_refuses_a_full_one(world, uploads, tmp_path):
    """As the IT teacher runs it: another var/ folder (ZHIBU_VAR_DIR), the command in its own process."""
    manifest_path = _backup(tmp_path)
    var = tmp_path / "var"
    env = {**os.environ, "ZHIBU_VAR_DIR": str(var), "ZHIBU_SECRET_KEY": "drill-" + "k" * 50}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "manage.py", "restore", str(manifest_path.parent)]
    run = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300)  # noqa: S603
    assert run.returncode == 0, run.stdout + run.stderr
    assert (
        "数据库完整性检查：ok" in run.stdout and "与备份清单一致" in run.stdout and "恢复完成" in run.stdout
    )
    assert "附件：2 个文件，SHA-256 与备份清单一致" in run.stdout
    with closing(sqlite3.connect(var / "zhibu.sqlite3")) as db:
        names = {name for (name,) in db.execute("SELECT name FROM core_person")}
        assert {"张文华", "刘丹"} <= names
        assert db.execute("SELECT COUNT(*) FROM core_searchentry").fetchone()[0] > 0  # search_reindex ran
    again = subprocess.run(  # noqa: S603 - this interpreter running manage.py
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert again.returncode != 0 and "已有" in again.stderr and "--force" in again.stderr


def test_an_older_backup_lists_the_migrations_migrate_will_apply():
    manifest = {"migrations": {"core": ["0001_initial"]}}
    missing = backup_manifest.missing_migrations(manifest)
    assert "core.0002_audit_append_only" in missing and "core.0001_initial" not in missing
    assert backup_manifest.unknown_migrations(manifest) == []


@pytest.mark.django_db(transaction=True)
def test_the_backup_pages_download_restores_as_it_is(world, uploads, fresh_database, tmp_path):
    made = backups.backup_create(destination=tmp_path / "backups")
    download = tmp_path / "zhibu-备份下载.zip"
    download.write_bytes(backups.download_archive(made))
    (tmp_path / "unpacked").mkdir()
    manifest_path = restore.locate(download, tmp_path / "unpacked")
    assert manifest_path.parent == tmp_path / "unpacked" and manifest_path.name == made.manifest.name
    done = restore.restore_all(
        manifest_path, vendor=connection.vendor, db=fresh_database, media_root=tmp_path / "m", force=False
    )
    assert (
        done.verified
        and done.files == 2
        and done.rows == sum(backup_manifest.read(made.manifest)["tables"].values())
    )
