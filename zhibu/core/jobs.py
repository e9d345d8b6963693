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
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import audit, backups, export_jobs, policy  # noqa: F401 - backups, export_jobs register kinds
from .audit_actions import CoreAction
from .models import Job, Organisation
from .registries import jobs as job_kinds
from .registries.exporters import Progress

log = logging.getLogger(__name__)
# The page polls about once a second; writing progress more often than this only costs the
# database (and, on SQLite, the write lock other users need).
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


def _progress_writer(job: Job) -> Progress:
    last = [0.0]

    def progress(done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY_SECONDS and (total is None or done < total):
            return
        last[0] = now
        Job.objects.filter(pk=job.pk).update(done=done, total=total)

    return progress


@task()
def run_job(job_id: str) -> str:
    """The worker's side: run the handler, keep its progress and its outcome on the job row."""
    job = Job.objects.select_related("actor", "organisation").get(pk=UUID(job_id))
    if job.finished:
        return job.status
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    spec = job_kinds.get(job.kind)
    try:
        outcome = spec.handler(job, _progress_writer(job))
    except ValidationError as exc:
        outcome = job_kinds.JobOutcome("；".join(exc.messages), ok=False)
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        outcome = job_kinds.JobOutcome(
            _("任务未能完成：系统出错，已记录，请稍后重试或联系管理员。"), ok=False
        )
    _finish(job, outcome)
    return job.status


def _finish(job: Job, outcome: job_kinds.JobOutcome) -> None:
    job.refresh_from_db()
    job.status = Job.Status.DONE if outcome.ok else Job.Status.FAILED
    job.message = outcome.message[:500]
    job.details = outcome.details
    job.next_url = outcome.next_url
    job.finished_at = timezone.now()
    if outcome.file is not None:
        job.result.save(f"{job.id}.{outcome.file.fmt}", ContentFile(outcome.file.content), save=False)
        job.result_name = outcome.file.filename[:200]
        job.result_type = outcome.file.content_type
    if job.upload:
        job.upload.delete(save=False)  # the input has been read; uploaded personal data is not kept
    with transaction.atomic():
        job.save()
        action = CoreAction.JOB_FINISHED if outcome.ok else CoreAction.JOB_FAILED
        audit.record(job.actor, action, job, after={"kind": job.kind, "message": job.message})


def job_get(user, pk) -> Job:
    """Only the user who started a job sees it (its result may hold personal data); 404 otherwise."""
    return get_object_or_404(Job.objects.select_related("organisation"), pk=pk, actor_id=user.pk)
