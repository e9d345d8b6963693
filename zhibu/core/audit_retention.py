"""Audit retention: entries older than ZHIBU_AUDIT_RETENTION_DAYS (3 years by default, never under 180
days: 等保 2.0 keeps audit records at least six months) leave the trail only through
`manage.py purge_audit`, and the purge itself is an audit entry (how many, before which moment).

It is the one sanctioned delete of the append-only trail: the model and its queryset refuse deletes,
and on PostgreSQL the trigger of migration 0002 refuses them too unless the transaction set
`zhibu.audit_purge` (SET LOCAL, so it ends with this transaction; migration 0014).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.utils import timezone

from . import audit
from .audit_actions import CoreAction
from .models import AuditEntry

MINIMUM_DAYS = 180


@dataclass(frozen=True)
class Purge:
    days: int
    cutoff: datetime
    count: int
    dry_run: bool


def retention_days() -> int:
    days = settings.ZHIBU_AUDIT_RETENTION_DAYS
    if days < MINIMUM_DAYS:  # settings.py refuses it at start; this guards an override in code
        raise ImproperlyConfigured(f"ZHIBU_AUDIT_RETENTION_DAYS={days} is below the minimum {MINIMUM_DAYS}")
    return days


def audit_purge(*, dry_run: bool = False, now: datetime | None = None) -> Purge:
    """Delete the entries older than the retention period, and record that it was done."""
    days = retention_days()
    cutoff = (now or timezone.now()) - timedelta(days=days)
    with transaction.atomic(durable=True):
        old = AuditEntry.objects.filter(at__lt=cutoff)
        count = old.count()
        if dry_run or not count:
            return Purge(days, cutoff, count, dry_run)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL zhibu.audit_purge = 'on'")
        old._raw_delete(old.db)  # past AuditQuerySet.delete, which refuses every other caller
        audit.record(
            None,
            CoreAction.AUDIT_PURGED,
            after={"count": count, "cutoff": cutoff.isoformat(timespec="seconds"), "days": days},
        )
    return Purge(days, cutoff, count, dry_run)
