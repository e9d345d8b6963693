"""Faults (issue 16): a full disk during an export leaves no partial file and no half-finished job,
and a crash between writing a row and its audit entry cannot leave one without the other.

The full disk is the file layer's write failing with ENOSPC after part of the file went out (a short
write first, as a nearly full disk does); what is under test is the export's handling of it."""

from __future__ import annotations

import errno
import os
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from zhibu.core import backups, recycle, restore
from zhibu.core.export_jobs import EXPORT, export_params
from zhibu.core.jobs import job_start
from zhibu.core.models import AuditEntry, Job, Person, RemovedRecord, SearchEntry
from zhibu.core.registries import exporters
from zhibu.honours.models import Honour
from zhibu.honours.services.honours import honour_create
from zhibu.meetings.models import Meeting
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.people.services.persons import person_create
from zhibu.service.models import LiaisonClass
from zhibu.service.services.liaison import class_create
from zhibu.voice.models import Suggestion
from zhibu.voice.services.suggestions import suggestion_create


@pytest.fixture
def full_disk(monkeypatch):
    """os.write on files under `roots` writes 1,000 bytes once, then fails with ENOSPC."""
    real = os.write
    roots: list[Path] = []
    written = {"bytes": 0}

    def write(fd: int, data) -> int:
        try:
            target = Path(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            return real(fd, data)
        if not any(target.is_relative_to(root) for root in roots):
            return real(fd, data)
        if written["bytes"]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written["bytes"] = real(fd, bytes(data[:1000]))
        return written["bytes"]

    monkeypatch.setattr(os, "write", write)
    yield roots
    assert written["bytes"] == 1000, "the write never reached the full disk: the test proved nothing"


def _files_under(root: Path) -> list[str]:
    return (
        sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        if root.exists()
        else []
    )


@pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell which file a write goes to"
)
def test_a_full_disk_during_an_export_job_leaves_no_file_and_a_failed_job(world, full_disk):
    jobs_dir = Path(settings.MEDIA_ROOT) / "jobs"
    full_disk.append(jobs_dir / "out")
    for n in range(30):  # a roster of some size, so the workbook is larger than what fits
        person_create(
            actor=world.secretary, organisation=world.branch, data={"name": f"测试{n}号", "gender": "F"}
        )
    job = job_start(
        actor=world.secretary,
        organisation=world.branch,
        kind=EXPORT,
        label="导出花名册",
        params=export_params(exporters.get("people.roster"), "xlsx"),
    )
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "磁盘空间不足" in job.message and not job.result
    assert [p for p in _files_under(jobs_dir) if p.startswith("out/")] == []  # no partial, no .part
    finished = AuditEntry.objects.filter(object_id=str(job.pk)).values_list("action", flat=True)
    assert sorted(finished) == ["core.job.failed", "core.job.started"]  # never "finished"


@pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to tell which file a write goes to"
)
def test_a_full_disk_during_a_report_to_file_leaves_no_file(world, full_disk, tmp_path):
    out = tmp_path / "reports" / "2023年度工作总结.md"
    out.parent.mkdir()
    out.with_name("上一份.md").write_text("上一份总结", encoding="utf-8")
    full_disk.append(out.parent)
    with pytest.raises(CommandError, match="磁盘空间不足"):
        call_command(
            "report", "annual", org="yucai", start=date(2023, 1, 1), end=date(2023, 12, 31), fmt="md", out=out
        )
    assert _files_under(out.parent) == ["上一份.md"]


def _class(world):
    return class_create(actor=world.secretary, organisation=world.branch, name="初三（2）班")


def _honour(world):
    return honour_create(
        actor=world.secretary, organisation=world.branch, title="局优秀共产党员", kind="excellent_member",
        level="bureau", issuer="XX市教育体育局党委", awarded_on=date(2023, 6, 28), recipient="person",
        person=world.people["member"], occasion="2023年“两先一优”评比",
    )  # fmt: skip


def _suggestion(world):
    return suggestion_create(
        actor=world.committee, organisation=world.branch, received_on=date(2023, 3, 10), topic="后勤",
        content="延长供餐时间", author=world.people["member"],
    )  # fmt: skip


def _person(world):
    return person_create(
        actor=world.secretary, organisation=world.branch, data={"name": "赵敏", "gender": "F"}
    )


def _removal(world):
    meeting = MeetingFactory(organisation=world.branch, topic="重复登记的支委会")
    return recycle.record_remove(actor=world.secretary, model="meetings.meeting", obj=meeting, reason="重复")


# (service call, the rows it writes: none of them may survive a crash in its audit entry)
WRITES = {
    "service.class_create": (_class, [LiaisonClass]),
    "honours.honour_create": (_honour, [Honour]),
    "voice.suggestion_create": (_suggestion, [Suggestion]),
    "people.person_create": (_person, [Person]),
    "core.record_remove": (_removal, [RemovedRecord]),
}


class _Crash(RuntimeError):
    pass


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_crash_in_the_audit_write_leaves_neither_row_nor_entry(world, monkeypatch, name):
    call, models = WRITES[name]
    meetings_before = Meeting.objects.count()
    if name == "core.record_remove":
        meetings_before += 1  # the meeting the call makes first, outside the service
    before = {m: m.objects.count() for m in [*models, AuditEntry, SearchEntry]}

    def crash(self, *args, **kwargs):
        raise _Crash("the process died while writing the audit entry")

    monkeypatch.setattr(AuditEntry, "save", crash)
    with pytest.raises(_Crash):
        call(world)
    monkeypatch.undo()
    assert {m: m.objects.count() for m in before} == before
    assert Meeting.objects.count() == meetings_before  # a removal's meeting is still there


@pytest.mark.django_db(transaction=True)
def test_a_backup_that_fails_midway_leaves_none_of_its_files(world, monkeypatch, tmp_path):
    """The disk fills while the uploads are zipped: the half-made backup's files go, the earlier
    backup stays whole, and a restore of the folder finds that one."""
    folder = tmp_path / "backups"
    (Path(settings.MEDIA_ROOT) / "meetings").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "meetings" / "签到表.pdf").write_bytes(b"%PDF-1.4 " * 100)
    earlier = backups.backup_create(destination=folder, now=timezone.now() - timedelta(days=1))
    before = sorted(p.name for p in folder.iterdir())

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(zipfile.ZipFile, "open", full)
    with pytest.raises(OSError, match="No space left"):
        backups.backup_create(destination=folder)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert restore.locate(folder, tmp_path) == earlier.manifest
