"""Retention: a configurable period (default 3 years) after a student leaves, the student is
anonymised and the case texts are purged; dates, dimensions and counts stay so figures for past
years still add up. Idempotent: an anonymised student is never touched again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from zhibu.core import audit, writes

from .audit_actions import MentoringAction
from .models import (
    CaseAccessGrant,
    CaseReview,
    LogAttachment,
    LogRevision,
    MentoringCase,
    MentoringLog,
    MentoringSettings,
    Student,
)

ANONYMISED_NAME = "（已匿名）"
DEFAULT_RETENTION_YEARS = MentoringSettings._meta.get_field("retention_years").default


@dataclass
class RetentionResult:
    students: int = 0
    logs: int = 0


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def due_students(today: date) -> list[Student]:
    years_by_org = dict(MentoringSettings.objects.values_list("organisation_id", "retention_years"))
    candidates = Student.objects.filter(anonymised_at__isnull=True, left_on__isnull=False)
    return [
        s
        for s in candidates
        if s.left_on < _years_before(today, years_by_org.get(s.organisation_id, DEFAULT_RETENTION_YEARS))
    ]


@writes.service
def anonymise_student(student: Student) -> int:
    """Anonymise one student and purge the texts of every case about her; returns logs purged."""
    cases = MentoringCase.objects.filter(student=student).annotate(
        live=Count("logs", filter=Q(logs__purged=False))
    )
    purged = 0
    for case in cases:
        LogAttachment.objects.filter(log__case=case).delete()
        # Earlier wordings are the same text as the log: they go with it.
        LogRevision.objects.filter(log__case=case).delete()
        MentoringLog.objects.filter(case=case, purged=False).update(text="", observation="", purged=True)
        CaseReview.objects.filter(case=case).update(remark="")
        CaseAccessGrant.objects.filter(case=case).update(reason="")
        MentoringCase.objects.filter(pk=case.pk).update(
            plan_thinking="",
            plan_study="",
            plan_life="",
            plan_psychology="",
            outcome_evidence="",
            purged_log_count=case.purged_log_count + case.live,
        )
        purged += case.live
    Student.objects.filter(pk=student.pk).update(
        name=ANONYMISED_NAME, guardian_contact="", birth_year=None, anonymised_at=timezone.now()
    )
    audit.record(
        None,
        MentoringAction.STUDENT_ANONYMISED,
        student,
        after={"logs_purged": purged, "left_on": student.left_on.isoformat()},
    )
    return purged


def run(today: date | None = None) -> RetentionResult:
    result = RetentionResult()
    for student in due_students(today or timezone.localdate()):
        result.logs += anonymise_student(student)
        result.students += 1
    return result
