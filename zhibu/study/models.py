"""学习 records: group study sessions, self-study tasks, reading, study notes and their monthly checks.

Derived values (a reading record's term, a note's month) are set by the services when the row is
written, so the rules can group by them in one query instead of recomputing per row.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import AttendanceStatus, OrganisationOwned, VersionedModel

HOURS = {"max_digits": 5, "decimal_places": 1}


class StudyForm(models.TextChoices):
    """集中学习的形式: the seed counts each one apart ("党史6次, 事迹报告8次, 座谈3次")."""

    PARTY_LECTURE = "party_lecture", _("讲党课")
    EXEMPLAR_REPORT = "exemplar_report", _("先进事迹报告学习")
    SEMINAR = "seminar", _("专题研讨")
    TUTORIAL = "tutorial", _("集中辅导")
    FORUM = "forum", _("民主座谈会交流")


class StudySession(OrganisationOwned, VersionedModel):
    """One 集中学习. When it was a meeting already on record (a 党课, a 座谈会), `meeting` points
    at it: date, topic and attendance are then read from the meeting, never typed twice."""

    form = models.CharField(_("学习形式"), max_length=20, choices=StudyForm.choices)
    subject = models.CharField(_("学习专题"), max_length=60, blank=True, help_text=_("如：党史"))
    topic = models.CharField(_("学习内容"), max_length=200, blank=True)
    held_on = models.DateField(_("学习日期"), null=True, blank=True)
    hours = models.DecimalField(_("学时"), **HOURS, default=Decimal("2.0"))
    speaker = models.ForeignKey(
        "core.Person",
        verbose_name=_("主讲人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    meeting = models.OneToOneField(
        "meetings.Meeting",
        verbose_name=_("对应会议记录"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="study_session",
    )
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("集中学习")
        verbose_name_plural = _("集中学习")
        indexes = [models.Index(fields=["organisation", "form", "held_on"])]

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.get_form_display()}：{self.title}" if self.on else self.title

    @property
    def on(self):
        """The date: the meeting's when linked (annotated as `day` by the selectors)."""
        day = getattr(self, "day", None)
        if day is not None:
            return day
        if self.meeting_id:
            return timezone.localtime(self.meeting.held_at).date()
        return self.held_on

    @property
    def title(self) -> str:
        return self.meeting.topic if self.meeting_id else self.topic

    def get_absolute_url(self) -> str:
        return reverse("study:session", args=[self.pk])


