"""Background jobs: start one, run it in the worker with progress, show and serve its result.

`job_start` records the job (and its uploaded input) in a durable transaction, then enqueues
`run_job` on Django's tasks framework (django-tasks with its database backend: no extra server; a
school's `make run` starts the worker beside the web server, a bureau runs `manage.py db_worker` as
a second service). The page polls the job and draws its progress bar; when it finishes it shows the
outcome the handler returned. Tests use the immediate backend, which runs the job at once.

Core's own kinds: "core.export" runs any registered exporter (core/export_jobs.py), "core.backup"
the backup of the whole installation (core/backups.py); importing them here registers them, since
the autodiscovery imports each app's `jobs` module.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import (  # noqa: F401 - backups, export_jobs register kinds
    atomic_files,
    audit,
    backups,
    export_jobs,
    job_progress,
    policy,
)
from .audit_actions import CoreAction
from .models import Job, Organisation
from .registries import jobs as job_kinds

log = logging.getLogger(__name__)
# The page polls about once a second; writing the progress file more often only costs the disk.
PROGRESS_EVERY_SECONDS = 0.5


def job_start(*, actor, organisation: Organisation, kind: str, label: str, params=None, upload=None) -> Job:
    """Record the job and hand it to the worker. Returns at once; the page then follows the job."""
    spec = job_kinds.get(kind)
    policy.require(actor, spec.perm_for(params or {}), organisation)
    with transaction.atomic(durable=True):
        job = Job(organisation=organisation, kind=kind, label=label[:200], actor=actor, params=params or {})
        if upload is not None:
            upload.seek(0)
            job.upload.save(f"{job.id}.bin", ContentFile(upload.read()), save=False)
        job.save()
        audit.record(actor, CoreAction.JOB_STARTED, job, after={"kind": kind, "label": job.label})
    # After the commit: the immediate backend (tests) runs the job right here, and the database
    # backend's worker must find the job row when it picks the task up.
    run_job.enqueue(str(job.pk))
    return Job.objects.get(pk=job.pk)


class _ProgressWriter:
    """The handler's `progress(done, total)`: into the job's progress file (core/job_progress.py
    says why not the row), at most every PROGRESS_EVERY_SECONDS; the last value goes to the row at
    the end."""

    def __init__(self, job: Job):
        self.job_id = job.pk
        self.last: tuple[int, int | None] | None = None
        self.written_at = float("-inf")

    def __call__(self, done: int, total: int | None) -> None:
        self.last = (done, total)
        now = time.monotonic()
        if now - self.written_at < PROGRESS_EVERY_SECONDS and (total is None or done < total):
            return
        self.written_at = now
        job_progress.write(self.job_id, done, total)


@task()
def run_job(job_id: str) -> str:
    """The worker's side: run the handler, its progress in the job's progress file, its outcome on the row."""
    job = Job.objects.select_related("actor", "organisation").get(pk=UUID(job_id))
    if job.finished:
        return job.status
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    spec = job_kinds.get(job.kind)
    progress = _ProgressWriter(job)
    try:
        outcome = spec.handler(job, progress)
    except ValidationError as exc:
        outcome = job_kinds.JobOutcome("；".join(exc.messages), ok=False)
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        outcome = job_kinds.JobOutcome(
            _("任务未能完成：系统出错，已记录，请稍后重试或联系管理员。"), ok=False
        )
    try:
        _finish(job, outcome, progress.last)
    finally:
        # Only once the row says finished: the page stops reading the file then, so a poll in
        # between never falls back to the row's 0.
        job_progress.clear(job.pk)
    return job.status


def _finish(job: Job, outcome: job_kinds.JobOutcome, last: tuple[int, int | None] | None) -> None:
    job.refresh_from_db()
    if last is not None:
        job.done, job.total = last
    job.status = Job.Status.DONE if outcome.ok else Job.Status.FAILED
    job.message = outcome.message[:500]
    job.details = outcome.details
    job.next_url = outcome.next_url
    job.finished_at = timezone.now()
    if outcome.file is not None:
        try:
            job.result.name = _result_saved(job, outcome.file)
        except OSError as exc:  # a full disk: the job fails whole, no partial file left behind
            log.error("job %s: result not saved: %s", job.pk, exc)
            job.status, job.message = Job.Status.FAILED, atomic_files.failure_message(exc)[:500]
        else:
            job.result_name = outcome.file.filename[:200]
            job.result_type = outcome.file.content_type
    if job.upload:
        job.upload.delete(save=False)  # the input has been read; uploaded personal data is not kept
    with transaction.atomic():
        job.save()
        action = CoreAction.JOB_FINISHED if job.status == Job.Status.DONE else CoreAction.JOB_FAILED
        audit.record(job.actor, action, job, after={"kind": job.kind, "message": job.message})


def _result_saved(job: Job, rendered) -> str:
    """The result written whole under the name the storage gives it, or not at all."""
    storage = job.result.storage
    name = storage.get_available_name(job.result.field.generate_filename(job, f"{job.id}.{rendered.fmt}"))
    atomic_files.write_atomic(Path(storage.path(name)), rendered.content)
    return name


def job_get(user, pk) -> Job:
    """Only the user who started a job sees it (its result may hold personal data); 404 otherwise.
    While it runs, done/total come from its progress file (the row has them once it finished)."""
    job = get_object_or_404(Job.objects.select_related("organisation"), pk=pk, actor_id=user.pk)
    if job.finished:
        return job
    running = job_progress.read(job.pk)
    if running is not None:
        job.done, job.total = running
    elif job.status == Job.Status.RUNNING:
        job.refresh_from_db()  # it may have finished (and removed its file) since the row was read
    return job
