from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from zhibu.core import crypto


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field with the first key of ZHIBU_FERNET_KEYS (key rotation)."

    def handle(self, *args, **options) -> None:
        total = 0
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, crypto.EncryptedTextField)]
            if not fields:
                continue
            names = [f.attname for f in fields]
            with transaction.atomic():
                # Loading a row decrypts with any configured key (from_db_value); writing the same
                # values back encrypts them with the first, newest key (get_prep_value).
                for row in model._default_manager.all().only("pk", *names).iterator(chunk_size=500):
                    model._default_manager.filter(pk=row.pk).update(**{n: getattr(row, n) for n in names})
                    total += 1
            self.stdout.write(f"  {model._meta.label}: {', '.join(names)}")
        self.stdout.write(self.style.SUCCESS(f"re-encrypted {total} rows with the newest key"))