class StudyAttendance(OrganisationOwned):
    """Who attended a standalone session (a session linked to a meeting uses the meeting's)."""

    Status = AttendanceStatus

    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("人员"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("出席情况"), max_length=10, choices=Status.choices, default=Status.PRESENT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="study_attendance_unique_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_status_display()}"


class SelfStudyTask(OrganisationOwned, VersionedModel):
    """布置自学: material given to every member with a due date."""

    title = models.CharField(_("自学任务"), max_length=200)
    material = models.TextField(_("学习材料"), blank=True)
    assigned_on = models.DateField(_("布置日期"))
    due_on = models.DateField(_("完成期限"))
    hours = models.DecimalField(_("学时"), **HOURS, default=Decimal("2.0"))

    class Meta:
        verbose_name = _("自学任务")
        verbose_name_plural = _("自学任务")
        indexes = [models.Index(fields=["organisation", "assigned_on"])]

    def __str__(self) -> str:
        return f"{self.assigned_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("study:task", args=[self.pk])


class SelfStudyDone(OrganisationOwned):
    task = models.ForeignKey(SelfStudyTask, on_delete=models.CASCADE, related_name="done")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    done_on = models.DateField(_("完成日期"))
    reflection = models.CharField(_("学习体会"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "person"], name="selfstudy_done_unique_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.done_on:%Y-%m-%d} {self.task.title}"


class ReadingRecord(OrganisationOwned, VersionedModel):
    """学名师读好书: one book a member finished. `term_start` (the 学期 it counts for) is derived
    from `finished_on`; August belongs to no term, so a record dated then is refused."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("书名"), max_length=200)
    author = models.CharField(_("作者"), max_length=100, blank=True)
    finished_on = models.DateField(_("读完日期"))
    term_start = models.DateField(_("学期"), editable=False)
    notes = models.TextField(_("读书心得"), blank=True)

    class Meta:
        verbose_name = _("读书记录")
        verbose_name_plural = _("读书记录")
        indexes = [models.Index(fields=["organisation", "term_start", "person"])]

    def __str__(self) -> str:
        return f"{self.person}《{self.title}》"

    def get_absolute_url(self) -> str:
        return reverse("study:reading_edit", args=[self.pk])


def _scan_path(instance: StudyNote, filename: str) -> str:
    # Generated names only: the uploader's file name never reaches the file system.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"study/notes/{instance.organisation_id}/{uuid.uuid4().hex}.{ext}"


class StudyNote(OrganisationOwned, VersionedModel):
    """A study note: typed text or a scanned page (image or PDF), checked monthly by the office."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    written_on = models.DateField(_("日期"))
    month = models.DateField(_("所属月份"), editable=False)
    title = models.CharField(_("标题"), max_length=200)
    text = models.TextField(_("笔记内容"), blank=True)
    scan = models.FileField(_("扫描件"), upload_to=_scan_path, blank=True, max_length=200)
    scan_type = models.CharField(max_length=40, blank=True, editable=False)
    scan_name = models.CharField(_("原文件名"), max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("学习笔记")
        verbose_name_plural = _("学习笔记")
        indexes = [models.Index(fields=["organisation", "month", "person"])]

    def __str__(self) -> str:
        return f"{self.person} {self.written_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("study:note", args=[self.pk])


class NoteCheck(OrganisationOwned):
    """校办检查: the office's monthly check of one member's notes for one month."""

    class Result(models.TextChoices):
        PASS = "pass", _("合格")
        IMPROVE = "improve", _("需改进")
        MISSING = "missing", _("未交")

    month = models.DateField(_("检查月份"))
    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    checker = models.ForeignKey(
        "core.Person",
        verbose_name=_("检查人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField(_("检查日期"))
    result = models.CharField(_("检查结果"), max_length=10, choices=Result.choices)
    remark = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("笔记检查")
        verbose_name_plural = _("笔记检查")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "month", "person"], name="notecheck_unique_month")
        ]
        indexes = [models.Index(fields=["organisation", "month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.person} {self.get_result_display()}"


class StudySettings(VersionedModel):
    """Per-branch quotas; without a row the defaults below apply (the seed's 2 books a term).
    The weekly and monthly 学时 quotas are the branch's own choice: empty means none."""

    DEFAULT_BOOKS = 2
    DEFAULT_MEMBER_HOURS = Decimal("32")
    DEFAULT_OFFICER_HOURS = Decimal("56")
    DEFAULT_ACTIVITY_KINDS = 4
    DEFAULT_ATTENDANCE_RATE = 60

    organisation = models.OneToOneField("core.Organisation", on_delete=models.PROTECT, related_name="+")
    books_per_term = models.PositiveSmallIntegerField(_("每学期读书（本）"), default=DEFAULT_BOOKS)
    member_hours = models.DecimalField(_("党员年度学时"), **HOURS, default=DEFAULT_MEMBER_HOURS)
    officer_hours = models.DecimalField(_("书记、支委年度学时"), **HOURS, default=DEFAULT_OFFICER_HOURS)
    weekly_hours = models.DecimalField(_("每周学习不少于（小时）"), **HOURS, null=True, blank=True)
    monthly_hours = models.DecimalField(_("每月学习不少于（小时）"), **HOURS, null=True, blank=True)
    # The thresholds of rules_engagement.py: the seed's "活动载体少" and "少数人认识不高".
    min_activity_kinds = models.PositiveSmallIntegerField(
        _("每学期或每年活动形式不少于（种）"), default=DEFAULT_ACTIVITY_KINDS
    )
    min_attendance_rate = models.PositiveSmallIntegerField(
        _("党员组织生活出席率不低于（%）"), default=DEFAULT_ATTENDANCE_RATE
    )

    class Meta:
        verbose_name = _("学习要求")
        verbose_name_plural = _("学习要求")

    def __str__(self) -> str:
        return f"{self.organisation} {self.books_per_term}本/学期"
