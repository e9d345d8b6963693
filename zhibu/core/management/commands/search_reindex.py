from django.core.management.base import BaseCommand, CommandError

from zhibu.core import search_index, writes
from zhibu.core.models import SearchEntry
from zhibu.core.registries import search


class Command(BaseCommand):
    help = "Rebuild the search index from the ledgers (after an upgrade, a restore, or bulk loading)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("kinds", nargs="*", help="provider names (default: all)")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the index has no entry yet (`make run` after upgrading an older database)",
        )

    def handle(self, *args, **options) -> None:
        names = options["kinds"] or None
        known = {p.name for p in search.providers()}
        unknown = sorted(set(names or ()) - known)
        if unknown:
            raise CommandError(f"未知的搜索类别：{'、'.join(unknown)}（可用：{'、'.join(sorted(known))}）")
        if options["if_empty"] and SearchEntry.objects.exists():
            return
        with writes.batch():
            written = search_index.reindex(names)
        self.stdout.write(self.style.SUCCESS(f"search index: {written:,} entries"))
