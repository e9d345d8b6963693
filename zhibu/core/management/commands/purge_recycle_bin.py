from django.core.management.base import BaseCommand

from zhibu.core import recycle


class Command(BaseCommand):
    help = "Delete records removed more than ZHIBU_RECYCLE_DAYS ago, with their files (run daily from cron)."

    def handle(self, *args, **options) -> None:
        purged = recycle.recycle_purge()
        self.stdout.write(self.style.SUCCESS(f"purged {purged} removed records"))
