"""When a branch's bulletin or summary is due: the nearest superior's SubmissionDeadline."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from django.utils import timezone

from zhibu.core import memo
from zhibu.core.lean import lean
from zhibu.core.models import Organisation
from zhibu.core.periods import Period

from .models import Submission, SubmissionDeadline

WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
DEADLINE_KINDS = ("weekly", "monthly")


def deadlines_for(orgs: list[Organisation]) -> dict[tuple[int, str], SubmissionDeadline]:
    """{(org pk, kind): deadline} resolved through ancestors for many organisations in one query."""
    codes = {code for org in orgs for code in org.path.strip("/").split("/") if code}
    rows = SubmissionDeadline.objects.filter(organisation__code__in=codes).select_related("organisation")
    by_code = {(d.organisation.code, d.kind): d for d in rows}
    resolved = {}
    for org in orgs:
        ancestors = [c for c in org.path.strip("/").split("/") if c and c != org.code]
        for kind in DEADLINE_KINDS:
            for code in reversed(ancestors):  # nearest superior first
                if (code, kind) in by_code:
                    resolved[(org.pk, kind)] = by_code[(code, kind)]
                    break
    return resolved


def due_date(deadline: SubmissionDeadline | None, period: Period) -> date | None:
    if deadline is None:
        return None
    if deadline.kind == "weekly" and deadline.weekday is not None:
        return Period.week(period.start).start + timedelta(days=deadline.weekday)
    if deadline.kind == "monthly" and deadline.day_of_month:
        after = period.end + timedelta(days=1)
        last = calendar.monthrange(after.year, after.month)[1]
        return date(after.year, after.month, min(deadline.day_of_month, last))
    return None


def due_for(org: Organisation, kind: str, period: Period) -> date | None:
    return due_date(deadlines_for([org]).get((org.pk, kind)), period)


def describe(deadline: SubmissionDeadline) -> str:
    if deadline.kind == "weekly":
        return f"每周{WEEKDAYS[deadline.weekday][2:]}前报送周信息"
    return f"次月{deadline.day_of_month}日前报送上月工作总结"


def sub_periods(kind: str, period: Period) -> list[Period]:
    inner = period.weeks() if kind == "weekly" else period.months()
    return [p for p in inner if p.start >= period.start and p.end <= period.end]


def past_due(branches: list[Organisation], period: Period, today: date) -> Iterator[tuple]:
    """(branch, kind, sub-period, due date, submission or None) for every due date already past,
    for many branches in two queries (the deadlines, the submissions)."""
    rules = deadlines_for(branches)
    sent = {
        (s.organisation_id, s.kind, s.document.start): s
        for s in lean(
            Submission.objects.filter(
                organisation__in=[b.pk for b in branches],
                document__start__gte=period.start,
                document__end__lte=period.end,
                submitted_at__isnull=False,
            ).select_related("document")
        )
    }
    # each deadline's dates once: a bureau's 300 branches share its one or two
    dues: dict[int, list[tuple[Period, date]]] = {}
    for branch in branches:
        for kind in DEADLINE_KINDS:
            deadline = rules.get((branch.pk, kind))
            if deadline is None:
                continue
            if deadline.pk not in dues:
                dues[deadline.pk] = _past_dates(deadline, period, today)
            for sub, due in dues[deadline.pk]:
                yield branch, kind, sub, due, sent.get((branch.pk, kind, sub.start))


def _past_dates(deadline: SubmissionDeadline, period: Period, today: date) -> list[tuple[Period, date]]:
    """(sub-period, due date) of each of the period's bulletins or summaries already past due."""
    # a deadline binds from the day the superior set it, never retroactively
    since = timezone.localtime(deadline.created_at).date()
    dated = [(sub, due_date(deadline, sub)) for sub in sub_periods(deadline.kind, period)]
    return [(sub, due) for sub, due in dated if due is not None and since <= due < today]


@memo.shared
def past_due_under(root: Organisation, period: Period, today: date) -> list[tuple]:
    """past_due for every branch of root's subtree (path order): the submission rules and the
    bureau's grid column ask it of the same committee and period, and share it within a unit of
    work."""
    branches = list(root.subtree().filter(kind=Organisation.Kind.BRANCH).order_by("path"))
    return list(past_due(branches, period, today))


def submitted_late(submission: Submission, due: date) -> bool:
    return timezone.localtime(submission.submitted_at).date() > due
