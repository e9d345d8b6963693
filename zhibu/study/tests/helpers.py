"""Rows for study tests, over the factories (test setup, not the code under test)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from zhibu.meetings.models import Meeting
from zhibu.meetings.tests.factories import AttendanceFactory, MeetingFactory
from zhibu.study.models import NoteCheck, ReadingRecord, SelfStudyDone, SelfStudyTask, StudyNote, StudySession

from .factories import (
    NoteCheckFactory,
    ReadingRecordFactory,
    SelfStudyDoneFactory,
    SelfStudyTaskFactory,
    StudyNoteFactory,
    StudySessionFactory,
)

TZ = ZoneInfo("Asia/Shanghai")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def meeting(org, topic: str, day: date, present=(), absent=()) -> Meeting:
    """A meeting of no particular type, held at 15:30 that day."""
    m = MeetingFactory(
        organisation=org,
        topic=topic,
        held_at=datetime.combine(day, time(15, 30), TZ),
        place="",
        minutes="",
        types=(),
        attendees=present,
    )
    for p in absent:
        AttendanceFactory(meeting=m, organisation=org, person=p, status="absent")
    return m


def session(
    org, form: str, day: date | None = None, *, subject="", topic="学习", hours="2", present=(), mtg=None
) -> StudySession:
    return StudySessionFactory(
        organisation=org,
        form=form,
        subject=subject,
        topic="" if mtg else topic,
        held_on=None if mtg else day,
        hours=Decimal(hours),
        meeting=mtg,
        present=present,
    )


def task(org, title: str, assigned: date, due: date, hours="2") -> SelfStudyTask:
    return SelfStudyTaskFactory(
        organisation=org, title=title, material="", assigned_on=assigned, due_on=due, hours=Decimal(hours)
    )


def done(t: SelfStudyTask, person, day: date) -> SelfStudyDone:
    return SelfStudyDoneFactory(task=t, person=person, done_on=day, reflection="有收获")


def book(org, person, title: str, day: date) -> ReadingRecord:
    return ReadingRecordFactory(
        organisation=org, person=person, title=title, author="", notes="", finished_on=day
    )


def note(org, person, day: date, title="学习笔记") -> StudyNote:
    return StudyNoteFactory(organisation=org, person=person, written_on=day, title=title, text="笔记内容")


def check(org, person, month: date, result="pass", checker=None) -> NoteCheck:
    return NoteCheckFactory(organisation=org, person=person, month=month, checker=checker, result=result)
