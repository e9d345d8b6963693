"""包教 / 双联 / 结对: party members mentoring students — sensitive data about minors.

Privacy by design: a student's real name, the plan, log text, observations, outcome evidence and
guardian contact are EncryptedTextFields; everything outside the case itself shows the per-branch
pseudonym (学生A07), which is why every `__str__` here returns it. Only this app reads these rows;
other apps get counts through mentoring.figures.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.crypto import EncryptedTextField
from zhibu.core.models import OrganisationOwned, VersionedModel


class Scheme(models.TextChoices):
    BAOJIAO = "baojiao", _("包教")
    SHUANGLIAN = "shuanglian", _("双联")
    JIEDUI = "jiedui", _("结对")


class StudentKind(models.TextChoices):
    """Whom a case helps: a document names the kind ("包教问题学生3人，双联学困生2人")."""

    PROBLEM = "problem", _("问题学生")
    STRUGGLING = "struggling", _("学困生")
    HARDSHIP = "hardship", _("家庭困难学生")
    LEFT_BEHIND = "left_behind", _("留守儿童")


class Dimension(models.TextChoices):
    THINKING = "thinking", _("思想")
    STUDY = "study", _("学习")
    LIFE = "life", _("生活")
    PSYCHOLOGY = "psychology", _("心理行为")


class Outcome(models.TextChoices):
    ONGOING = "ongoing", _("帮教中")
    IMPROVED = "improved", _("有进步")
    TURNED = "turned", _("已转化")
    NOT_TURNED = "not_turned", _("未转化")


class MentoringSettings(VersionedModel):
    """Per-branch choices. Absent row = the defaults below (see services.settings_for)."""

    organisation = models.OneToOneField(
        "core.Organisation", on_delete=models.PROTECT, related_name="mentoring_settings"
    )
    default_scheme = models.CharField(
        _("默认帮教形式"), max_length=20, choices=Scheme.choices, default=Scheme.BAOJIAO
    )
    guardian_contact_enabled = models.BooleanField(
        _("登记监护人联系方式"),
        default=False,
        help_text=_("仅在确有需要时开启；开启后才能填写监护人联系方式，且加密保存。"),
    )
    retention_years = models.PositiveSmallIntegerField(
        _("学生离校后保留年限"), default=3, help_text=_("超过年限后，学生信息匿名化，帮教记录正文清除。")
    )

    class Meta:
        verbose_name = _("包教设置")
        verbose_name_plural = _("包教设置")

    def __str__(self) -> str:
        return f"{self.organisation} 包教设置"


class Student(OrganisationOwned, VersionedModel):
    """The minimum data needed about a mentored student. `name` is encrypted and therefore cannot
    be searched; lists show the pseudonym and the class."""

    class Gender(models.TextChoices):
        MALE = "M", _("男")
        FEMALE = "F", _("女")

    sequence = models.PositiveIntegerField(editable=False)
    pseudonym = models.CharField(_("化名"), max_length=20, editable=False)
    AUDIT_REDACT = ("class_name", "birth_year", "enrolled_on", "left_on")
    name = EncryptedTextField(_("姓名"))
    class_name = models.CharField(_("班级"), max_length=40)
    gender = models.CharField(_("性别"), max_length=1, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    enrolled_on = models.DateField(_("入学日期"), null=True, blank=True)
    left_on = models.DateField(_("离校日期"), null=True, blank=True)
    guardian_contact = EncryptedTextField(_("监护人联系方式"), blank=True)
    anonymised_at = models.DateTimeField(_("匿名化时间"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("学生")
        verbose_name_plural = _("学生")
        ordering = ["organisation", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "sequence"], name="student_org_sequence"),
            models.UniqueConstraint(fields=["organisation", "pseudonym"], name="student_org_pseudonym"),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class MentoringCase(OrganisationOwned, VersionedModel):
    scheme = models.CharField(_("帮教形式"), max_length=20, choices=Scheme.choices, default=Scheme.BAOJIAO)
    student_kind = models.CharField(
        _("帮教对象类别"), max_length=20, choices=StudentKind.choices, blank=True, default=""
    )
    mentor = models.ForeignKey(
        "core.Person", verbose_name=_("包教党员"), on_delete=models.PROTECT, related_name="+"
    )
    student = models.ForeignKey(
        Student, verbose_name=_("学生"), on_delete=models.PROTECT, related_name="cases"
    )
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    plan_thinking = EncryptedTextField(_("思想方面目标与措施"), blank=True)
    plan_study = EncryptedTextField(_("学习方面目标与措施"), blank=True)
    plan_life = EncryptedTextField(_("生活方面目标与措施"), blank=True)
    plan_psychology = EncryptedTextField(_("心理行为方面目标与措施"), blank=True)
    outcome = models.CharField(_("转化情况"), max_length=20, choices=Outcome.choices, default=Outcome.ONGOING)
    outcome_on = models.DateField(_("转化认定日期"), null=True, blank=True)
    outcome_evidence = EncryptedTextField(_("转化依据"), blank=True)
    # Retention purges log text but keeps the rows' dates, so counts of past work still add up.
    purged_log_count = models.PositiveIntegerField(default=0, editable=False)
    seminars = models.ManyToManyField(
        "meetings.Meeting", through="SeminarLink", related_name="+", verbose_name=_("座谈会")
    )

    class Meta:
        verbose_name = _("包教记录")
        verbose_name_plural = _("包教记录")
        ordering = ["-started_on", "pk"]
        indexes = [models.Index(fields=["organisation", "started_on"])]
        constraints = [
            # Backstop for the service's check: one open case per student and scheme.
            models.UniqueConstraint(
                fields=["student", "scheme"],
                condition=models.Q(ended_on__isnull=True),
                name="case_one_open_per_student_scheme",
            )
        ]

    def __str__(self) -> str:
        return self.student.pseudonym

    def plan_by_dimension(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, f"plan_{value}")) for value, label in Dimension.choices]


class MentoringLog(OrganisationOwned, VersionedModel):
    """One entry of the mentor's diary. Its author may rewrite it for EDIT_DAYS after writing it;
    later corrections need a reason and keep the text they replace as a LogRevision (log_edits.py).
    `created_at` (from VersionedModel) is when it was written, the start of those days."""

    case = models.ForeignKey(MentoringCase, on_delete=models.CASCADE, related_name="logs")
    on = models.DateField(_("日期"))
    dimension = models.CharField(_("方面"), max_length=20, choices=Dimension.choices)
    text = EncryptedTextField(_("做了什么"))
    observation = EncryptedTextField(_("观察与效果"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    purged = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("包教日志")
        verbose_name_plural = _("包教日志")
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["organisation", "on"]), models.Index(fields=["case", "on"])]

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.get_dimension_display()}"


class LogRevision(OrganisationOwned):
    """A log as it read before a correction (after its author's free days, or by the secretary),
    with the reason and who corrected it. Everything written by hand is encrypted like the log,
    is shown only on the log's page to those who may read the case (each read audited), and goes
    with the log into the 回收站 and under the retention purge."""

    log = models.ForeignKey(MentoringLog, on_delete=models.CASCADE, related_name="revisions")
    on = models.DateField(_("日期"))
    dimension = models.CharField(_("方面"), max_length=20, choices=Dimension.choices)
    text = EncryptedTextField(_("做了什么"))
    observation = EncryptedTextField(_("观察与效果"), blank=True)
    reason = EncryptedTextField(_("修改原因"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("修改时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("包教日志修改记录")
        verbose_name_plural = _("包教日志修改记录")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.log} {_('修改前')}"


class LogAttachment(OrganisationOwned):
    """A photo or document attached to a log. Stored in the database as base64 inside an
    EncryptedTextField, so it is encrypted at rest and re-encrypted by `rotate_keys` like the text."""

    log = models.ForeignKey(MentoringLog, on_delete=models.CASCADE, related_name="attachments")
    filename = EncryptedTextField(_("文件名"))
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = EncryptedTextField()

    class Meta:
        verbose_name = _("日志附件")
        verbose_name_plural = _("日志附件")

    def __str__(self) -> str:
        return f"{self.log} 附件"


class CaseReview(OrganisationOwned):
    """The branch's monthly check of one case (支部每月检查)."""

    case = models.ForeignKey(MentoringCase, on_delete=models.CASCADE, related_name="reviews")
    month = models.DateField(_("月份"), help_text="first day of the month reviewed")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed = models.BooleanField(_("已检查"), default=True)
    remark = EncryptedTextField(_("检查意见"), blank=True)
    reviewed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("月度检查")
        verbose_name_plural = _("月度检查")
        constraints = [models.UniqueConstraint(fields=["case", "month"], name="review_case_month")]
        indexes = [models.Index(fields=["organisation", "month"])]

    def __str__(self) -> str:
        return f"{self.case} {self.month:%Y-%m}"


class CaseAccessGrant(OrganisationOwned):
    """Explicit, reasoned, time-limited read access to one case for someone who is neither the
    mentor nor the secretary (e.g. the committee member delegated to review it)."""

    case = models.ForeignKey(MentoringCase, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("授权对象"), on_delete=models.CASCADE, related_name="+"
    )
    reason = EncryptedTextField(_("授权理由"))
    ends_on = models.DateField(_("有效期至"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("查阅授权")
        verbose_name_plural = _("查阅授权")
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.case} → {self.user}"


class SeminarLink(OrganisationOwned):
    """A term seminar (包教工作座谈会, a meetings.Meeting) that discussed this case."""

    case = models.ForeignKey(MentoringCase, on_delete=models.CASCADE, related_name="seminar_links")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "meeting"], name="seminar_case_meeting")]

    def __str__(self) -> str:
        return f"{self.case} {self.meeting}"
