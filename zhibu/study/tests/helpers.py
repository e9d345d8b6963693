"""Rows for study tests, written directly (test setup, not the code under test)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from zhibu.core.periods import Period
from zhibu.meetings.models import Attendance, Meeting
from zhibu.study.models import (
    NoteCheck,
    ReadingRecord,
    SelfStudyDone,
    SelfStudyTask,
    StudyAttendance,
    StudyNote,
    StudySession,
)

TZ = ZoneInfo("Asia/Shanghai")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def meeting(org, topic: str, day: date, present=(), absent=()) -> Meeting:
    m = Meeting.objects.create(organisation=org, topic=topic, held_at=datetime.combine(day, time(15, 30), TZ))
    for p in present:
        Attendance.objects.create(meeting=m, organisation=org, person=p, status="present")
    for p in absent:
        Attendance.objects.create(meeting=m, organisation=org, person=p, status="absent")
    return m


def session(
    org, form: str, day: date | None = None, *, subject="", topic="学习", hours="2", present=(), mtg=None
):
    s = StudySession.objects.create(
        organisation=org,
        form=form,
        subject=subject,
        topic="" if mtg else topic,
        held_on=None if mtg else day,
        hours=Decimal(hours),
        meeting=mtg,
    )
    for p in present:
        StudyAttendance.objects.create(session=s, organisation=org, person=p)
    return s


def task(org, title: str, assigned: date, due: date, hours="2") -> SelfStudyTask:
    return SelfStudyTask.objects.create(
        organisation=org, title=title, assigned_on=assigned, due_on=due, hours=Decimal(hours)
    )


def done(t: SelfStudyTask, person, day: date) -> SelfStudyDone:
    return SelfStudyDone.objects.create(
        task=t, organisation=t.organisation, person=person, done_on=day, reflection="有收获"
    )


def book(org, person, title: str, day: date) -> ReadingRecord:
    return ReadingRecord.objects.create(
        organisation=org, person=person, title=title, finished_on=day, term_start=Period.term_of(day).start
    )


def note(org, person, day: date, title="学习笔记") -> StudyNote:
    return StudyNote.objects.create(
        organisation=org,
        person=person,
        written_on=day,
        month=day.replace(day=1),
        title=title,
        text="笔记内容",
    )


def check(org, person, month: date, result="pass", checker=None) -> NoteCheck:
    return NoteCheck.objects.create(
        organisation=org,
        person=person,
        month=month,
        checker=checker,
        checked_on=month.replace(day=28),
        result=result,
    )
