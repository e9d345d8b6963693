"""Audit retention (issue 16): entries older than ZHIBU_AUDIT_RETENTION_DAYS leave the trail only
through `manage.py purge_audit`, which records its own entry; nothing else deletes an entry; the
period is never under 180 days. And the 回收站's purge command empties what outlived its period."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from zhibu.core import audit, audit_retention, recycle
from zhibu.core.audit_actions import CoreAction
from zhibu.core.models import AuditEntry, RemovedRecord
from zhibu.core.models.audit import AppendOnlyError
from zhibu.meetings.models import Meeting
from zhibu.meetings.tests.factories import MeetingFactory


def _entry_at(when, actor, name: str) -> AuditEntry:
    with time_machine.travel(when, tick=False):
        return audit.record(actor, CoreAction.HISTORY_SET, actor, object_repr=name)


def test_purge_audit_deletes_only_what_outlived_the_period_and_records_itself(world, settings, capsys):
    settings.ZHIBU_AUDIT_RETENTION_DAYS = 1095
    now = timezone.now()
    _entry_at(now - timedelta(days=1200), world.secretary, "四年前")
    _entry_at(now - timedelta(days=1096), world.secretary, "三年零一天前")
    _entry_at(now - timedelta(days=1000), world.secretary, "不到三年")
    kept_before = AuditEntry.objects.count() - 2

    call_command("purge_audit", "--dry-run")
    assert "将清除" in capsys.readouterr().out and AuditEntry.objects.count() == kept_before + 2
    assert not AuditEntry.objects.filter(action="core.audit.purged").exists()

    call_command("purge_audit")
    out = capsys.readouterr().out
    assert "操作日志保留 1095 天：已清除" in out and "2 条记录" in out and "已记入操作日志" in out
    reprs = set(AuditEntry.objects.values_list("object_repr", flat=True))
    assert "不到三年" in reprs and not {"四年前", "三年零一天前"} & reprs
    purge = AuditEntry.objects.get(action="core.audit.purged")
    assert purge.after["count"] == 2 and purge.after["days"] == 1095 and purge.after["cutoff"]
    assert AuditEntry.objects.count() == kept_before + 1  # the purge's own entry

    call_command("purge_audit")  # nothing left to purge: no entry for an empty purge
    assert AuditEntry.objects.filter(action="core.audit.purged").count() == 1


def test_an_entry_cannot_be_deleted_any_other_way(world):
    entry = _entry_at(timezone.now() - timedelta(days=2000), world.secretary, "旧记录")
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    if connection.vendor == "postgresql":  # the database refuses a raw DELETE outside the purge too
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_period_is_never_under_180_days(settings):
    settings.ZHIBU_AUDIT_RETENTION_DAYS = 90
    with pytest.raises(ImproperlyConfigured, match="below the minimum 180"):
        audit_retention.audit_purge(dry_run=True)
    env = {**os.environ, "ZHIBU_AUDIT_RETENTION_DAYS": "179"}
    run = subprocess.run(  # noqa: S603 - this interpreter importing the settings
        [sys.executable, "-c", "import zhibu.settings"], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0 and "ZHIBU_AUDIT_RETENTION_DAYS=179 is below the minimum 180" in run.stderr


def test_the_recycle_bin_command_purges_what_outlived_its_period(world, settings, capsys):
    settings.ZHIBU_RECYCLE_DAYS = 30
    old, recent = MeetingFactory(organisation=world.branch), MeetingFactory(organisation=world.branch)
    recent_id = str(recent.pk)  # the delete clears the instance's key
    with time_machine.travel(timezone.now() - timedelta(days=31)):
        recycle.record_remove(actor=world.secretary, model="meetings.meeting", obj=old, reason="重复登记")
    recycle.record_remove(actor=world.secretary, model="meetings.meeting", obj=recent, reason="错录")
    call_command("purge_recycle_bin")
    assert "purged 1 removed records" in capsys.readouterr().out
    assert list(RemovedRecord.objects.values_list("object_id", flat=True)) == [recent_id]
    assert not Meeting.objects.exists()
    assert AuditEntry.objects.filter(action="core.record.purged").count() == 1
