"""`manage.py restore PATH`: a backup (backups.py) back into an empty database and media folder.

The order is the drill's: read the manifest and refuse what cannot be restored here (another kind of
database, a newer schema, missing or altered files, a target that already holds records), write the
database with the engine's own tools (SQLite's backup API into the database file; pg_restore), unpack
the uploaded files, then check both against the manifest — every table's row count and every file's
SHA-256 — before anything else touches them. `migrate` (an older backup) and `search_reindex` follow
in the command. The keys are never in a backup: they are put back by hand (docs/operations.md).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import zipfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from . import backup_manifest
from .backups import pg_environment

VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass
class Restored:
    manifest: dict[str, Any]
    integrity: str = ""
    rows: int = 0
    wrong_tables: dict[str, tuple[int, int]] = field(default_factory=dict)
    files: int = 0
    wrong_files: list[str] = field(default_factory=list)
    moved_aside: Path | None = None

    @property
    def verified(self) -> bool:
        return self.integrity == "ok" and not self.wrong_tables and not self.wrong_files


def locate(path: Path, workdir: Path) -> Path:
    """The manifest of the backup at `path`: a manifest file, a folder (its newest backup), or the
    备份 page's download (.zip, unpacked into `workdir`)."""
    if path.is_file() and path.suffix == ".zip" and not path.name.endswith("-media.zip"):
        with zipfile.ZipFile(path) as download:
            names = [n for n in download.namelist() if "/" not in n and ".." not in n]
            download.extractall(workdir, members=names)
        path = workdir
    if path.is_dir():
        found = sorted(path.glob(f"zhibu-*{backup_manifest.SUFFIX}"))
        if not found:
            raise ValidationError(_("%(p)s 中没有找到备份清单（zhibu-…-manifest.json）。") % {"p": path})
        return found[-1]
    if not path.is_file():
        raise ValidationError(_("找不到备份：%(p)s") % {"p": path})
    return path


def check(manifest_path: Path, vendor: str) -> dict[str, Any]:
    """The manifest, once the backup is known restorable here by this code; ValidationError otherwise."""
    try:
        manifest = backup_manifest.read(manifest_path)
        database, media = (
            manifest_path.parent / manifest["database"],
            manifest_path.parent / manifest["media"],
        )
    except (OSError, ValueError, KeyError):
        raise ValidationError(_("备份清单 %(p)s 无法读取或不完整。") % {"p": manifest_path.name}) from None
    if manifest.get("vendor") != vendor:
        raise ValidationError(
            _("这是 %(theirs)s 数据库的备份，当前配置的是 %(ours)s，不能直接恢复。")
            % {
                "theirs": VENDOR_NAMES.get(manifest.get("vendor"), "?"),
                "ours": VENDOR_NAMES.get(vendor, vendor),
            }
        )
    newer = backup_manifest.unknown_migrations(manifest)
    if newer:
        raise ValidationError(
            _("该备份来自更新的版本（%(v)s），含本程序不认识的数据库结构：%(m)s。请先升级本程序，再恢复。")
            % {"v": manifest.get("zhibu_version", "?"), "m": "、".join(newer[:5])}
        )
    for part in (database, media):
        if not part.is_file():
            raise ValidationError(_("备份不完整：缺少文件 %(f)s。") % {"f": part.name})
    if backup_manifest.sha256_file(database) != manifest.get("database_sha256", ""):
        raise ValidationError(
            _("数据库文件 %(f)s 与备份清单不符（已损坏或被改动），不能恢复。") % {"f": database.name}
        )
    return manifest


def zhibu_tables() -> set[str]:
    return {
        model._meta.db_table
        for config in apps.get_app_configs()
        if config.name.startswith("zhibu.")
        for model in config.get_models(include_auto_created=True)
    }


def sqlite_counts(path: Path) -> dict[str, int]:
    return backup_manifest.sqlite_counts(path)[0] if path.is_file() else {}


def pg_counts(db: dict) -> dict[str, int]:
    import psycopg  # only on PostgreSQL installs

    with psycopg.connect(**pg_connect_params(db)) as conn, conn.cursor() as cursor:
        return backup_manifest.cursor_counts(cursor)[0]


def pg_connect_params(db: dict) -> dict[str, Any]:
    params = {"dbname": db["NAME"], "user": db.get("USER"), "password": db.get("PASSWORD")}
    params |= {"host": db.get("HOST"), "port": db.get("PORT")}
    return {k: v for k, v in params.items() if v}


