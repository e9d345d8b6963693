"""Backups of the whole installation: `manage.py backup` and the 备份 page's job ("core.backup").

One backup is four files in ZHIBU_BACKUP_DIR (var/backups), named by the minute it was made:

    zhibu-YYYYmmdd-HHMM.sqlite3   the database, through SQLite's online backup API (a consistent copy
                                  while the server runs; `cp` of a WAL database is not one)
    zhibu-YYYYmmdd-HHMM.dump      instead, on PostgreSQL: `pg_dump -Fc` of DATABASE_URL
    zhibu-YYYYmmdd-HHMM-media.zip the uploaded files (var/media), without the jobs' transient files
    zhibu-YYYYmmdd-HHMM-恢复说明.txt what is in it, and what is deliberately not: the keys
    zhibu-YYYYmmdd-HHMM-manifest.json what a restore must find again (backup_manifest.py)

The Fernet keys (var/fernet.key or ZHIBU_FERNET_KEYS) and var/secret_key are never copied here: a
backup that travels on a USB stick must not carry the key that decrypts the ID numbers and the
mentoring records in it. docs/operations.md says where to keep them and how to restore.

The page's job makes the same files and offers them as one .zip to download (Cache-Control:
no-store, as every file). A backup holds every organisation's records, so it needs `core.backup`
on every top organisation of the installation: the bureau, never a branch's secretary.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import sqlite3
import subprocess
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, backup_manifest, policy, selectors
from .audit_actions import CoreAction
from .registries import jobs as job_kinds
from .registries.exporters import Progress, Rendered, no_progress

log = logging.getLogger(__name__)
BACKUP = "core.backup"
PERM = "core.backup"
# Job inputs and results (earlier backups among them) are transient copies, not records.
MEDIA_SKIPPED = ("jobs",)


@dataclass
class Backup:
    stamp: str
    database: Path
    media: Path
    notes: Path
    manifest: Path

    @property
    def files(self) -> list[Path]:
        return [self.database, self.media, self.notes, self.manifest]


def backup_scope(user):
    """The top organisation a backup is recorded under, when `user` holds core.backup on every top
    organisation (a backup is all of them); PermissionDenied otherwise."""
    roots = selectors.root_organisations()
    if not roots or not all(policy.has_perm(user, PERM, root) for root in roots):
        raise PermissionDenied(PERM)
    return roots[0]


def backup_create(*, destination: Path | None = None, progress: Progress = no_progress, now=None) -> Backup:
    """Write one backup (database, media, notes, manifest) into `destination` (ZHIBU_BACKUP_DIR).
    The manifest comes last, whole or not at all: a backup is complete when it has one, and one that
    failed midway (a full disk) leaves none of its files, so a restore never picks it up."""
    if connection.in_atomic_block:
        # SQLite would wait forever for this connection's own open transaction to end; pg_dump's
        # snapshot must be the first thing its transaction does.
        raise RuntimeError("a backup cannot run inside a transaction")
    folder = Path(destination or settings.ZHIBU_BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    moment = timezone.localtime(now or timezone.now())
    stamp = moment.strftime("%Y%m%d-%H%M")
    try:
        return _backup_write(folder, stamp, moment, progress)
    except BaseException:
        for part in folder.glob(f"zhibu-{stamp}*"):
            part.unlink(missing_ok=True)
        raise


def _backup_write(folder: Path, stamp: str, moment, progress: Progress) -> Backup:
    media = _media_files()
    total = len(media) + 1
    progress(0, total)
    if connection.vendor == "sqlite":
        database = folder / f"zhibu-{stamp}.sqlite3"
        _sqlite_backup(database)
        tables, migrations = backup_manifest.sqlite_counts(database)
    elif connection.vendor == "postgresql":
        database = folder / f"zhibu-{stamp}.dump"
        tables, migrations = _pg_dump_counted(database)
    else:
        raise ValidationError(_("不支持备份该类型的数据库（%(v)s）。") % {"v": connection.vendor})
    _private(database)
    progress(1, total)
    archive = folder / f"zhibu-{stamp}-media.zip"
    hashes = _media_archive(archive, media, lambda done: progress(done + 1, total))
    _private(archive)
    notes = folder / f"zhibu-{stamp}-恢复说明.txt"
    notes.write_text(restore_notes(stamp, database.name, archive.name, len(hashes)), encoding="utf-8")
    _private(notes)
    manifest = folder / f"zhibu-{stamp}{backup_manifest.SUFFIX}"
    backup_manifest.write(
        manifest,
        backup_manifest.build(
            created_at=moment.isoformat(timespec="seconds"), database=database, media=archive.name,
            tables=tables, migrations=migrations, files=hashes,
        ),
    )  # fmt: skip
    return Backup(stamp, database, archive, notes, manifest)


def _media_archive(archive: Path, media: list[tuple[Path, str]], progress) -> dict[str, str]:
    """Zip the uploaded files, hashing each as it is read into the archive (the manifest's hash is
    of the bytes the archive holds, even if the file changes a moment later)."""
    hashes: dict[str, str] = {}
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for done, (path, name) in enumerate(media, start=1):
            digest = hashlib.sha256()
            try:
                with open(path, "rb") as source, out.open(f"media/{name}", "w", force_zip64=True) as target:
                    for chunk in iter(lambda: source.read(1 << 20), b""):  # noqa: B023 - read at once
                        digest.update(chunk)
                        target.write(chunk)
            except FileNotFoundError:  # purged from the recycle bin since it was listed
                continue
            hashes[name] = digest.hexdigest()
            progress(done)
    return hashes


def _private(path: Path) -> None:
    if os.name == "posix":
        path.chmod(0o600)


def _sqlite_backup(target: Path) -> None:
    """SQLite's online backup of the live database into `target`: one step, so the copy is one
    consistent state however many users write meanwhile (WAL readers never block them)."""
    target.unlink(missing_ok=True)
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it


def pg_environment(db: dict) -> dict[str, str]:
    """The PostgreSQL clients' environment for a database: the password goes in PGPASSWORD, never on a
    command line other users of the machine can list."""
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    if (db.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    return env


def pg_dump_command(db: dict, target: Path, snapshot: str = "") -> tuple[list[str], dict[str, str]]:
    """pg_dump's arguments and environment for the default database (PGPASSWORD, see above)."""
    command = ["pg_dump", "--format=custom", "--no-password", f"--file={target}"]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    return [*command, str(db["NAME"])], pg_environment(db)


