"""Demo: the bureau asks for weekly bulletins by Friday and monthly summaries by the 5th. The
deadlines bind from today, so the demo's past years carry no late/missing findings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from zhibu.core.models import Organisation, User
from zhibu.core.periods import Period
from zhibu.core.registries import demo

from .deadlines import due_date
from .document import Heading, Paragraph, SignatureBlock, blocks_to_json
from .models import ReportDocument, ReportRevision, Submission, SubmissionDeadline
from .submissions import deadline_set


@demo.register("reports", order=90)
def load() -> str:
    actor = User.objects.get(username="bureau")
    bureau = actor.grants.get(role="bureau").organisation
    deadline_set(actor=actor, organisation=bureau, kind="weekly", weekday=4, day_of_month=None)
    deadline_set(actor=actor, organisation=bureau, kind="monthly", weekday=None, day_of_month=5)
    return "2 deadlines"


# The demo city's monthly summaries this year, so the bureau's grid compares punctuality:
# code -> (months submitted late, months never submitted)
PUNCTUALITY = {
    "yucai": ({4}, set()),
    "school-14": (set(), set()),
    "school-20": ({2, 6, 9}, {7, 8}),
    "shiyan": ({3}, {2, 5, 6, 8, 9}),
}


def _summaries(bureau: Organisation, year: int, today: date) -> int:
    """Each branch's received summaries, on time or late, from the start of the year."""
    deadline = SubmissionDeadline.objects.filter(organisation=bureau, kind="monthly").first()
    if deadline is None:
        return 0
    # The bureau asked for monthly summaries from the start of the year, not from the demo's load.
    SubmissionDeadline.objects.filter(pk=deadline.pk).update(created_at=_moment(date(year, 1, 1)))
    made = 0
    for code, (late, missing) in PUNCTUALITY.items():
        branch = Organisation.objects.filter(code=code).first()
        if branch is None:
            continue
        for month in range(1, 13):
            period = Period.month(year, month)
            due = due_date(deadline, period)
            if due is None or due >= today or month in missing:
                continue
            sent = due + timedelta(days=3) if month in late else due - timedelta(days=1)
            document = ReportDocument.objects.create(
                organisation=branch,
                kind="monthly",
                period_kind="month",
                start=period.start,
                end=period.end,
                title=f"{branch.name}{year}年{month}月工作总结",
                revision_number=1,
            )
            blocks = [
                Heading(level=1, text="一、主要工作"),
                Paragraph(text=f"{month}月，支部按计划召开支委会，组织党员集中学习。", key="p1"),
                SignatureBlock(org_name=branch.name, on=period.end),
            ]
            ReportRevision.objects.create(
                document=document, organisation=branch, number=1, blocks=blocks_to_json(blocks), note="报送稿"
            )
            Submission.objects.create(
                document=document,
                organisation=branch,
                to_organisation=bureau,
                kind="monthly",
                status=Submission.Status.RECEIVED,
                due_on=due,
                submitted_at=_moment(sent),
                decided_at=_moment(sent + timedelta(days=1)),
                revision_number=1,
            )
            made += 1
    return made


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@demo.register("reports.punctuality", order=91)
def load_punctuality() -> str:
    actor = User.objects.get(username="bureau")
    bureau = actor.grants.get(role="bureau").organisation
    today = timezone.localdate()
    return f"月工作总结{_summaries(bureau, today.year, today)}份"
