"""The city's documents: each branch's monthly summaries (submitted by the 5th of the next month and
received by the bureau) and its annual summary of every finished year, with the bureau's monthly
deadline. The text is a short fixed draft: the documents are there to be listed, counted and
submitted, not read. Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from zhibu.core.periods import Period
from zhibu.core.registries import citygen

from .models import ReportDocument, ReportRevision, Submission, SubmissionDeadline

SUMMARY = "本期支部按计划开展组织生活和理论学习，党员教师发挥先锋模范作用。"


def _blocks(title: str) -> list[dict]:
    return [
        {"type": "heading", "level": 1, "text": title},
        {"type": "para", "text": SUMMARY, "key": "p1", "style": "body"},
    ]


def _periods(ctx) -> list[Period]:
    months = [Period.month(y, m) for y in ctx.years for m in range(1, 13)]
    years = [Period.year(y) for y in ctx.years]
    return [p for p in months + years if p.end + timedelta(days=5) <= ctx.until]


@citygen.register("reports", order=90)
def generate(ctx: citygen.CityContext) -> int:
    ctx.bulk(
        SubmissionDeadline, [SubmissionDeadline(organisation=ctx.bureau, kind="monthly", day_of_month=5)]
    )
    periods = _periods(ctx)
    documents = [
        ReportDocument(
            organisation=b,
            kind="annual" if p.kind == "year" else "monthly",
            period_kind=p.kind,
            start=p.start,
            end=p.end,
            title=f"{b.name}{p.start:%Y}年{'度' if p.kind == 'year' else f'{p.start.month}月'}工作总结",
            revision_number=1,
        )
        for b in ctx.branches
        for p in periods
    ]
    ctx.bulk(ReportDocument, documents)
    ctx.bulk(
        ReportRevision,
        (
            ReportRevision(
                document=d,
                organisation_id=d.organisation_id,
                number=1,
                blocks=_blocks(d.title),
                values={},
                note="系统起草",
                edited_by=ctx.secretaries.get(d.organisation_id),
            )
            for d in documents
        ),
    )

    def submissions():
        for d in documents:
            due = d.end + timedelta(days=5)
            sent = due - timedelta(days=ctx.rng.randrange(5))
            at = timezone.make_aware(datetime.combine(sent, time(16, 0)))
            yield Submission(
                document=d,
                organisation_id=d.organisation_id,
                to_organisation=ctx.bureau,
                kind=d.kind,
                status=Submission.Status.RECEIVED,
                due_on=due if d.kind == "monthly" else None,
                submitted_at=at,
                revision_number=1,
                decided_at=at + timedelta(days=1),
            )

    ctx.bulk(Submission, submissions())
    return sum(
        ctx.rows[m._meta.db_table] for m in (SubmissionDeadline, ReportDocument, ReportRevision, Submission)
    )
