"""Retention: after the branch's period (default 3 years) from leaving, the student is anonymised
and case texts purged; counts survive; running it again changes nothing."""

from datetime import date

import time_machine
from django.core.management import call_command

from zhibu.core.models import AuditEntry
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.mentoring.models import MentoringCase, MentoringLog, MentoringSettings, Student

from .factories import make_case, make_log, make_student


def _setup(world):
    left = make_student(
        world.branch, name="王小川", left_on=date(2023, 7, 10), guardian_contact="王先生 13900000000"
    )
    staying = make_student(world.branch, name="李思琪")
    recent = make_student(world.branch, name="赵一鸣", left_on=date(2025, 7, 10))
    cases = [
        make_case(world.people["member"], student=s, ended_on=date(2023, 7, 10))
        for s in (left, staying, recent)
    ]
    for case in cases:
        make_log(case, date(2023, 3, 1), text="与王小川谈心")
        make_log(case, date(2023, 4, 1))
    return left, staying, recent


def _run():
    call_command("mentoring_retention", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_retention_anonymises_after_three_years_and_is_idempotent(world):
    left, staying, recent = _setup(world)
    with time_machine.travel(date(2026, 7, 9), tick=False):  # one day short of three years
        _run()
    assert not Student.objects.filter(anonymised_at__isnull=False).exists()

    with time_machine.travel(date(2026, 7, 11), tick=False):
        _run()
        left.refresh_from_db()
        assert left.anonymised_at and left.name == "（已匿名）" and left.guardian_contact == ""
        assert left.birth_year is None and left.pseudonym == "学生A01"
        case = MentoringCase.objects.get(student=left)
        assert case.purged_log_count == 2 and case.plan_study == ""
        assert all(log.text == "" and log.purged for log in case.logs.all())
        # The others are untouched.
        assert Student.objects.get(pk=staying.pk).name == "李思琪"
        assert Student.objects.get(pk=recent.pk).anonymised_at is None
        assert [log.text for log in MentoringLog.objects.filter(case__student=staying).order_by("on")][
            0
        ] == "与王小川谈心"
        # Counts for the past still add up: the log rows keep their dates.
        value = figures.compute("mentoring.logs", world.branch, Period.year(2023))
        assert value.value == 6

        entries = AuditEntry.objects.filter(action="mentoring.student.anonymised").count()
        stamp = Student.objects.get(pk=left.pk).anonymised_at
        _run()  # idempotent
        assert Student.objects.get(pk=left.pk).anonymised_at == stamp
        assert AuditEntry.objects.filter(action="mentoring.student.anonymised").count() == entries == 1
        assert MentoringCase.objects.get(student=left).purged_log_count == 2


def test_retention_period_is_per_branch(world):
    left, _staying, recent = _setup(world)
    MentoringSettings.objects.create(organisation=world.branch, retention_years=1)
    with time_machine.travel(date(2026, 7, 11), tick=False):
        _run()
    assert Student.objects.get(pk=recent.pk).anonymised_at is not None
    assert Student.objects.get(pk=left.pk).anonymised_at is not None


def test_anonymised_student_cannot_be_edited(world, client):
    left, *_ = _setup(world)
    with time_machine.travel(date(2026, 7, 11), tick=False):
        _run()
    client.force_login(world.users["secretary"])
    from django.urls import reverse

    response = client.post(
        reverse("mentoring:student_edit", args=[left.pk]),
        {"name": "王小川", "class_name": "七年级二班", "gender": "M", "version": 1},
    )
    assert response.status_code == 200 and "已按保留期限匿名化" in response.content.decode()
    assert Student.objects.get(pk=left.pk).name == "（已匿名）"
