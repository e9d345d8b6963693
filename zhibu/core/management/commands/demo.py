from django.core.management.base import BaseCommand
from django.db import transaction

from zhibu.core.demo_data import DEMO_ACCOUNTS, demo_password
from zhibu.core.models import DemoLoad
from zhibu.core.registries import demo


class Command(BaseCommand):
    help = "Load the demo bureau and branches (idempotent: each ledger's demo loads once)."

    def handle(self, *args, **options) -> None:
        for loader in demo.loaders():
            if DemoLoad.objects.filter(name=loader.name).exists():
                self.stdout.write(f"  demo {loader.name}: already loaded")
                continue
            with transaction.atomic():
                summary = loader.func()
                DemoLoad.objects.create(name=loader.name)
            self.stdout.write(self.style.SUCCESS(f"  demo {loader.name}: loaded {summary or ''}"))
        self.stdout.write("")
        self.stdout.write(f"演示账号 / demo accounts (password: {demo_password()}):")
        for username, who in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<10} {who}")
