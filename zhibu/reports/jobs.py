"""Long documents as background jobs: an annual summary, or any document of an organisation above a
branch (a bureau's roll-up of its whole subtree), computes hundreds of figures over a year of
records; the page follows them on a bar instead of waiting on one request. The job runs the same
`services.document_generate` the quick path runs, and links to the document it kept."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zhibu.core.models import Job, Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import jobs
from zhibu.core.registries.exporters import Progress

from . import services

GENERATE = "reports.generate"
# Drafting a week or a month of one branch takes a second or two; anything longer goes to the worker.
QUICK_DAYS = 31
QUICK_KINDS = (Organisation.Kind.BRANCH, Organisation.Kind.GROUP)


def runs_as_job(organisation: Organisation, period: Period) -> bool:
    """Longer than a month, or an organisation with branches under it (its figures cover them all)."""
    return period.days > QUICK_DAYS or organisation.kind not in QUICK_KINDS


def generate_params(kind: str, period: Period) -> dict:
    return {"kind": kind, "period": period.as_json()}


@jobs.register(GENERATE, perm="reports.edit")
def generate(job: Job, progress: Progress) -> jobs.JobOutcome:
    try:
        record = services.document_generate(
            actor=job.actor,
            organisation=job.organisation,
            kind=job.params["kind"],
            period=Period.from_json(job.params["period"]),
            progress=progress,
        )
    except services.DocumentExists as exc:
        message = _("该期间的这类材料已经存在：%(title)s。请打开它编辑或重新起草。") % {
            "title": exc.record.title
        }
        return jobs.JobOutcome(message, ok=False, next_url=exc.record.get_absolute_url())
    message = _("已根据台账起草《%(title)s》，请核对后编辑。") % {"title": record.title}
    return jobs.JobOutcome(message, next_url=record.get_absolute_url())