def _pg_dump_counted(target: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    """pg_dump of the snapshot this connection exports, and the manifest's counts read in that same
    snapshot: both see one state however many users write meanwhile."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counted = backup_manifest.cursor_counts(cursor)
        _pg_dump(target, snapshot)  # while the snapshot's transaction is open
    return counted


def _pg_dump(target: Path, snapshot: str = "") -> None:
    command, env = pg_dump_command(connection.settings_dict, target, snapshot)
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=6 * 3600)  # noqa: S603
    except FileNotFoundError:
        raise ValidationError(_("服务器上找不到 pg_dump：请安装 PostgreSQL 客户端后再备份。")) from None
    except subprocess.CalledProcessError as exc:
        reason = exc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ValidationError(_("pg_dump 未能完成：%(r)s") % {"r": reason[0]}) from None


def _media_files() -> list[tuple[Path, str]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name.split("/", 1)[0] not in MEDIA_SKIPPED:
            found.append((path, name))
    return found


def restore_notes(stamp: str, database: str, media: str, files: int) -> str:
    key = _("环境变量 ZHIBU_FERNET_KEYS") if os.environ.get("ZHIBU_FERNET_KEYS") else "var/fernet.key"
    return "\n".join(
        [
            _("支部工作台账 数据备份 %(stamp)s") % {"stamp": stamp},
            "",
            _("%(f)s：数据库") % {"f": database},
            _("%(f)s：上传的附件（%(n)d个文件）") % {"f": media, "n": files},
            "",
            _(
                "本备份不含加密密钥（%(key)s）和 var/secret_key。身份证号、包教记录等加密内容没有密钥"
                "无法读取，密钥丢失则无法恢复：请把密钥另行保存，不要与本备份放在同一处"
                "（例如封存在党委办公室保险柜）。"
            )
            % {"key": key},
            _("恢复步骤见 docs/operations.md 的“恢复”一节。"),
            "",
        ]
    )


def download_archive(made: Backup) -> bytes:
    """The backup's files as one .zip for the page's download (the media archive stored as is)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.write(made.database, made.database.name, compress_type=zipfile.ZIP_DEFLATED)
        out.write(made.media, made.media.name, compress_type=zipfile.ZIP_STORED)
        out.write(made.notes, made.notes.name, compress_type=zipfile.ZIP_DEFLATED)
        out.write(made.manifest, made.manifest.name, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@job_kinds.register(BACKUP, perm=PERM)
def backup_job(job, progress: Progress) -> job_kinds.JobOutcome:
    try:
        backup_scope(job.actor)  # again: a grant may have been revoked since the job was queued
    except PermissionDenied:
        raise ValidationError(_("备份包含全部党组织的数据，只有最上级党委的管理员可以备份。")) from None
    made = backup_create(progress=progress)
    audit.record(
        job.actor, CoreAction.BACKUP_MADE, job.organisation, after={"files": [p.name for p in made.files]}
    )
    log.info("backup %s made by %s", made.stamp, job.actor)
    message = _("已备份到服务器的 %(dir)s，也可以下载。密钥不在备份中，请另行保存。") % {
        "dir": made.database.parent
    }
    return job_kinds.JobOutcome(
        message, file=Rendered(download_archive(made), f"zhibu-{made.stamp}.zip", "application/zip")
    )
