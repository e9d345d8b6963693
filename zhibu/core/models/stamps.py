from django.db import models


class DataStamp(models.Model):
    """The last audit entry written at one organisation: what stored findings are keyed by.

    `scope` is the organisation's id; 0 stands for writes that belong to no organisation and -1
    holds the database's epoch (a random number that commands writing around the services — the
    city generator, the demo loader, restore, migrate — replace). A plain integer rather than a
    foreign key: the row is bookkeeping, written by every service in the audit entry's transaction,
    and must never hold up removing an organisation."""

    scope = models.IntegerField(primary_key=True)
    entry = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.scope}:{self.entry}"
