"""Monthly cadence of 包教: the branch checks every case every month, and every case has at least
one log a month. Messages name the pseudonym and the mentor, never the student.

Only completed school months count (the current month is still open; August is the summer
holiday), and a case that started after the 15th is not expected to show work that month."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import memo
from zhibu.core.lean import lean, month_of
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from .figures import RECORDS_PERM, cases_of
from .models import CaseReview, MentoringCase, MentoringLog
from .selectors import active_in

findings.practice("mentoring", label=_l("党员包教"), weakness=_l("党员包教工作还需持之以恒"), order=50)

LATE_START_DAY = 15


def _months(period: Period) -> list[Period]:
    today = timezone.localdate()
    return [m for m in period.months() if m.end < today and Period.term_of(m.start) is not None]


def _due(cases: list[MentoringCase], month: Period) -> list[MentoringCase]:
    return [
        c
        for c in cases
        if c.started_on <= month.start.replace(day=LATE_START_DAY)
        and (c.ended_on is None or c.ended_on >= month.end)
    ]


def _label(case: MentoringCase) -> str:
    return f"{case.student.pseudonym}（{case.mentor.name}）"


@memo.shared  # both gap rules judge the same cases
def _cases(org: Organisation, period: Period) -> list[MentoringCase]:
    # The rules read dates, the pseudonym and the mentor: lean() leaves every plan, the student's
    # name and contact and the mentor's ID number encrypted (decrypting them for a bureau's
    # hundreds of cases was most of the rules' time, and needless exposure).
    qs = lean(active_in(cases_of(org), period.start, period.end).select_related("mentor"))
    return list(qs.order_by("student__sequence"))


def _done(model, field: str, org: Organisation, period: Period, **extra) -> set[tuple[int, date]]:
    rows = (
        model.objects.filter(organisation__in=org.subtree(), **{f"{field}__range": period.bounds}, **extra)
        .annotate(m=month_of(field))
        .values_list("case_id", "m")
        .order_by()  # the model's ordering would join the DISTINCT and keep every row
        .distinct()
    )
    return set(rows)


def _gaps(org, period, model, field, message, **extra) -> Iterator[Finding]:
    months = _months(period)
    if not months:
        return
    cases = _cases(org, period)
    done = _done(model, field, org, period, **extra)
    for month in months:
        missing = [c for c in _due(cases, month) if (c.pk, month.start) not in done]
        if missing:
            yield Finding(
                message % {"month": month.label, "cases": "、".join(_label(c) for c in missing)},
                evidence=missing,
            )


@findings.register(
    "mentoring.no_log_in_month",
    label=_l("包教当月无记录"),
    severity="warning",
    records_perm=RECORDS_PERM,
    practice="mentoring",
    summary=_l("有%(n)s个月包教过程没有记录"),
)
def no_log_in_month(org: Organisation, period: Period) -> Iterator[Finding]:
    yield from _gaps(org, period, MentoringLog, "on", _("%(month)s 包教无记录：%(cases)s"))


@findings.register(
    "mentoring.no_review_in_month",
    label=_l("包教当月未检查"),
    severity="warning",
    records_perm=RECORDS_PERM,
    practice="mentoring",
    summary=_l("有%(n)s个月包教记录未经支部检查"),
)
def no_review_in_month(org: Organisation, period: Period) -> Iterator[Finding]:
    yield from _gaps(
        org, period, CaseReview, "month", _("%(month)s 支部未检查包教记录：%(cases)s"), reviewed=True
    )
