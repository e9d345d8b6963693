"""义务补课: one row per session, logged in seconds by the member herself; a weekly session is
entered once for a term and written as one row per week, each correctable on its own."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from ..audit_actions import ServiceAction
from ..models import TutoringSeries, TutoringSession
from .common import clean_count, not_future, optional_text, person_in, require_own_or_edit, required_text

MAX_MINUTES = 24 * 60
MAX_STUDENTS = 60
WEEKDAYS = "一二三四五六日"


def _common(org: Organisation, tutor: Person | None, data: dict) -> dict:
    return {
        "tutor": person_in(org, tutor, "tutor", _("补课党员")),
        "subject": required_text(data.get("subject"), "subject", _("科目"), 30),
        "students": clean_count(data.get("students"), "students", _("学生人数"), low=1, high=MAX_STUDENTS),
        "minutes": clean_count(data.get("minutes"), "minutes", _("时长（分钟）"), low=1, high=MAX_MINUTES),
    }


def _session_fields(org: Organisation, tutor: Person | None, data: dict) -> dict:
    return {
        **_common(org, tutor, data),
        "held_on": not_future(data.get("held_on"), "held_on", _("补课日期")),
        "note": optional_text(data.get("note"), "note", _("备注"), 200),
    }


@writes.service
def tutoring_add(*, actor, organisation: Organisation, tutor: Person | None, **data) -> TutoringSession:
    """Log one session: a member her own, an officer anyone's of the branch."""
    row = TutoringSession(organisation=organisation, tutor=tutor)
    require_own_or_edit(actor, row)
    row = TutoringSession(organisation=organisation, **_session_fields(organisation, tutor, data))
    return writes.model_create(row, actor=actor, action=ServiceAction.TUTORING_CREATED)


@writes.service
def tutoring_update(
    *, actor, session: TutoringSession, version: int | None, tutor: Person | None = None, **data
) -> TutoringSession:
    """Correct a session (one week of a series too). A member keeps herself as the tutor."""
    require_own_or_edit(actor, session)
    tutor = tutor or session.tutor
    require_own_or_edit(actor, TutoringSession(organisation=session.organisation, tutor=tutor))
    fields = _session_fields(session.organisation, tutor, data)
    return writes.model_update(
        session, actor=actor, action=ServiceAction.TUTORING_UPDATED, version=version, fields=fields
    )


def occurrences(series: TutoringSeries, until: date) -> list[date]:
    """The series' weekdays from its start to its end or `until`, whichever comes first."""
    first = series.starts_on + timedelta(days=(series.weekday - series.starts_on.weekday()) % 7)
    last = min(series.ends_on, until)
    days, day = [], first
    while day <= last:
        days.append(day)
        day += timedelta(days=7)
    return days


def _write_occurrences(series: TutoringSeries, today: date) -> int:
    """Sessions for the weeks after `written_until` up to today; returns how many were written."""
    after = series.written_until or date.min
    rows = [
        TutoringSession(
            organisation=series.organisation,
            tutor=series.tutor,
            held_on=day,
            subject=series.subject,
            students=series.students,
            minutes=series.minutes,
            series=series,
        )
        for day in occurrences(series, today)
        if day > after
    ]
    TutoringSession.objects.bulk_create(rows)
    series.written_until = min(series.ends_on, today)
    TutoringSeries.objects.filter(pk=series.pk).update(written_until=series.written_until)
    return len(rows)


@writes.service
def series_create(
    *,
    actor,
    organisation: Organisation,
    tutor: Person | None,
    weekday,
    starts_on: date | None,
    ends_on: date | None,
    **data,
) -> TutoringSeries:
    """A weekly session for a term: the weeks up to today are written now, later ones by
    `series_extend` as they pass (nothing is recorded before it happened)."""
    require_own_or_edit(actor, TutoringSeries(organisation=organisation, tutor=tutor))
    fields = _common(organisation, tutor, data)
    day = clean_count(weekday, "weekday", _("每周几"), low=0, high=6)
    start = not_future(starts_on, "starts_on", _("开始日期"))
    if ends_on is None:
        raise ValidationError({"ends_on": _("请填写结束日期")})
    if ends_on < start:
        raise ValidationError({"ends_on": _("结束日期（%(e)s）早于开始日期") % {"e": cn_date(ends_on)}})
    if (ends_on - start).days > 200:
        raise ValidationError({"ends_on": _("每周补课安排最长一个学期（不超过200天）")})
    series = TutoringSeries(
        organisation=organisation, weekday=day, starts_on=start, ends_on=ends_on, **fields
    )
    writes.model_create(series, actor=actor, action=ServiceAction.SERIES_CREATED)
    written = _write_occurrences(series, timezone.localdate())
    if not written:
        raise ValidationError(
            {"weekday": _("%(s)s至今没有星期%(d)s，无补课可登记") % {"s": cn_date(start), "d": WEEKDAYS[day]}}
        )
    return series


@writes.service
def series_extend(*, actor, series: TutoringSeries) -> int:
    """Write the weeks of the series that have passed since it was last brought up to date."""
    require_own_or_edit(actor, series)
    written = _write_occurrences(series, timezone.localdate())
    audit.record(actor, ServiceAction.SERIES_EXTENDED, series, after={"written": written})
    return written
