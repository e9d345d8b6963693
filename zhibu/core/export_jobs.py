"""Large exports as background jobs: one generic kind, "core.export", for every registered exporter.

The job runs `downloads.export_file` — the same permission check, renderer and audit entry as a
direct download — with the renderer's `progress(done, total)` hook writing the job's progress bar,
and returns the file for the job page to offer. Its params are JSON (they live on the job row):

    {"exporter": "people.roster", "format": "xlsx", "params": {...}, "after": {...}}

A builder parameter that is a Period travels as {"period": [kind, start, end]} (`encode_params`).
The export is of the job's organisation: exporters of a single record (a saved document) are small
and stay direct downloads. Views start it through `core.web.export_or_job`.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from . import downloads
from .periods import Period
from .registries import exporters
from .registries import jobs as job_kinds
from .registries.exporters import Progress

EXPORT = "core.export"
_PERIOD = "period"


def encode_params(params: dict[str, Any]) -> dict[str, Any]:
    """A builder's keyword arguments as JSON; a Period becomes {"period": [kind, start, end]}."""
    return {k: {_PERIOD: v.as_json()} if isinstance(v, Period) else v for k, v in params.items()}


def decode_params(params: dict[str, Any]) -> dict[str, Any]:
    return {
        k: Period.from_json(v[_PERIOD]) if isinstance(v, dict) and set(v) == {_PERIOD} else v
        for k, v in params.items()
    }


def export_perm(params: dict) -> str:
    """The exporter's own permission: a job exports nothing its starter could not download."""
    spec = exporters.get(params.get("exporter", ""))
    if not spec.perm:
        raise ValueError(f"exporter {spec.identifier} declares no permission and cannot run as a job")
    return spec.perm


def export_params(spec: exporters.Exporter, fmt: str, *, after: dict | None = None, **params: Any) -> dict:
    """The job params of one export (what `export_or_job` records when it starts the job)."""
    return {
        "exporter": spec.identifier,
        "format": fmt,
        "params": encode_params(params),
        "after": after or {},
    }


@job_kinds.register(EXPORT, perm=export_perm)
def export(job, progress: Progress) -> job_kinds.JobOutcome:
    spec = exporters.get(job.params["exporter"])
    rendered = downloads.export_file(
        job.actor,
        spec,
        job.params["format"],
        obj=job.organisation,
        after={**job.params.get("after", {}), "job": str(job.pk)},
        progress=progress,
        **decode_params(job.params.get("params", {})),
    )
    return job_kinds.JobOutcome(_("已导出“%(name)s”，请下载。") % {"name": rendered.filename}, file=rendered)
