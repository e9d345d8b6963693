"""检查评比: a plan the bureau runs (scored items with weights, level thresholds), the scores its
inspectors enter per branch, and nothing derived: totals, levels and ranks are computed in the
database from the scores every time they are shown (selectors.results)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models.base import OrganisationOwned, VersionedModel

ZERO = Decimal("0")


def plain(value: Decimal) -> str:
    """15.00 → "15", 0.500 → "0.5", 20 → "20" (never "2E+1")."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class PlanState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    OPEN = "open", _("评分中")
    PUBLISHED = "published", _("已发布")


class Level(models.TextChoices):
    EXCELLENT = "excellent", _("优秀")
    GOOD = "good", _("良好")
    PASS = "pass", _("合格")
    FAIL = "fail", _("不合格")


class InspectionPlan(OrganisationOwned, VersionedModel):
    """One inspection (考核/检查) run by `organisation` (the bureau) over the branches below it."""

    title = models.CharField(_("考核名称"), max_length=100)
    year = models.PositiveSmallIntegerField(_("考核年度"))
    # How the summary names the field the branch was ranked in: "名列市直第四名".
    scope_label = models.CharField(_("排名范围"), max_length=20, blank=True)
    state = models.CharField(_("状态"), max_length=12, choices=PlanState.choices, default=PlanState.DRAFT)
    excellent_from = models.DecimalField(
        _("优秀分数线"), max_digits=5, decimal_places=2, default=Decimal("90")
    )
    good_from = models.DecimalField(_("良好分数线"), max_digits=5, decimal_places=2, default=Decimal("80"))
    pass_from = models.DecimalField(_("合格分数线"), max_digits=5, decimal_places=2, default=Decimal("60"))
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("检查评比")
        verbose_name_plural = _("检查评比")
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inspections:plan", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.state == PlanState.PUBLISHED

    def level_of(self, total: Decimal | None) -> str:
        """The level a total reaches by the plan's thresholds (each inclusive: 90 is 优秀)."""
        total = total if total is not None else ZERO
        if total >= self.excellent_from:
            return Level.EXCELLENT
        if total >= self.good_from:
            return Level.GOOD
        if total >= self.pass_from:
            return Level.PASS
        return Level.FAIL


class PlanItem(OrganisationOwned):
    """A scored item (德育活动, 学案导学 …) with its full marks and weight; edited with its plan,
    whose version guards it."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("考核项目"), max_length=40)
    max_score = models.DecimalField(
        _("满分"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    weight = models.DecimalField(
        _("权重"), max_digits=6, decimal_places=3, validators=[MinValueValidator(Decimal("0.001"))]
    )
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = _("考核项目")
        verbose_name_plural = _("考核项目")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="planitem_unique_name")]

    def __str__(self) -> str:
        return self.name


class Score(OrganisationOwned, VersionedModel):
    """A branch's score on one item. `organisation` is the branch scored, so the branch's own scope
    reaches its rows and no other branch's."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="scores")
    score = models.DecimalField(_("得分"), max_digits=6, decimal_places=2)
    remark = models.CharField(_("评分说明"), max_length=200, blank=True)
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("评分人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("检查评比得分")
        verbose_name_plural = _("检查评比得分")
        ordering = ["plan", "organisation", "item__order", "item"]
        constraints = [
            models.UniqueConstraint(fields=["item", "organisation"], name="score_unique_item_branch"),
            models.CheckConstraint(condition=models.Q(score__gte=0), name="score_not_negative"),
        ]
        indexes = [models.Index(fields=["plan", "organisation"], name="score_plan_branch")]

    def __str__(self) -> str:
        return f"{self.plan} · {self.item} · {self.score}分"

    def get_absolute_url(self) -> str:
        return reverse("inspections:result", kwargs={"pk": self.plan_id, "branch": self.organisation_id})
