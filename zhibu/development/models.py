"""发展党员: the steps a person passes from the application to 转正, each with its date and evidence,
judged against the intervals of the 《中国共产党发展党员工作细则》 in force on the step's date.

The rules are data (DevelopmentRule): one version is every row sharing an `effective_from`; the
2014 细则 is loaded by migration 0002, and a revised 细则 is entered as new rows with a later date —
no code changes. A step that moves the party status (确定为积极分子, 发展对象, 支部大会接收, 转正) writes
the dated status history the roster keeps (core.PartyStatusChange, through people's services):
one history, and `status_change` says which of its rows the step wrote or confirmed.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Step(models.TextChoices):
    """In the order of the 细则. 考察 repeats every half year; 延长预备期 happens only when needed."""

    APPLICATION = "application", _("递交入党申请书")
    TALK = "talk", _("党组织派人谈话")
    ACTIVIST = "activist", _("确定为入党积极分子")
    REVIEW = "review", _("培养考察")
    CANDIDATE = "candidate", _("确定为发展对象")
    POLITICAL_CHECK = "political_check", _("政治审查")
    TRAINING = "training", _("集中培训")
    COMMITTEE_REVIEW = "committee_review", _("支部委员会审查")
    PRE_APPROVAL = "pre_approval", _("上级党委预审")
    ADMISSION = "admission", _("支部大会讨论接收")
    APPROVAL = "approval", _("上级党委审批")
    OATH = "oath", _("入党宣誓")
    EXTENSION = "extension", _("延长预备期")
    CONFIRMATION = "confirmation", _("预备党员转正")


class DevelopmentStep(OrganisationOwned, VersionedModel):
    """One step of one person's development, dated, with its evidence (谈话记录, 考察意见, 政审材料,
    the training certificate…). `sponsors` are the two 培养联系人 (确定为积极分子) or the two 入党介绍人
    (支部大会) — full members on the step's date. `vote` is the 支部大会's 表决 in the meetings
    ledger."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("发展对象人员"), on_delete=models.PROTECT, related_name="+"
    )
    step = models.CharField(_("环节"), max_length=20, choices=Step.choices)
    day = models.DateField(_("日期"))
    evidence = models.TextField(_("佐证材料及情况"))
    sponsors = models.ManyToManyField(
        "core.Person", verbose_name=_("培养联系人/入党介绍人"), related_name="+", blank=True
    )
    vote = models.ForeignKey(
        "meetings.MeetingVote",
        verbose_name=_("支部大会表决"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    training_days = models.PositiveSmallIntegerField(_("培训天数"), null=True, blank=True)
    training_hours = models.PositiveSmallIntegerField(_("培训学时"), null=True, blank=True)
    extension_months = models.PositiveSmallIntegerField(_("延长预备期（月）"), null=True, blank=True)
    status_change = models.ForeignKey(
        "core.PartyStatusChange",
        verbose_name=_("政治面貌变动"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("发展党员环节")
        verbose_name_plural = _("发展党员环节")
        ordering = ["day", "pk"]
        indexes = [
            models.Index(fields=["organisation", "step", "day"]),
            models.Index(fields=["person", "day"]),
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.day:%Y-%m-%d} {self.get_step_display()}"

    def get_absolute_url(self) -> str:
        return reverse("development:person", args=[self.person_id])


class DevelopmentRule(models.Model):
    """One interval of the 细则: `to_step` no earlier (minimum) or no later (maximum) than `months`
    and `days` after `from_step`. A version is every row with the same `effective_from`; the version
    in force on a day is the one with the latest effective_from on or before it. Rules are national
    data, not a branch's: entered by the superior committee (development.rules)."""

    class Kind(models.TextChoices):
        MIN = "min", _("不早于")
        MAX = "max", _("不晚于")

    effective_from = models.DateField(_("施行日期"))
    edition = models.CharField(_("依据文件"), max_length=100)
    from_step = models.CharField(_("起算环节"), max_length=20, choices=Step.choices)
    to_step = models.CharField(_("后续环节"), max_length=20, choices=Step.choices)
    kind = models.CharField(_("要求"), max_length=3, choices=Kind.choices)
    months = models.PositiveSmallIntegerField(_("间隔（月）"), default=0)
    days = models.PositiveSmallIntegerField(_("间隔（天）"), default=0)
    source = models.CharField(_("条文"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("发展党员时限规定")
        verbose_name_plural = _("发展党员时限规定")
        ordering = ["effective_from", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["effective_from", "from_step", "to_step", "kind"], name="development_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition}：{self.get_from_step_display()}→{self.get_to_step_display()}"


class DevelopmentSettings(VersionedModel):
    """A branch's own choice: how many years without a new member make a finding (default 2)."""

    DEFAULT_WINDOW_YEARS = 2

    organisation = models.OneToOneField("core.Organisation", on_delete=models.PROTECT, related_name="+")
    window_years = models.PositiveSmallIntegerField(_("多少年未发展党员提示"), default=DEFAULT_WINDOW_YEARS)

    class Meta:
        verbose_name = _("发展党员设置")
        verbose_name_plural = _("发展党员设置")

    def __str__(self) -> str:
        return f"{self.organisation} {self.window_years}年"
