"""`manage.py restore PATH [--force]`: see zhibu/core/restore.py and docs/operations.md (恢复)."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from zhibu.core import backup_manifest, restore, stamps


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (its folder, its -manifest.json, or the 备份 "
        "page's .zip) into the configured database and media folder, which must be empty unless "
        "--force; refuses a backup from a newer version, checks every row count and file hash "
        "against the manifest, then runs migrate (an older backup) and search_reindex. "
        "Stop the server and the worker first. The keys are put back by hand."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace a database that holds records (media moved aside)"
        )

    def handle(self, *args, path: Path, force: bool, **options) -> None:
        with tempfile.TemporaryDirectory(prefix="zhibu-restore-") as workdir:
            try:
                manifest_path = restore.locate(path, Path(workdir))
                connection.close()  # SQLite: no connection of ours holds the file being replaced
                done = restore.restore_all(
                    manifest_path, vendor=connection.vendor, db=connection.settings_dict,
                    media_root=Path(settings.MEDIA_ROOT), force=force,
                )  # fmt: skip
            except ValidationError as exc:
                raise CommandError("未恢复：" + "；".join(exc.messages)) from None
        self._report(done)
        if not done.verified:
            raise CommandError("恢复结果与备份清单不符，请勿使用该数据库，换一份备份重试。")
        older = backup_manifest.missing_migrations(done.manifest)
        if older:
            self.stdout.write(f"数据库结构：备份来自较早的版本，正在升级（{len(older)} 个迁移）……")
            call_command("migrate", interactive=False, verbosity=0)
        else:
            self.stdout.write("数据库结构：与本程序版本一致。")
        call_command("search_reindex", stdout=self.stdout)
        stamps.new_epoch()  # a running server's stored findings describe the database replaced
        self.stdout.write(
            self.style.SUCCESS("恢复完成。")
            + "加密密钥不在备份中：请把保存的 fernet.key 和 secret_key 放回 var/（或设置 ZHIBU_FERNET_KEYS、"
            "ZHIBU_SECRET_KEY），再启动服务，打开一位有身份证号的党员核对。"
        )

    def _report(self, done: restore.Restored) -> None:
        m = done.manifest
        vendor = restore.VENDOR_NAMES.get(m["vendor"], m["vendor"])
        self.stdout.write(f"备份：{m['database']}（{m['created_at']}，版本 {m['zhibu_version']}，{vendor}）")
        self.stdout.write(f"数据库完整性检查：{done.integrity}")
        if done.wrong_tables:
            for table, (expected, found) in sorted(done.wrong_tables.items()):
                self.stdout.write(
                    self.style.ERROR(f"  数据表 {table}：清单 {expected} 行，恢复后 {found} 行")
                )
        else:
            self.stdout.write(f"数据表：{len(m['tables'])} 张表共 {done.rows} 行，与备份清单一致。")
        if done.wrong_files:
            for name in done.wrong_files:
                self.stdout.write(self.style.ERROR(f"  附件 {name}：缺失或内容与清单不符"))
        else:
            self.stdout.write(f"附件：{done.files} 个文件，SHA-256 与备份清单一致。")
        if done.moved_aside:
            self.stdout.write(f"原附件目录已移到 {done.moved_aside}（未删除）。")
