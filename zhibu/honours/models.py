"""荣誉与评比: honours the branch, the school, members and teachers received (with the certificate
as an attachment), and the branch's lesson competitions (示范课/优质课评比, 学案评比) with their
participants, results and awards."""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Level(models.TextChoices):
    """Highest first: the summary lists honours in this order."""

    NATIONAL = "national", _("国家级")
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    BUREAU = "bureau", _("局级")
    SCHOOL = "school", _("校级")


class HonourKind(models.TextChoices):
    ADVANCED_BRANCH = "advanced_branch", _("先进党支部")
    EXCELLENT_MEMBER = "excellent_member", _("优秀共产党员")
    ADVANCED_UNIT = "advanced_unit", _("先进单位")
    EXCELLENT_WEBSITE = "excellent_website", _("优秀网站")
    ADVANCED_PERSON = "advanced_person", _("先进个人")
    PAPER = "paper", _("论文获奖")
    WORK = "work", _("作品获奖")
    OTHER = "other", _("其他荣誉")


class Recipient(models.TextChoices):
    BRANCH = "branch", _("党支部")
    SCHOOL = "school", _("学校")
    PERSON = "person", _("个人")


def attachment_name_for(org, filename: str) -> str:
    # Generated names only: the uploader's file name never reaches the file system.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"honours/{org.pk}/{uuid.uuid4().hex}.{ext}"


def _attachment_path(instance: Honour, filename: str) -> str:
    return attachment_name_for(instance.organisation, filename)


class Honour(OrganisationOwned, VersionedModel):
    """One award. `person` is set for a personal honour (a member or a teacher of the branch);
    a branch's or a school's honour names no person."""

    title = models.CharField(_("荣誉名称"), max_length=100, help_text=_("如：局先进党支部"))
    kind = models.CharField(_("荣誉类别"), max_length=20, choices=HonourKind.choices)
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices)
    issuer = models.CharField(_("颁发单位"), max_length=100)
    awarded_on = models.DateField(_("获得日期"))
    occasion = models.CharField(
        _("评比或检查名称"), max_length=100, blank=True, help_text=_("如：2023年教育政风行风检查")
    )
    recipient = models.CharField(_("获奖对象"), max_length=10, choices=Recipient.choices)
    person = models.ForeignKey(
        "core.Person",
        verbose_name=_("获奖人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("备注"), blank=True)
    attachment = models.FileField(_("证书或文件"), upload_to=_attachment_path, blank=True, max_length=200)
    attachment_type = models.CharField(max_length=100, blank=True, editable=False)
    attachment_name = models.CharField(_("原文件名"), max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("荣誉")
        verbose_name_plural = _("荣誉")
        indexes = [models.Index(fields=["organisation", "awarded_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recipient="person", person__isnull=False)
                | (~models.Q(recipient="person") & models.Q(person__isnull=True)),
                name="honour_person_iff_personal",
            )
        ]

    def __str__(self) -> str:
        who = self.person.name if self.person_id else self.get_recipient_display()
        return f"{self.awarded_on:%Y-%m-%d} {who}：{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("honours:honour", args=[self.pk])


class CompetitionKind(models.TextChoices):
    LESSON = "lesson", _("示范课/优质课评比")
    STUDY_PLAN = "study_plan", _("学案评比")
    OTHER = "other", _("其他教学评比")


class Award(models.TextChoices):
    NONE = "", _("未获奖")
    FIRST = "first", _("一等奖")
    SECOND = "second", _("二等奖")
    THIRD = "third", _("三等奖")
    EXCELLENT = "excellent", _("优秀奖")


class CompetitionRound(OrganisationOwned, VersionedModel):
    """One round of a lesson competition the branch runs (often with the 教务处)."""

    title = models.CharField(_("评比名称"), max_length=100)
    kind = models.CharField(_("评比类别"), max_length=20, choices=CompetitionKind.choices)
    held_on = models.DateField(_("评比日期"))
    organiser = models.CharField(_("主办"), max_length=100, blank=True, help_text=_("如：党支部、教务处"))
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("教学评比")
        verbose_name_plural = _("教学评比")
        indexes = [models.Index(fields=["organisation", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("honours:round", args=[self.pk])


class Participant(OrganisationOwned):
    """Who took part in a round (a member or a non-member teacher of the branch), with the lesson
    or 学案 entered, the result and the award; edited with its round, whose version guards it."""

    round = models.ForeignKey(CompetitionRound, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("参赛人"), on_delete=models.PROTECT, related_name="+"
    )
    entry = models.CharField(_("参赛课题或学案"), max_length=200, blank=True)
    result = models.CharField(_("评比结果"), max_length=200, blank=True)
    award = models.CharField(_("获奖等次"), max_length=10, choices=Award.choices, blank=True, default="")

    class Meta:
        verbose_name = _("参赛人员")
        verbose_name_plural = _("参赛人员")
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="participant_unique_person")]

    def __str__(self) -> str:
        award = f" {self.get_award_display()}" if self.award else ""
        return f"{self.round.title} · {self.person}{award}"

    def get_absolute_url(self) -> str:
        return reverse("honours:round", args=[self.round_id])
