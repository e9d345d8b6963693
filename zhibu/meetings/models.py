"""组织生活 records: meetings of one or more types, their attendance, votes and attachments, and the
cadence rules (data, with effective dates) that the obligations calendar checks them against.

Meeting, Attendance and their original fields are the contract other ledgers (study, mentoring)
link to; they are only ever extended here, never renamed.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import AttendanceStatus, OrganisationOwned, VersionedModel


class MeetingType(models.Model):
    """三会一课 and the other kinds of 组织生活. Global types (organisation null) are seeded with
    stable codes; a branch may add its own (organisation set)."""

    code = models.SlugField(_("代码"), max_length=60)
    name = models.CharField(_("名称"), max_length=40)
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("所属党组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=100)
    allows_non_members = models.BooleanField(_("允许非党员参加"), default=False)

    class Meta:
        verbose_name = _("会议类型")
        verbose_name_plural = _("会议类型")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(organisation__isnull=True), name="meetingtype_global_code"
            ),
            models.UniqueConstraint(fields=["organisation", "code"], name="meetingtype_org_code"),
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(OrganisationOwned, VersionedModel):
    topic = models.CharField(_("主题"), max_length=200)
    held_at = models.DateTimeField(_("时间"))
    place = models.CharField(_("地点"), max_length=100, blank=True)
    # --- the ledger's own fields (added in 0002) ---
    types = models.ManyToManyField(MeetingType, verbose_name=_("会议类型"), related_name="meetings")
    held = models.BooleanField(_("已召开"), default=True)
    host = models.ForeignKey(
        "core.Person",
        verbose_name=_("主持人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorder = models.ForeignKey(
        "core.Person",
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    minutes = models.TextField(_("会议记录"), blank=True)
    decisions = models.TextField(_("形成决议"), blank=True)
    # Set by the service when a held meeting is entered more than LATE_AFTER_DAYS after it took place.
    recorded_late = models.BooleanField(_("补录"), default=False)

    class Meta:
        verbose_name = _("会议")
        verbose_name_plural = _("会议")
        ordering = ["-held_at"]
        indexes = [models.Index(fields=["organisation", "held_at"])]

    def __str__(self) -> str:
        return f"{self.held_at:%Y-%m-%d} {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])


class Attendance(OrganisationOwned):
    Status = AttendanceStatus

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("人员"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("出席情况"), max_length=10, choices=Status.choices, default=Status.PRESENT)
    reason = models.CharField(_("请假事由"), max_length=200, blank=True)
    # Non-member staff (列席) where the meeting's type allows them; they never count for quorum.
    is_guest = models.BooleanField(_("列席"), default=False)

    class Meta:
        verbose_name = _("出席记录")
        verbose_name_plural = _("出席记录")
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique_person")]

    def __str__(self) -> str:
        return f"{self.person} {self.get_status_display()}"


class MeetingVote(OrganisationOwned):
    """A 表决 at a 党员大会: the count only, the threshold is computed from the roster on the day."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="votes")
    subject = models.CharField(_("表决事项"), max_length=200)
    approve = models.PositiveIntegerField(_("赞成"))
    oppose = models.PositiveIntegerField(_("反对"), default=0)
    abstain = models.PositiveIntegerField(_("弃权"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("表决")
        verbose_name_plural = _("表决")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.subject


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # The user's file name never reaches the disk: only a fresh uuid and the extension of the
    # detected content type (filename here is already that generated name).
    suffix = PurePosixPath(filename).suffix.lower()
    return f"meetings/{instance.organisation_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(OrganisationOwned):
    class Kind(models.TextChoices):
        IMAGE = "image", _("照片")
        DOCUMENT = "document", _("文档")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    original_name = models.CharField(_("文件名"), max_length=120)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    caption = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class CadenceRule(models.Model):
    """ "How often a type must be held", as data in force from a date. Changing a rule closes the old
    row (effective_to) and opens a new one, so past periods keep being judged by the old rule."""

    class Every(models.TextChoices):
        WEEK = "week", _("每周")
        MONTH = "month", _("每月")
        QUARTER = "quarter", _("每季度")
        YEAR = "year", _("每年")

    meeting_type = models.ForeignKey(
        MeetingType, verbose_name=_("会议类型"), on_delete=models.PROTECT, related_name="rules"
    )
    # Null: the default for every branch; set: that organisation (and its subtree) only.
    organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("适用党组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Which organisations the obligation binds: 党小组会 binds each 党小组, the rest the 党支部.
    org_kind = models.CharField(_("适用组织类型"), max_length=20, default="branch")
    every = models.CharField(_("周期"), max_length=10, choices=Every.choices)
    times = models.PositiveSmallIntegerField(_("每周期至少次数"), default=1)
    term_time_only = models.BooleanField(_("仅在学期内"), default=False)
    effective_from = models.DateField(_("生效日期"))
    effective_to = models.DateField(_("失效日期"), null=True, blank=True)
    basis = models.CharField(_("依据"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("召开周期规则")
        verbose_name_plural = _("召开周期规则")
        ordering = ["meeting_type__order", "effective_from"]
        indexes = [models.Index(fields=["meeting_type", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.meeting_type} {self.get_every_display()}{self.times}次"

    def in_force(self, day) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)
