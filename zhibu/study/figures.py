"""Study figures: named numbers over (organisation, period) with the records behind them."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import attendance, grouped, selectors
from . import hours as study_hours
from .models import StudyForm

PARTY_HISTORY = "党史"
# A session's day (selectors.with_day annotates it: the linked meeting's date, else its own), and
# an attendance row's: its session's — what puts either in a period.
SESSION_DAY = "day"
ATTENDANCE_DAY = selectors.ATTENDANCE_DAY


def _sessions_counted(
    org: Organisation, period: Period, *, form: str | None = None, subject: str | None = None
) -> int | None:
    """sessions()'s count from the grouped counts, unless it names a subject."""
    if subject:
        return None
    return sum(
        n
        for (each, untitled), n in grouped.session_counts(org, period).items()
        if (not form or each == form) and (subject is None or untitled)
    )


@figures.register(
    "study.sessions",
    label=_("集中学习次数"),
    unit=_("次"),
    day=SESSION_DAY,
    key=20,
    counted_by=_sessions_counted,
)
def sessions(
    org: Organisation, period: Period, *, form: str | None = None, subject: str | None = None
) -> QuerySet:
    """subject="" counts the sessions recorded without a subject (a document names them apart)."""
    qs = selectors.sessions_of(org, period.start, period.end)
    qs = qs.filter(form=form) if form else qs
    return qs if subject is None else qs.filter(subject=subject)


# One figure per form too, so a report can say "学习先进人物事迹报告8次" by code.
PER_FORM = {
    "study.party_lectures": (StudyForm.PARTY_LECTURE, _("讲党课次数")),
    "study.exemplar_reports": (StudyForm.EXEMPLAR_REPORT, _("学习先进事迹报告次数")),
    "study.seminars": (StudyForm.SEMINAR, _("专题研讨次数")),
    "study.tutorials": (StudyForm.TUTORIAL, _("集中辅导次数")),
    "study.forums": (StudyForm.FORUM, _("民主座谈会交流次数")),
}


def _per_form(form: str):
    def figure(org: Organisation, period: Period) -> QuerySet:
        return sessions(org, period, form=form)

    def count(org: Organisation, period: Period) -> int | None:
        return _sessions_counted(org, period, form=form)

    return figure, count


for _code, (_form, _label) in PER_FORM.items():
    _figure, _count = _per_form(_form)
    figures.register(_code, label=_label, unit=_("次"), day=SESSION_DAY, counted_by=_count)(_figure)


@figures.register(
    "study.party_history_lectures", label=_("以讲党课形式学习党史次数"), unit=_("次"), day=SESSION_DAY
)
def party_history_lectures(org: Organisation, period: Period) -> QuerySet:
    return sessions(org, period, form=StudyForm.PARTY_LECTURE).filter(subject=PARTY_HISTORY)


@figures.register("study.self_study_tasks", label=_("布置自学次数"), unit=_("次"), day="assigned_on")
def self_study_tasks(org: Organisation, period: Period) -> QuerySet:
    return selectors.tasks_of(org, period.start, period.end).order_by("assigned_on", "pk")


def _members_rows(rows: QuerySet, day_field: str) -> QuerySet:
    """Records of members' own study (books, notes, checks): with the member, in date order."""
    return rows.select_related("person").order_by(day_field, "pk")


@figures.register("study.books_read", label=_("党员读书本数"), unit=_("本"), day="finished_on")
def books_read(org: Organisation, period: Period) -> QuerySet:
    return _members_rows(selectors.books_of(org, period.start, period.end), "finished_on")


@figures.register("study.notes", label=_("学习笔记篇数"), unit=_("篇"), day="written_on", key=22)
def notes(org: Organisation, period: Period) -> QuerySet:
    return _members_rows(selectors.notes_of(org, period.start, period.end), "written_on")


@figures.register("study.note_checks", label=_("校办检查学习笔记人次"), unit=_("人次"), day="month")
def note_checks(org: Organisation, period: Period) -> QuerySet:
    return _members_rows(selectors.checks_of(org, period.start, period.end), "month")


def hours_series(org: Organisation, periods: list[Period]) -> list[Decimal]:
    """study.hours for many periods in five queries: everyone's 学时 by day (three grouped sums) and
    the serving members on each period's end (two), added up per period as `hours` does."""
    start, end = min(p.start for p in periods), max(p.end for p in periods)
    by_day = grouped.hours_by_person_day(org, start, end)
    members = study_hours.members_by_day(org, [p.end for p in periods])
    out = []
    for period in periods:
        counted = {person.pk for person in members[period.end]}
        out.append(
            sum(
                (v for (person, day), v in by_day.items() if person in counted and day in period),
                Decimal("0"),
            )
        )
    return out


@figures.register("study.hours", label=_("党员学习总学时"), unit=_("学时"), series=hours_series)
def hours(org: Organisation, period: Period) -> tuple[Decimal, QuerySet]:
    """Sum over serving members of sessions attended plus self-study done, in three grouped sums;
    records are the members, each annotated with `study_hours` (computed only for the rows a page
    lists)."""
    members = selectors.members_of(org, period.end)
    total = grouped.total_hours(org, period.start, period.end, members)
    people = selectors.with_hours(members, org, period.start, period.end).order_by("name_pinyin", "pk")
    return total, people


@figures.register(
    "study.present_members", label=_("党员参加集中学习人次"), unit=_("人次"), day=ATTENDANCE_DAY
)
def present_members(org: Organisation, period: Period) -> QuerySet:
    return attendance.present_in(org, period, members=True)


@figures.register(
    "study.present_staff", label=_("非党员教职工参加集中学习人次"), unit=_("人次"), day=ATTENDANCE_DAY
)
def present_staff(org: Organisation, period: Period) -> QuerySet:
    return attendance.present_in(org, period, members=False)
