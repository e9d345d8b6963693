from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from zhibu.core import backups


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup, or pg_dump -Fc on PostgreSQL), the uploaded files "
        "and a manifest (row counts, file hashes, schema) into PATH, or ZHIBU_BACKUP_DIR (var/backups) "
        "when none is given. The keys are not copied: keep them elsewhere (docs/operations.md). "
        "Run daily from cron or a systemd timer; `manage.py restore` puts a backup back."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="folder (default ZHIBU_BACKUP_DIR)")
        parser.add_argument("--dir", type=Path, help="the same as PATH (kept for older cron lines)")

    def handle(self, *args, **options) -> None:
        try:
            made = backups.backup_create(destination=options.get("path") or options.get("dir"))
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from None
        for path in made.files:
            self.stdout.write(str(path))
        self.stdout.write(
            self.style.WARNING(
                "The encryption keys (var/fernet.key or ZHIBU_FERNET_KEYS, var/secret_key) are NOT in "
                "this backup: keep a copy of them somewhere else, never beside it."
            )
        )
