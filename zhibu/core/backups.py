"""Backups of the whole installation: `manage.py backup` and the 备份 page's job ("core.backup").

One backup is three files in ZHIBU_BACKUP_DIR (var/backups), named by the minute it was made:

    zhibu-YYYYmmdd-HHMM.sqlite3   the database, through SQLite's online backup API (a consistent copy
                                  while the server runs; `cp` of a WAL database is not one)
    zhibu-YYYYmmdd-HHMM.dump      instead, on PostgreSQL: `pg_dump -Fc` of DATABASE_URL
    zhibu-YYYYmmdd-HHMM-media.zip the uploaded files (var/media), without the jobs' transient files
    zhibu-YYYYmmdd-HHMM-恢复说明.txt what is in it, and what is deliberately not: the keys

The Fernet keys (var/fernet.key or ZHIBU_FERNET_KEYS) and var/secret_key are never copied here: a
backup that travels on a USB stick must not carry the key that decrypts the ID numbers and the
mentoring records in it. docs/operations.md says where to keep them and how to restore.

The page's job makes the same files and offers them as one .zip to download (Cache-Control:
no-store, as every file). A backup holds every organisation's records, so it needs `core.backup`
on every top organisation of the installation: the bureau, never a branch's secretary.
"""

from __future__ import annotations

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
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, policy, selectors
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

    @property
    def files(self) -> list[Path]:
        return [self.database, self.media, self.notes]


def backup_scope(user):
    """The top organisation a backup is recorded under, when `user` holds core.backup on every top
    organisation (a backup is all of them); PermissionDenied otherwise."""
    roots = selectors.root_organisations()
    if not roots or not all(policy.has_perm(user, PERM, root) for root in roots):
        raise PermissionDenied(PERM)
    return roots[0]


def backup_create(*, destination: Path | None = None, progress: Progress = no_progress, now=None) -> Backup:
    """Write one backup (database, media, notes) into `destination` (ZHIBU_BACKUP_DIR)."""
    folder = Path(destination or settings.ZHIBU_BACKUP_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%d-%H%M")
    media = _media_files()
    total = len(media) + 1
    progress(0, total)
    if connection.vendor == "sqlite":
        database = folder / f"zhibu-{stamp}.sqlite3"
        _sqlite_backup(database)
    elif connection.vendor == "postgresql":
        database = folder / f"zhibu-{stamp}.dump"
        _pg_dump(database)
    else:
        raise ValidationError(_("不支持备份该类型的数据库（%(v)s）。") % {"v": connection.vendor})
    _private(database)
    progress(1, total)
    archive = folder / f"zhibu-{stamp}-media.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for done, (path, name) in enumerate(media, start=2):
            out.write(path, f"media/{name}")
            progress(done, total)
    _private(archive)
    notes = folder / f"zhibu-{stamp}-恢复说明.txt"
    notes.write_text(restore_notes(stamp, database.name, archive.name, len(media)), encoding="utf-8")
    _private(notes)
    return Backup(stamp, database, archive, notes)


def _private(path: Path) -> None:
    if os.name == "posix":
        path.chmod(0o600)


def _sqlite_backup(target: Path) -> None:
    """SQLite's online backup of the live database into `target`: one step, so the copy is one
    consistent state however many users write meanwhile (WAL readers never block them)."""
    if connection.in_atomic_block:
        # SQLite would wait forever for this connection's own open transaction to end.
        raise RuntimeError("a backup cannot run inside a transaction")
    target.unlink(missing_ok=True)
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)


def pg_dump_command(db: dict, target: Path) -> tuple[list[str], dict[str, str]]:
    """pg_dump's arguments and environment for the default database: the password goes in the
    environment (PGPASSWORD), never on a command line other users of the machine can list."""
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    if (db.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    return ["pg_dump", "--format=custom", "--no-password", f"--file={target}", str(db["NAME"])], env


def _pg_dump(target: Path) -> None:
    command, env = pg_dump_command(connection.settings_dict, target)
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
