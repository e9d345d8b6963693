from django.core.management.base import BaseCommand
from django.utils import timezone

from zhibu.core import audit_retention


class Command(BaseCommand):
    help = (
        "Delete audit entries older than ZHIBU_AUDIT_RETENTION_DAYS (default 1095, at least 180) and "
        "record the purge in the audit trail. --dry-run only counts. The only way entries are deleted."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be deleted, delete nothing"
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        purge = audit_retention.audit_purge(dry_run=dry_run)
        cutoff = timezone.localtime(purge.cutoff).strftime("%Y年%m月%d日 %H:%M")
        verb = "将清除" if purge.dry_run else "已清除"
        self.stdout.write(
            f"操作日志保留 {purge.days} 天：{verb} {cutoff} 之前的 {purge.count} 条记录"
            + ("（试运行，未删除）。" if purge.dry_run else "，本次清除已记入操作日志。")
        )
