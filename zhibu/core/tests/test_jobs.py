"""Background jobs: the last progress kept on the row, outcome shown, failures explained, only the
starter sees the job, and the real database queue runs them through `manage.py db_worker`."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from zhibu.core import jobs
from zhibu.core.models import AuditEntry, Job
from zhibu.core.registries import jobs as job_kinds
from zhibu.core.registries.exporters import Rendered


def test_a_job_keeps_its_progress_and_its_result(world, kinds, login):
    seen: list[tuple[int, int | None]] = []

    def count_to_three(job, progress):
        for n in range(1, 4):
            progress(n, 3)
            seen.append((n, 3))
        return job_kinds.JobOutcome("数完了", file=Rendered("姓名\r\n".encode(), "名单.csv", "text/csv"))

    kinds("test.count", count_to_three)
    job = jobs.job_start(actor=world.secretary, organisation=world.branch, kind="test.count", label="数数")
    assert (job.status, job.done, job.total, job.message) == (Job.Status.DONE, 3, 3, "数完了")
    assert job.percent == 100 and job.result_name == "名单.csv"
    page = login(world.secretary).get(reverse("core:job", args=[job.pk])).content.decode()
    assert "数完了" in page and reverse("core:job_result", args=[job.pk]) in page
    assert "hx-trigger" not in page  # a finished job stops polling
    download = login(world.secretary).get(reverse("core:job_result", args=[job.pk]))
    assert (
        download["Cache-Control"] == "no-store"
        and b"".join(download.streaming_content) == "姓名\r\n".encode()
    )
    actions = list(AuditEntry.objects.filter(object_id=str(job.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["core.job.finished", "core.job.started"]


def test_a_refused_job_says_why_in_chinese(world, kinds):
    def refuse(job, progress):
        raise ValidationError("文件是空的")

    kinds("test.refuse", refuse)
    job = jobs.job_start(actor=world.secretary, organisation=world.branch, kind="test.refuse", label="x")
    assert (job.status, job.message) == (Job.Status.FAILED, "文件是空的")


def test_a_crashing_job_is_logged_with_its_traceback_and_explained(world, kinds, caplog):
    def crash(job, progress):
        raise ZeroDivisionError("boom")

    kinds("test.crash", crash)
    with caplog.at_level(logging.ERROR, logger="zhibu.core.jobs"):
        job = jobs.job_start(actor=world.secretary, organisation=world.branch, kind="test.crash", label="x")
    assert job.status == Job.Status.FAILED and "系统出错" in job.message
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_a_running_job_page_polls_its_status(world, login):
    job = Job.objects.create(
        organisation=world.branch, kind="people.roster_import", label="导入", actor=world.secretary
    )
    page = login(world.secretary).get(reverse("core:job", args=[job.pk])).content.decode()
    assert f'hx-get="{reverse("core:job_status", args=[job.pk])}"' in page and 'hx-trigger="every 1s"' in page


def test_starting_a_job_asks_policy(world, kinds):
    from django.core.exceptions import PermissionDenied

    kinds("test.noop", lambda job, progress: job_kinds.JobOutcome("ok"))
    with pytest.raises(PermissionDenied):
        jobs.job_start(actor=world.committee, organisation=world.branch, kind="test.noop", label="x")
    assert not Job.objects.exists()


def test_another_users_job_is_a_404(world, login):
    job = Job.objects.create(
        organisation=world.branch, kind="people.roster_import", label="导入", actor=world.secretary
    )
    for user in (world.committee, world.bureau, world.outsider):
        assert login(user).get(reverse("core:job", args=[job.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_runs_a_roster_import_through_the_worker(world, settings):
    """What `make run` does: the page enqueues, the worker process picks the job up."""
    from zhibu.people.jobs import ROSTER_IMPORT
    from zhibu.people.tests.roster_files import sample_rows, xlsx_bytes

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    upload = SimpleUploadedFile("花名册.xlsx", xlsx_bytes(sample_rows(2)))
    job = jobs.job_start(
        actor=world.secretary, organisation=world.branch, kind=ROSTER_IMPORT, label="导入", upload=upload
    )
    assert job.status == Job.Status.QUEUED
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0.1")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and "已导入2人" in job.message