def refuse_unless_empty(counts: dict[str, int], where: str) -> None:
    """A restore never overwrites records silently: the target must hold no zhibu rows."""
    held = sum(n for table, n in counts.items() if table in zhibu_tables())
    if held:
        raise ValidationError(
            _("目标数据库 %(w)s 中已有 %(n)d 条记录。恢复会覆盖它们：确认无误后加 --force 再运行。")
            % {"w": where, "n": held}
        )


def restore_sqlite(source: Path, target: Path) -> str:
    """Write the backup into the database file through SQLite's backup API (page by page, the WAL
    handled by SQLite, unlike a `cp`); the result of PRAGMA integrity_check."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        stale.unlink(missing_ok=True)  # an old WAL must never be replayed into the restored file
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        return dst.execute("PRAGMA integrity_check").fetchone()[0]


def restore_pg(source: Path, db: dict, *, clean: bool) -> str:
    command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--no-password"]
    if clean:
        command += ["--clean", "--if-exists"]
    command += [f"--dbname={db['NAME']}", str(source)]
    try:
        subprocess.run(command, env=pg_environment(db), check=True, capture_output=True, timeout=6 * 3600)  # noqa: S603
    except FileNotFoundError:
        raise ValidationError(_("服务器上找不到 pg_restore：请安装 PostgreSQL 客户端后再恢复。")) from None
    except subprocess.CalledProcessError as exc:
        reason = exc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ValidationError(_("pg_restore 未能完成：%(r)s") % {"r": reason[0]}) from None
    return "ok"  # pg_restore --exit-on-error stops at the first error; the counts are checked next


def media_names(archive: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The archive's files under media/, refusing any name that would land outside the folder."""
    members = []
    for info in archive.infolist():
        name = PurePosixPath(info.filename)
        if info.is_dir():
            continue
        if name.is_absolute() or ".." in name.parts or name.parts[0] != "media" or len(name.parts) < 2:
            raise ValidationError(_("附件压缩包中有不安全的文件名：%(n)s") % {"n": info.filename})
        members.append((info, PurePosixPath(*name.parts[1:])))
    return members


def _media_in_use(root: Path) -> bool:
    return root.is_dir() and any(root.iterdir())


def restore_media(archive_path: Path, root: Path) -> Path | None:
    """Unpack the uploaded files into `root`; a non-empty folder (allowed by --force) is moved aside,
    never deleted, and named in the report."""
    moved = None
    if _media_in_use(root):
        moved = root.with_name(f"{root.name}.before-restore-{timezone.now():%Y%m%d%H%M%S}")
        root.rename(moved)
    root.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive_path) as archive:
        for info, relative in media_names(archive):
            target = root.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
    return moved


def verify(restored: Restored, counts: dict[str, int], root: Path) -> Restored:
    """Every table's rows and every file's SHA-256 against the manifest."""
    manifest = restored.manifest
    for table, expected in manifest["tables"].items():
        found = counts.get(table, -1)
        if found != expected:
            restored.wrong_tables[table] = (expected, found)
    restored.rows = sum(counts.get(t, 0) for t in manifest["tables"])
    for name, digest in manifest["files"].items():
        path = root.joinpath(*PurePosixPath(name).parts)
        if not path.is_file() or backup_manifest.sha256_file(path) != digest:
            restored.wrong_files.append(name)
    restored.files = len(manifest["files"])
    return restored


def restore_all(manifest_path: Path, *, vendor: str, db: dict, media_root: Path, force: bool) -> Restored:
    """The whole restore into the database `db` (Django's settings shape) and `media_root`; nothing is
    written when a check refuses. The caller closes its own connections to `db` first."""
    manifest = check(manifest_path, vendor)
    folder = manifest_path.parent
    existing = sqlite_counts(Path(db["NAME"])) if vendor == "sqlite" else pg_counts(db)
    if not force:
        refuse_unless_empty(existing, str(db["NAME"]))
        if _media_in_use(media_root):
            raise ValidationError(
                _("附件目录 %(p)s 不是空的。确认要用备份替换它，请加 --force。") % {"p": media_root}
            )
    restored = Restored(manifest)
    if vendor == "sqlite":
        restored.integrity = restore_sqlite(folder / manifest["database"], Path(db["NAME"]))
        counts = sqlite_counts(Path(db["NAME"]))
    else:
        restored.integrity = restore_pg(folder / manifest["database"], db, clean=bool(existing))
        counts = pg_counts(db)
    restored.moved_aside = restore_media(folder / manifest["media"], media_root)
    return verify(restored, counts, media_root)
