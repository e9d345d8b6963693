"""factory_boy factories for the mentoring ledger (test data only, Chinese, encrypted fields take plain
text), and the helpers built on them. Rows are written directly: the services are what the tests
exercise."""

from __future__ import annotations

import base64
from datetime import date, timedelta

import factory
from django.db.models import Max
from django.utils import timezone

from zhibu.core.testing import png_bytes
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory, UserFactory
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.mentoring.models import (
    CaseAccessGrant,
    CaseReview,
    LogAttachment,
    LogRevision,
    MentoringCase,
    MentoringLog,
    MentoringSettings,
    SeminarLink,
    Student,
)
from zhibu.mentoring.services import pseudonym_for

STUDENT_NAMES = ["王小川", "李思琪", "赵一鸣", "陈可欣", "孙浩然", "周雨桐", "吴子轩", "郑欣怡"]
PHOTO = png_bytes()


def _next_sequence(student) -> int:
    taken = Student.objects.filter(organisation=student.organisation).aggregate(m=Max("sequence"))["m"]
    return (taken or 0) + 1


class MentoringSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringSettings

    organisation = factory.SubFactory(OrganisationFactory)
    default_scheme = "baojiao"
    guardian_contact_enabled = False
    retention_years = 3


class StudentFactory(factory.django.DjangoModelFactory):
    """A student numbered after the branch's last one, with the pseudonym the service would give."""

    class Meta:
        model = Student

    organisation = factory.SubFactory(OrganisationFactory)
    sequence = factory.LazyAttribute(_next_sequence)
    pseudonym = factory.LazyAttribute(lambda student: pseudonym_for(student.sequence))
    name = factory.LazyAttribute(lambda student: STUDENT_NAMES[(student.sequence - 1) % len(STUDENT_NAMES)])
    class_name = "七年级二班"
    gender = "M"
    birth_year = 2011
    enrolled_on = date(2021, 9, 1)
    guardian_contact = ""


class MentoringCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringCase

    organisation = factory.SubFactory(OrganisationFactory)
    mentor = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    student = factory.SubFactory(StudentFactory, organisation=factory.SelfAttribute("..organisation"))
    scheme = "baojiao"
    started_on = date(2023, 2, 1)
    plan_thinking = "每两周谈心一次"
    plan_study = "每周辅导数学"


class MentoringLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringLog

    case = factory.SubFactory(MentoringCaseFactory)
    organisation = factory.SelfAttribute("case.organisation")
    on = date(2023, 3, 1)
    dimension = "study"
    text = "课后辅导数学四十分钟"
    observation = "能独立完成练习"
    author = factory.SubFactory(UserFactory)


class LogRevisionFactory(factory.django.DjangoModelFactory):
    """A log's wording before a correction made after its author's free days."""

    class Meta:
        model = LogRevision

    log = factory.SubFactory(MentoringLogFactory)
    organisation = factory.SelfAttribute("log.organisation")
    on = factory.SelfAttribute("log.on")
    dimension = factory.SelfAttribute("log.dimension")
    text = "课后辅导语文三十分钟"
    observation = "作文有进步"
    reason = "记错了科目，更正为数学"
    changed_by = factory.SubFactory(UserFactory)


class LogAttachmentFactory(factory.django.DjangoModelFactory):
    """A photo kept base64-encoded in the encrypted `content`, as the service stores it."""

    class Meta:
        model = LogAttachment

    log = factory.SubFactory(MentoringLogFactory)
    organisation = factory.SelfAttribute("log.organisation")
    filename = "辅导照片.png"
    content_type = "image/png"
    size = len(PHOTO)
    content = base64.b64encode(PHOTO).decode()


class CaseReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseReview

    case = factory.SubFactory(MentoringCaseFactory)
    organisation = factory.SelfAttribute("case.organisation")
    month = date(2023, 3, 1)
    reviewer = factory.SubFactory(UserFactory)
    reviewed = True
    remark = "记录完整，措施具体"


class CaseAccessGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseAccessGrant

    case = factory.SubFactory(MentoringCaseFactory)
    organisation = factory.SelfAttribute("case.organisation")
    user = factory.SubFactory(UserFactory)
    reason = "受书记委托检查"
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    granted_by = factory.SubFactory(UserFactory)


class SeminarLinkFactory(factory.django.DjangoModelFactory):
    """The case discussed at a term's 包教工作座谈会 (a meeting of the case's branch)."""

    class Meta:
        model = SeminarLink

    case = factory.SubFactory(MentoringCaseFactory)
    organisation = factory.SelfAttribute("case.organisation")
    meeting = factory.SubFactory(
        MeetingFactory,
        organisation=factory.SelfAttribute("..organisation"),
        topic="包教工作座谈会",
        types=("forum",),
    )


# --- helpers the mentoring tests use --------------------------------------------------------------
def make_student(org, name: str | None = None, **fields) -> Student:
    if name:
        fields["name"] = name
    return StudentFactory(organisation=org, **fields)


def make_case(mentor, student: Student | None = None, **fields) -> MentoringCase:
    org = mentor.organisation
    return MentoringCaseFactory(
        organisation=org, mentor=mentor, student=student or make_student(org), **fields
    )


def make_log(case: MentoringCase, on: date, text: str = "课后辅导数学四十分钟", **fields) -> MentoringLog:
    fields.setdefault("author", None)
    return MentoringLogFactory(case=case, organisation=case.organisation, on=on, text=text, **fields)


def make_grant(case: MentoringCase, user, days: int = 30, **fields) -> CaseAccessGrant:
    fields.setdefault("granted_by", None)
    return CaseAccessGrantFactory(
        case=case,
        organisation=case.organisation,
        user=user,
        ends_on=timezone.localdate() + timedelta(days=days),
        **fields,
    )
