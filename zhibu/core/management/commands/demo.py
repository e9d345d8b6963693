from django.core.management.base import BaseCommand

from zhibu.core import search_index, writes
from zhibu.core.models import DemoLoad
from zhibu.core.registries import demo


class Command(BaseCommand):
    help = "Load the demo bureau and branches (idempotent: each ledger's demo loads once)."

    def handle(self, *args, **options) -> None:
        loaded = False
        for loader in demo.loaders():
            if DemoLoad.objects.filter(name=loader.name).exists():
                self.stdout.write(f"  demo {loader.name}: already loaded")
                continue
            # One transaction per ledger's demo: its services join it, so it loads whole or not at all.
            with writes.batch():
                summary = loader.func()
                DemoLoad.objects.create(name=loader.name)
            self.stdout.write(self.style.SUCCESS(f"  demo {loader.name}: loaded {summary or ''}"))
            loaded = True
        if loaded:
            # Loaders bulk-insert some rows past the services (and so past audit.record's refresh).
            with writes.batch():
                search_index.reindex()
        for password, logins in demo.accounts():
            self.stdout.write("")
            self.stdout.write(f"演示账号 / demo accounts (password: {password}):")
            for username, who in logins:
                self.stdout.write(f"  {username:<10} {who}")
