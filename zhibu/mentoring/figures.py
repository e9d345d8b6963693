"""Counts for reports. The records behind each number are case rows (their str is the pseudonym)
or seminar meetings — never a student's name or any case text."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.lean import local_date
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figure_series, figures
from zhibu.meetings import selectors as meeting_selectors

from .models import CaseReview, MentoringCase, MentoringLog, Outcome
from .selectors import active_in

# Counts for everyone who sees the figures; the case list behind a count only for the secretary.
RECORDS_PERM = "mentoring.manage"


def _register(code: str, label, unit, **kind):
    """Every mentoring figure: a count for all, the case list behind it for RECORDS_PERM only."""
    return figures.register(code, label=label, unit=unit, records_perm=RECORDS_PERM, **kind)


def cases_of(org: Organisation) -> QuerySet[MentoringCase]:
    return MentoringCase.objects.filter(organisation__in=org.subtree()).select_related("student")


def _counted_with_cases(org: Organisation, rows: QuerySet) -> tuple[int, QuerySet[MentoringCase]]:
    """The number of rows (logs, reviews), and the cases they are about as the records."""
    return rows.count(), cases_of(org).filter(pk__in=rows.values("case_id"))


@_register("mentoring.active_cases", _("包教学生人数"), _("人"), flow=False)
def active_cases(
    org: Organisation, period: Period, *, scheme: str | None = None, student_kind: str | None = None
):
    """scheme= and student_kind= (""：not classified) count one scheme's cases with one kind of
    student ("双联学困生3人")."""
    qs = active_in(cases_of(org), period.start, period.end)
    qs = qs if scheme is None else qs.filter(scheme=scheme)
    return qs if student_kind is None else qs.filter(student_kind=student_kind)


@_register("mentoring.turnarounds", _("包教转化学生人数"), _("人"), day="outcome_on")
def turnarounds(org: Organisation, period: Period):
    return cases_of(org).filter(outcome=Outcome.TURNED, outcome_on__range=period.bounds)


def _log_rows(org: Organisation, period: Period) -> QuerySet[MentoringLog]:
    return MentoringLog.objects.filter(organisation__in=org.subtree(), on__range=period.bounds)


def _review_rows(org: Organisation, period: Period) -> QuerySet[CaseReview]:
    return CaseReview.objects.filter(
        organisation__in=org.subtree(), month__range=period.bounds, reviewed=True
    )


def _counted_by_day(rows_of, day: str):
    """A series for a figure that counts rows but lists their cases: the rows grouped by day."""

    def series(org: Organisation, periods: list[Period]) -> list[int]:
        return figure_series.bucket(
            figure_series.by_day(rows_of(org, figure_series.covering(periods)), day), periods
        )

    return series


@_register("mentoring.logs", _("包教记录条数"), _("条"), series=_counted_by_day(_log_rows, "on"), key=40)
def logs(org: Organisation, period: Period):
    return _counted_with_cases(org, _log_rows(org, period))


@_register("mentoring.reviews", _("包教月度检查次数"), _("次"), series=_counted_by_day(_review_rows, "month"))
def reviews(org: Organisation, period: Period):
    return _counted_with_cases(org, _review_rows(org, period))


@_register("mentoring.seminars", _("包教工作座谈会次数"), _("次"), day=local_date("held_at"))
def seminars(org: Organisation, period: Period):
    linked = cases_of(org).values("seminar_links__meeting_id")
    return meeting_selectors.held_in(org, period).filter(pk__in=linked)
