"""What the study ledger offers the points registry (积分): a self-study task finished, a book read,
a standalone study session attended (a session held as a meeting earns through the meeting's
attendance, never twice). One query per source for every branch."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import AttendanceStatus
from zhibu.core.registries import points

from .models import ReadingRecord, SelfStudyDone, StudyAttendance


@points.register("study.self_study_done", label=_("完成自学任务"), url="study:task")
def self_study_done(org_ids, start, end):
    return SelfStudyDone.objects.filter(organisation__in=org_ids, done_on__range=(start, end)).values(
        "person_id", day=F("done_on"), record_id=F("task_id"), title=F("task__title")
    )


@points.register("study.book_read", label=_("读完一本书"), url="study:reading_edit")
def book_read(org_ids, start, end):
    return ReadingRecord.objects.filter(organisation__in=org_ids, finished_on__range=(start, end)).values(
        "person_id", "title", day=F("finished_on"), record_id=F("pk")
    )


@points.register("study.session_attended", label=_("参加集中学习"), url="study:session")
def session_attended(org_ids, start, end):
    return StudyAttendance.objects.filter(
        organisation__in=org_ids,
        status=AttendanceStatus.PRESENT,
        session__meeting__isnull=True,
        session__held_on__range=(start, end),
    ).values("person_id", day=F("session__held_on"), record_id=F("session_id"), title=F("session__topic"))
