"""Rows for mentoring tests, written directly (the services are what the tests exercise)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Max
from django.utils import timezone

from zhibu.mentoring.models import CaseAccessGrant, MentoringCase, MentoringLog, Student
from zhibu.mentoring.services import pseudonym_for

STUDENT_NAMES = ["王小川", "李思琪", "赵一鸣", "陈可欣", "孙浩然", "周雨桐", "吴子轩", "郑欣怡"]


def make_student(org, name: str | None = None, **fields) -> Student:
    seq = (Student.objects.filter(organisation=org).aggregate(m=Max("sequence"))["m"] or 0) + 1
    defaults = {
        "name": name or STUDENT_NAMES[(seq - 1) % len(STUDENT_NAMES)],
        "class_name": "七年级二班",
        "gender": "M",
        "birth_year": 2011,
        "enrolled_on": date(2021, 9, 1),
    }
    defaults.update(fields)
    return Student.objects.create(organisation=org, sequence=seq, pseudonym=pseudonym_for(seq), **defaults)


def make_case(mentor, student: Student | None = None, **fields) -> MentoringCase:
    org = mentor.organisation
    defaults = {
        "started_on": date(2023, 2, 1),
        "plan_thinking": "每两周谈心一次",
        "plan_study": "每周辅导数学",
        "scheme": "baojiao",
    }
    defaults.update(fields)
    return MentoringCase.objects.create(
        organisation=org, mentor=mentor, student=student or make_student(org), **defaults
    )


def make_log(case: MentoringCase, on: date, text: str = "课后辅导数学四十分钟", **fields) -> MentoringLog:
    return MentoringLog.objects.create(
        case=case,
        organisation=case.organisation,
        on=on,
        dimension=fields.pop("dimension", "study"),
        text=text,
        observation=fields.pop("observation", "能独立完成练习"),
        **fields,
    )


def make_grant(case: MentoringCase, user, days: int = 30, **fields) -> CaseAccessGrant:
    return CaseAccessGrant.objects.create(
        case=case,
        organisation=case.organisation,
        user=user,
        reason="受书记委托检查",
        ends_on=timezone.localdate() + timedelta(days=days),
        **fields,
    )
