"""The roster import as a background job: a 1,000-row file takes seconds, and the page shows how far
it has come instead of a spinning request."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core.models import Job
from zhibu.core.registries import jobs
from zhibu.core.registries.exporters import Progress

from .services import roster as roster_services

ROSTER_IMPORT = "people.roster_import"
ERRORS_SHOWN = 200  # a file with thousands of problems is usually the wrong file; the first 200 tell


def _column(error) -> str:
    if error.column:
        return f"{error.column}（{error.letter}列）" if error.letter else error.column
    return f"{error.letter}列" if error.letter else ""


@jobs.register(ROSTER_IMPORT, perm="people.import")
def roster_import(job: Job, progress: Progress) -> jobs.JobOutcome:
    with job.upload.open("rb") as upload:
        result = roster_services.roster_import(
            actor=job.actor,
            organisation=job.organisation,
            upload=upload.read(),
            filename=job.params.get("filename", ""),
            progress=progress,
        )
    if not result.ok:
        details = [
            {"sheet": e.sheet, "row": e.row, "column": _column(e), "reason": e.reason}
            for e in result.errors[:ERRORS_SHOWN]
        ]
        message = _("发现%(n)d处问题，一个人也没有导入。请在文件中逐条改正后重新上传。") % {
            "n": len(result.errors)
        }
        if len(result.errors) > ERRORS_SHOWN:
            message += _("（只列出前%(n)d处）") % {"n": ERRORS_SHOWN}
        return jobs.JobOutcome(message, ok=False, details=details, next_url=_back(job))
    message = _("已导入%(n)d人。") % {"n": result.created}
    if result.ignored_columns:
        message += _("以下列不在花名册中，没有导入：%(cols)s") % {"cols": "、".join(result.ignored_columns)}
    return jobs.JobOutcome(message, next_url=f"{reverse('people:list')}?org={job.organisation.code}")


def _back(job: Job) -> str:
    return f"{reverse('people:import')}?org={job.organisation.code}"
