"""Group study sessions (集中学习) and self-study tasks (布置自学)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import cn_date

from ..audit_actions import StudyAction
from ..models import SelfStudyTask, StudyAttendance, StudyForm, StudySession
from .common import clean_hours, not_future, person_in, required_text

if TYPE_CHECKING:
    from zhibu.meetings.models import Meeting


def _clean_form(form: str) -> str:
    if form not in StudyForm.values:
        raise ValidationError({"form": _("请选择学习形式")})
    return form


def _clean_speaker(org: Organisation, speaker: Person | None) -> Person | None:
    return person_in(org, speaker, "speaker") if speaker is not None else None


def _session_fields(
    org: Organisation, *, study_form: str, subject: str, hours: Decimal, speaker: Person | None, note: str
) -> dict:
    """What every session has, linked to a meeting or not: its form, subject, hours, speaker, note."""
    return {
        "form": _clean_form(study_form),
        "subject": (subject or "").strip(),
        "hours": clean_hours(hours),
        "speaker": _clean_speaker(org, speaker),
        "note": note or "",
    }


def _set_attendance(session: StudySession, present: Iterable[Person]) -> None:
    """The edit form's ticks say who was present. They change only the 出席 rows: someone the
    attendance sheet records as 请假 or 缺席 stays so unless ticked present now."""
    people = list(present)
    for person in people:
        person_in(session.organisation, person, "present")
    ticked = {p.pk for p in people}
    session.attendance.filter(status=StudyAttendance.Status.PRESENT).exclude(person_id__in=ticked).delete()
    session.attendance.filter(person_id__in=ticked).exclude(status=StudyAttendance.Status.PRESENT).update(
        status=StudyAttendance.Status.PRESENT
    )
    have = set(session.attendance.values_list("person_id", flat=True))
    StudyAttendance.objects.bulk_create(
        StudyAttendance(session=session, organisation=session.organisation, person=p)
        for p in people
        if p.pk not in have
    )


@writes.service
def session_create(
    *,
    actor,
    organisation: Organisation,
    study_form: str,
    subject: str,
    topic: str,
    held_on: date | None,
    hours: Decimal,
    speaker: Person | None = None,
    note: str = "",
    present: Iterable[Person] = (),
) -> StudySession:
    """A standalone session, with its own attendance (people present)."""
    policy.require(actor, "study.edit", organisation)
    session = StudySession(
        organisation=organisation,
        **_session_fields(
            organisation, study_form=study_form, subject=subject, hours=hours, speaker=speaker, note=note
        ),
        topic=required_text(topic, "topic", _("学习内容"), 200),
        held_on=not_future(held_on, "held_on", _("学习日期")),
    )
    writes.model_create(session, actor=actor, action=StudyAction.SESSION_CREATED)
    _set_attendance(session, present)
    return session


@writes.service
def session_from_meeting(
    *,
    actor,
    organisation: Organisation,
    meeting: Meeting | None,
    study_form: str,
    subject: str,
    hours: Decimal,
    speaker: Person | None = None,
    note: str = "",
) -> StudySession:
    """Record a meeting already on file (a 党课, a 座谈会) as a study session: its date, topic and
    attendance stay the meeting's, so nothing is entered twice."""
    policy.require(actor, "study.edit", organisation)
    if meeting is None:
        raise ValidationError({"meeting": _("请选择会议记录")})
    if meeting.organisation_id != organisation.pk:
        raise ValidationError({"meeting": _("该会议不属于%(org)s") % {"org": organisation.name}})
    if StudySession.objects.filter(meeting=meeting).exists():
        raise ValidationError(
            {"meeting": _("会议“%(topic)s”已登记为集中学习，不能重复登记") % {"topic": meeting.topic}}
        )
    session = StudySession(
        organisation=organisation,
        meeting=meeting,
        **_session_fields(
            organisation, study_form=study_form, subject=subject, hours=hours, speaker=speaker, note=note
        ),
    )
    writes.model_create(session, actor=actor, action=StudyAction.SESSION_CREATED)
    return session


@writes.service
def session_update(
    *,
    actor,
    session: StudySession,
    version: int | None,
    study_form: str,
    subject: str,
    topic: str,
    held_on: date | None,
    hours: Decimal,
    speaker: Person | None = None,
    note: str = "",
    present: Iterable[Person] | None = None,
) -> StudySession:
    """Edit a session. A meeting-linked one keeps the meeting's date, topic and attendance."""
    policy.require(actor, "study.edit", session)
    fields = _session_fields(
        session.organisation, study_form=study_form, subject=subject, hours=hours, speaker=speaker, note=note
    )
    if not session.meeting_id:
        fields["topic"] = required_text(topic, "topic", _("学习内容"), 200)
        fields["held_on"] = not_future(held_on, "held_on", _("学习日期"))
    writes.model_update(
        session, actor=actor, action=StudyAction.SESSION_UPDATED, version=version, fields=fields
    )
    if present is not None and not session.meeting_id:
        _set_attendance(session, present)
    return session


def _clean_task_dates(assigned_on: date | None, due_on: date | None) -> tuple[date, date]:
    assigned = not_future(assigned_on, "assigned_on", _("布置日期"))
    if due_on is None:
        raise ValidationError({"due_on": _("请填写完成期限")})
    if due_on < assigned:
        raise ValidationError(
            {
                "due_on": _("完成期限（%(due)s）不能早于布置日期（%(assigned)s）")
                % {"due": cn_date(due_on), "assigned": cn_date(assigned)}
            }
        )
    return assigned, due_on


@writes.service
def task_create(
    *,
    actor,
    organisation: Organisation,
    title: str,
    material: str,
    assigned_on: date | None,
    due_on: date | None,
    hours: Decimal,
) -> SelfStudyTask:
    policy.require(actor, "study.edit", organisation)
    assigned, due = _clean_task_dates(assigned_on, due_on)
    task = SelfStudyTask(
        organisation=organisation,
        title=required_text(title, "title", _("自学任务"), 200),
        material=material or "",
        assigned_on=assigned,
        due_on=due,
        hours=clean_hours(hours),
    )
    writes.model_create(task, actor=actor, action=StudyAction.TASK_CREATED)
    return task


@writes.service
def task_update(
    *,
    actor,
    task: SelfStudyTask,
    version: int | None,
    title: str,
    material: str,
    assigned_on: date | None,
    due_on: date | None,
    hours: Decimal,
) -> SelfStudyTask:
    policy.require(actor, "study.edit", task)
    assigned, due = _clean_task_dates(assigned_on, due_on)
    fields = {
        "title": required_text(title, "title", _("自学任务"), 200),
        "material": material or "",
        "assigned_on": assigned,
        "due_on": due,
        "hours": clean_hours(hours),
    }
    return writes.model_update(
        task, actor=actor, action=StudyAction.TASK_UPDATED, version=version, fields=fields
    )
