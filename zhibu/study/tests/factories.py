"""factory_boy factories for the study ledger, with Chinese data. Derived values (a reading
record's term, a note's month) are computed here as the services would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from zhibu.core.periods import Period
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.study.models import (
    NoteCheck,
    ReadingRecord,
    SelfStudyDone,
    SelfStudyTask,
    StudyAttendance,
    StudyForm,
    StudyNote,
    StudySession,
    StudySettings,
)

BOOKS = [
    ("平凡的世界", "路遥"),
    ("红星照耀中国", "埃德加·斯诺"),
    ("苦难辉煌", "金一南"),
    ("习近平的七年知青岁月", "中央党校采访实录编辑室"),
]
SESSION_TOPICS = [
    "学习郭明义同志先进事迹",
    "党史专题党课：长征精神",
    "学习《中国共产党章程》",
    "师德师风专题研讨",
]


def _term_start(day: date) -> date:
    term = Period.term_of(day)
    if term is None:
        raise ValueError(f"{day} is in the summer holiday: no term")
    return term.start


class StudySessionFactory(factory.django.DjangoModelFactory):
    """A standalone 集中学习; `present` takes people, each written as present."""

    class Meta:
        model = StudySession
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    form = StudyForm.PARTY_LECTURE
    subject = "党史"
    topic = factory.Sequence(lambda n: SESSION_TOPICS[n % len(SESSION_TOPICS)])
    held_on = date(2023, 4, 18)
    hours = Decimal("2.0")
    speaker = None
    meeting = None
    note = ""

    @factory.post_generation
    def present(obj, create, extracted, **kwargs):
        if create and extracted:
            for person in extracted:
                StudyAttendanceFactory(session=obj, organisation=obj.organisation, person=person)


class StudyAttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudyAttendance

    session = factory.SubFactory(StudySessionFactory)
    organisation = factory.SelfAttribute("session.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    status = StudyAttendance.Status.PRESENT


class SelfStudyTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfStudyTask

    organisation = factory.SubFactory(OrganisationFactory)
    title = "自学《中国共产党章程》"
    material = "党章总纲及第一章“党员”"
    assigned_on = date(2023, 3, 1)
    due_on = date(2023, 3, 31)
    hours = Decimal("2.0")


class SelfStudyDoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfStudyDone

    task = factory.SubFactory(SelfStudyTaskFactory)
    organisation = factory.SelfAttribute("task.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    done_on = factory.SelfAttribute("task.due_on")
    reflection = "深受教育，要把党章要求落实到教书育人中"


class ReadingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadingRecord

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    title = factory.Sequence(lambda n: BOOKS[n % len(BOOKS)][0])
    author = factory.Sequence(lambda n: BOOKS[n % len(BOOKS)][1])
    finished_on = date(2023, 3, 5)
    term_start = factory.LazyAttribute(lambda record: _term_start(record.finished_on))
    notes = "读后更加坚定了理想信念"


class StudyNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudyNote

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    written_on = date(2023, 3, 5)
    month = factory.LazyAttribute(lambda note: note.written_on.replace(day=1))
    title = "学习笔记"
    text = "学习习近平新时代中国特色社会主义思想的体会"


class NoteCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NoteCheck

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    month = date(2023, 3, 1)
    checker = None
    checked_by = None
    checked_on = factory.LazyAttribute(lambda check: check.month.replace(day=28))
    result = NoteCheck.Result.PASS
    remark = ""


class StudySettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudySettings

    organisation = factory.SubFactory(OrganisationFactory)
    books_per_term = StudySettings.DEFAULT_BOOKS
    member_hours = StudySettings.DEFAULT_MEMBER_HOURS
    officer_hours = StudySettings.DEFAULT_OFFICER_HOURS
