"""Backups: `manage.py backup` and the 备份 page's job write a real copy of the live database (SQLite's
online backup, or pg_dump's custom format on PostgreSQL) and the uploaded files, never the keys; only
the bureau over the whole tree may make one."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from zhibu.core import backups, jobs
from zhibu.core.models import AuditEntry, Job, Person
from zhibu.core.tests.factories import OrganisationFactory


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.ZHIBU_BACKUP_DIR = tmp_path / "backups"
    return settings.ZHIBU_BACKUP_DIR


@pytest.fixture
def media():
    root = Path(settings.MEDIA_ROOT)
    (root / "meetings").mkdir(parents=True)
    (root / "meetings" / "签到表.txt").write_text("出席12人", encoding="utf-8")
    (root / "jobs" / "out").mkdir(parents=True)
    (root / "jobs" / "out" / "old-backup.zip").write_bytes(b"PK")
    return root


# The database file a backup writes on this engine.
DATABASE_SUFFIX = ".sqlite3" if connection.vendor == "sqlite" else ".dump"


def _people_in(database: Path) -> set[str]:
    """The names in the backup's core_person table, read back with the engine's own tools."""
    if database.suffix == ".sqlite3":
        with sqlite3.connect(database) as db:
            return {name for (name,) in db.execute("SELECT name FROM core_person")}
    restore = ["pg_restore", "--data-only", "--table=core_person", "--file=-", str(database)]
    # A fixed command (the PostgreSQL client on PATH, as backups.py runs pg_dump) on a file this test wrote.
    rows = subprocess.run(restore, check=True, capture_output=True, text=True).stdout  # noqa: S603, S607
    return {name for line in rows.splitlines() for name in line.split("\t")}


# A real backup reads the database from outside any transaction (the worker's way): these tests
# commit their rows instead of running inside the usual rolled-back test transaction.
@pytest.mark.django_db(transaction=True)
def test_the_page_makes_a_backup_to_download(world, login, backup_dir, media):
    client = login(world.bureau)
    page = client.get(reverse("core:backup")).content.decode()
    assert "立即备份" in page and "不含加密密钥" in page
    response = client.post(reverse("core:backup"))
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("core:job", args=[job.pk])
    assert (job.kind, job.status, job.done, job.total) == ("core.backup", Job.Status.DONE, 2, 2)
    assert "下载" in client.get(response.url).content.decode()
    download = client.get(reverse("core:job_result", args=[job.pk]))
    assert download["Cache-Control"] == "no-store" and job.result_name.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    database = next(n for n in names if n.endswith(DATABASE_SUFFIX))
    extracted = Path(archive.extract(database, backup_dir / "restore"))
    assert {"张文华", "刘丹", "林志强"} <= _people_in(extracted)
    media_zip = zipfile.ZipFile(io.BytesIO(archive.read(next(n for n in names if n.endswith("-media.zip")))))
    assert media_zip.namelist() == ["media/meetings/签到表.txt"]  # job files are not records
    notes = archive.read(next(n for n in names if n.endswith(".txt"))).decode()
    assert "不含加密密钥" in notes and "docs/operations.md" in notes
    assert not any("fernet" in n or "secret" in n for n in names)
    assert sorted(p.name for p in backup_dir.iterdir() if p.is_file()) == sorted(names)
    assert AuditEntry.objects.filter(action="core.backup.made", actor=world.bureau).exists()


def test_only_the_bureau_over_the_whole_tree_backs_up(world, login, backup_dir):
    for persona in ("secretary", "committee", "member", "checker", "outsider"):
        client = login(world.users[persona])
        assert client.get(reverse("core:backup")).status_code == 403
        assert client.post(reverse("core:backup")).status_code == 403
    OrganisationFactory(code="another-root", parent=None)  # a second top organisation it does not cover
    assert login(world.bureau).post(reverse("core:backup")).status_code == 403
    assert not Job.objects.exists() and not backup_dir.exists()


def test_a_backup_job_whose_starter_lost_the_grant_says_why(world, login, backup_dir):
    job = Job.objects.create(
        organisation=world.bureau_org, kind="core.backup", label="备份", actor=world.bureau
    )
    world.bureau.grants.all().delete()
    world.bureau.refresh_from_db()
    jobs.run_job.enqueue(str(job.pk))
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "只有最上级党委的管理员可以备份" in job.message
    assert not job.result and not backup_dir.exists()


@pytest.mark.django_db(transaction=True)
def test_the_command_writes_the_database_media_and_notes(world, tmp_path, media, capsys):
    call_command("backup", tmp_path / "out")
    written = sorted((tmp_path / "out").iterdir())
    database = next(p for p in written if p.suffix == DATABASE_SUFFIX)
    assert database.name.startswith("zhibu-") and "刘丹" in _people_in(database)
    assert len(written) == 4 and all((p.stat().st_mode & 0o077) == 0 for p in written)
    manifest = json.loads(next(p for p in written if p.name.endswith("-manifest.json")).read_text())
    assert manifest["vendor"] == connection.vendor and manifest["database"] == database.name
    assert manifest["tables"]["core_person"] == Person.objects.count() and manifest["latest"][
        "core"
    ].startswith("00")
    assert manifest["files"] == {"meetings/签到表.txt": hashlib.sha256("出席12人".encode()).hexdigest()}
    assert manifest["migrations"]["core"][0] == "0001_initial" and manifest["zhibu_version"]
    assert "NOT in this backup" in capsys.readouterr().out


@pytest.mark.skipif(connection.vendor != "sqlite", reason="pg_dump reads from its own connection")
def test_a_backup_inside_a_transaction_is_refused_not_hung(world, tmp_path):
    with pytest.raises(RuntimeError):
        backups.backup_create(destination=tmp_path)


def test_pg_dump_gets_the_password_from_the_environment_only():
    db = {"NAME": "zhibu", "USER": "zhibu", "PASSWORD": "s3cret", "HOST": "db", "PORT": 5432, "OPTIONS": {}}
    command, env = backups.pg_dump_command(db, Path("/tmp/zhibu-20240101-0000.dump"), "00000003-1B")
    assert command[:2] == ["pg_dump", "--format=custom"] and command[-2:] == [
        "--snapshot=00000003-1B",
        "zhibu",
    ]
    assert "s3cret" not in " ".join(command) and env["PGPASSWORD"] == "s3cret" and env["PGHOST"] == "db"
