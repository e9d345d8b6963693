from django.db import models


class DemoLoad(models.Model):
    """Marks a demo loader as done, so `manage.py demo` is idempotent per ledger: a later release's
    ledger still gets its demo rows on an existing database."""

    name = models.CharField(max_length=60, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
