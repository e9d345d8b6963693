"""A running job's progress reaches its page while the job's own transaction is still open (the
roster import writes everything in one), through the progress file, which is gone once it ended."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from zhibu.core import job_progress, jobs
from zhibu.core.models import Job
from zhibu.core.registries import jobs as job_kinds


def test_the_page_shows_progress_made_inside_an_uncommitted_transaction(world, kinds, login, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_EVERY_SECONDS", 0)  # every call reaches the file
    client = login(world.secretary)
    seen: dict = {}

    def import_all_or_nothing(job, progress):
        with transaction.atomic():
            progress(0, 1000)
            progress(400, 1000)
            seen["status"] = client.get(reverse("core:job_status", args=[job.pk])).content.decode()
            seen["page"] = client.get(reverse("core:job", args=[job.pk])).content.decode()
            # Not from the row: even this connection, inside the transaction, still reads 0 there.
            seen["row"] = Job.objects.values_list("status", "done", "total").get(pk=job.pk)
            path = job_progress._path(job.pk)
            seen["file"] = (job_progress.read(job.pk), stat.S_IMODE(path.stat().st_mode))
            progress(1000, 1000)
        return job_kinds.JobOutcome("导入完了")

    kinds("test.all_or_nothing", import_all_or_nothing)
    job = jobs.job_start(
        actor=world.secretary, organisation=world.branch, kind="test.all_or_nothing", label="导入"
    )
    for html in (seen["status"], seen["page"]):
        assert "400 / 1000" in html and 'value="40"' in html and "进行中" in html, html
    assert seen["row"] == (Job.Status.RUNNING, 0, None)
    assert seen["file"] == ((400, 1000), 0o600)
    # Finished: the last value is on the row, the file is gone, the page reads the row.
    assert (job.status, job.done, job.total) == (Job.Status.DONE, 1000, 1000)
    assert not job_progress._path(job.pk).exists()
    assert list(job_progress._path(job.pk).parent.iterdir()) == []  # no temporary file left behind
    assert 'value="100"' in client.get(reverse("core:job_status", args=[job.pk])).content.decode()


def test_a_crashing_or_refused_job_removes_its_progress_file_and_keeps_how_far_it_came(world, kinds):
    def crash(job, progress):
        progress(3, 10)
        assert job_progress.read(job.pk) == (3, 10)
        raise ZeroDivisionError("boom")

    def refuse(job, progress):
        progress(7, 10)
        raise ValidationError("第8行身份证号有误")

    kinds("test.crash_midway", crash)
    kinds("test.refuse_midway", refuse)
    for kind, done in (("test.crash_midway", 3), ("test.refuse_midway", 7)):
        job = jobs.job_start(actor=world.secretary, organisation=world.branch, kind=kind, label="x")
        assert (job.status, job.done, job.total) == (Job.Status.FAILED, done, 10)
        assert not job_progress._path(job.pk).exists()


def test_a_running_job_without_a_progress_file_shows_the_row(world, login):
    job = Job.objects.create(
        organisation=world.branch,
        kind="people.roster_import",
        label="导入",
        actor=world.secretary,
        status=Job.Status.RUNNING,
        done=5,
        total=10,
    )
    html = login(world.secretary).get(reverse("core:job_status", args=[job.pk])).content.decode()
    assert "5 / 10" in html and 'value="50"' in html


def test_a_finished_job_ignores_a_stale_progress_file(world, login):
    job = Job.objects.create(
        organisation=world.branch,
        kind="people.roster_import",
        label="导入",
        actor=world.secretary,
        status=Job.Status.FAILED,
        done=2,
        total=10,
    )
    job_progress.write(job.pk, 9, 10)
    assert jobs.job_get(world.secretary, job.pk).done == 2


def test_an_unreadable_progress_file_reads_as_no_progress(world, settings):
    job_progress._path("x").parent.mkdir(parents=True)
    job_progress._path("x").write_text("{half")
    assert job_progress.read("x") is None and job_progress.read("missing") is None


def test_polling_a_job_never_writes_the_session(world, login, time_machine):
    """On SQLite a session write waits for the import's write lock, and fails with a 400 when the
    lock outlasts the busy timeout: a poll writes nothing. A page the user opens still restarts
    the idle clock, at most once a minute."""
    time_machine.move_to(datetime(2024, 9, 2, 9, 0), tick=False)
    job = Job.objects.create(
        organisation=world.branch, kind="people.roster_import", label="导入", actor=world.secretary
    )
    client = login(world.secretary)
    url = reverse("core:job_status", args=[job.pk])
    client.get(reverse("core:job", args=[job.pk]))

    def session_row():
        return Session.objects.values_list("session_data", flat=True).get()

    before = session_row()
    for _ in range(10):
        time_machine.shift(timedelta(seconds=10))
        assert client.get(url).status_code == 200
    assert session_row() == before  # 100 s of polling: not one write
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 200
    assert session_row() != before  # the user's own page restarts the idle clock
