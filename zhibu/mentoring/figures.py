"""Counts for reports. The records behind each number are case rows (their str is the pseudonym)
or seminar meetings — never a student's name or any case text."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.meetings import selectors as meeting_selectors

from .models import CaseReview, MentoringCase, MentoringLog, Outcome
from .selectors import active_in

# Counts for everyone who sees the figures; the case list behind a count only for the secretary.
RECORDS_PERM = "mentoring.manage"


def cases_of(org: Organisation) -> QuerySet[MentoringCase]:
    return MentoringCase.objects.filter(organisation__in=org.subtree()).select_related("student")


@figures.register(
    "mentoring.active_cases",
    label=_("包教学生人数"),
    unit=_("人"),
    records_perm=RECORDS_PERM,
)
def active_cases(org: Organisation, period: Period):
    return active_in(cases_of(org), period.start, period.end)


@figures.register(
    "mentoring.turnarounds", label=_("包教转化学生人数"), unit=_("人"), records_perm=RECORDS_PERM
)
def turnarounds(org: Organisation, period: Period):
    return cases_of(org).filter(outcome=Outcome.TURNED, outcome_on__range=period.bounds)


@figures.register(
    "mentoring.logs",
    label=_("包教记录条数"),
    unit=_("条"),
    records_perm=RECORDS_PERM,
)
def logs(org: Organisation, period: Period):
    qs = MentoringLog.objects.filter(organisation__in=org.subtree(), on__range=period.bounds)
    return qs.count(), cases_of(org).filter(pk__in=qs.values("case_id"))


@figures.register(
    "mentoring.reviews",
    label=_("包教月度检查次数"),
    unit=_("次"),
    records_perm=RECORDS_PERM,
)
def reviews(org: Organisation, period: Period):
    qs = CaseReview.objects.filter(organisation__in=org.subtree(), month__range=period.bounds, reviewed=True)
    return qs.count(), cases_of(org).filter(pk__in=qs.values("case_id"))


@figures.register(
    "mentoring.seminars", label=_("包教工作座谈会次数"), unit=_("次"), records_perm=RECORDS_PERM
)
def seminars(org: Organisation, period: Period):
    linked = cases_of(org).values("seminar_links__meeting_id")
    return meeting_selectors.held_in(org, period).filter(pk__in=linked)
