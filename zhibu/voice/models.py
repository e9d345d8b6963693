"""党内民主: consultations (征求意见) on a proposed decision with the members' answers, and the
suggestions (意见建议) from any meeting or consultation with their handling and response.

A suggestion's deadline (`due_on`) is fixed when it is recorded, from the branch's setting then in
force (like the 办理时限 printed on a paper form): changing the setting later does not move the
deadlines of suggestions already received.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class VoiceSettings(VersionedModel):
    """The branch's answer time; without a row the default applies."""

    DEFAULT_DAYS = 30

    organisation = models.OneToOneField("core.Organisation", on_delete=models.PROTECT, related_name="+")
    answer_days = models.PositiveSmallIntegerField(_("意见建议答复时限（天）"), default=DEFAULT_DAYS)

    class Meta:
        verbose_name = _("意见建议办理要求")
        verbose_name_plural = _("意见建议办理要求")

    def __str__(self) -> str:
        return f"{self.organisation} {self.answer_days}天"


class Consultation(OrganisationOwned, VersionedModel):
    title = models.CharField(_("拟决策事项"), max_length=200)
    question = models.TextField(_("征求意见的问题"))
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    asked = models.ManyToManyField("core.Person", verbose_name=_("征求意见对象"), related_name="+")

    class Meta:
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")
        indexes = [models.Index(fields=["organisation", "opens_on"])]

    def __str__(self) -> str:
        return f"{self.opens_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("voice:consultation", args=[self.pk])


class Answer(OrganisationOwned, VersionedModel):
    """A member's answer: given in the system while the consultation is open, or entered by the
    secretary from a meeting (`meeting` set, `entered_by` the secretary)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="answers")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("意见"))
    answered_on = models.DateField(_("提出日期"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("会议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        "core.Person",
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("征求意见回复")
        verbose_name_plural = _("征求意见回复")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "person"], name="voice_answer_one_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person.name}：{self.text[:20]}"

    def get_absolute_url(self) -> str:
        return reverse("voice:consultation", args=[self.consultation_id])


class Status(models.TextChoices):
    PENDING = "pending", _("待办")
    IN_PROGRESS = "in_progress", _("办理中")
    ADOPTED = "adopted", _("已采纳")
    PARTLY = "partly", _("部分采纳")
    REJECTED = "rejected", _("未采纳")


ANSWERED = (Status.ADOPTED, Status.PARTLY, Status.REJECTED)
ADOPTED = (Status.ADOPTED, Status.PARTLY)


class Suggestion(OrganisationOwned, VersionedModel):
    received_on = models.DateField(_("提出日期"))
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("来自征求意见"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="suggestions",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("来自会议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        "core.Person",
        verbose_name=_("提出人（空为匿名）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("类别或主题"), max_length=100)
    content = models.TextField(_("意见建议内容"))
    status = models.CharField(_("办理状态"), max_length=20, choices=Status.choices, default=Status.PENDING)
    reason = models.TextField(_("未采纳理由"), blank=True)
    response = models.TextField(_("答复意见"), blank=True)
    responder = models.ForeignKey(
        "core.Person",
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    due_on = models.DateField(_("答复期限"))

    class Meta:
        verbose_name = _("意见建议")
        verbose_name_plural = _("意见建议")
        indexes = [
            models.Index(fields=["organisation", "received_on"]),
            models.Index(fields=["organisation", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.received_on:%Y-%m-%d} {self.topic}"

    @property
    def author_label(self) -> str:
        return self.author.name if self.author_id else "匿名"

    @property
    def source_label(self) -> str:
        if self.consultation_id:
            return f"征求意见：{self.consultation.title}"
        if self.meeting_id:
            return f"会议：{self.meeting.topic}"
        return ""

    def get_absolute_url(self) -> str:
        return reverse("voice:suggestion", args=[self.pk])
