"""评议考核: points rules (积分, computed from the ledgers, never stored as a counter), manual
adjustments, and the yearly 民主评议党员 (self-assessment, peer ratings, the branch's decision).

A member's points are always computed: facts come from the ledgers through the points registry
(core/registries/points.py), the branch's rules turn them into points (points.py in this app).
Only the rules and the manual adjustments are stored here.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel

POINTS = {"max_digits": 8, "decimal_places": 2}


class CapPeriod(models.TextChoices):
    MONTH = "month", _("每月")
    TERM = "term", _("每学期")
    YEAR = "year", _("每年")


class PointRule(OrganisationOwned, VersionedModel):
    """One action of a ledger (a points source) worth `points` per fact for the members of the
    branch, at most `cap` in each cap period (none: no cap), from `effective_from` until
    `effective_until` (inclusive; none: still in force). A fact earns under the rule in force on
    its day; within a cap period facts earn in date order until the cap is reached."""

    source = models.CharField(_("积分项目"), max_length=60)
    points = models.DecimalField(_("每次积分"), **POINTS)
    cap = models.DecimalField(_("积分上限"), **POINTS, null=True, blank=True)
    cap_period = models.CharField(
        _("上限周期"), max_length=10, choices=CapPeriod.choices, default=CapPeriod.MONTH
    )
    effective_from = models.DateField(_("生效日期"))
    effective_until = models.DateField(_("失效日期"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("积分规则")
        verbose_name_plural = _("积分规则")
        indexes = [models.Index(fields=["organisation", "source"])]

    def __str__(self) -> str:
        from zhibu.core.registries import points as registry

        return f"{registry.label_of(self.source)} 每次{self.points}分"

    def get_absolute_url(self) -> str:
        return reverse("appraisal:rule_edit", args=[self.pk])


class PointAdjustment(OrganisationOwned, VersionedModel):
    """A manual adjustment of one member's points (plus or minus), with its reason: counted on its
    day, outside every cap."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField(_("日期"))
    points = models.DecimalField(_("调整分值"), **POINTS)
    reason = models.CharField(_("调整原因"), max_length=200)

    class Meta:
        verbose_name = _("积分调整")
        verbose_name_plural = _("积分调整")
        indexes = [models.Index(fields=["organisation", "day"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.person} {self.points:+}分"

    def get_absolute_url(self) -> str:
        return reverse("appraisal:points_person", args=[self.person_id])


class Rating(models.TextChoices):
    EXCELLENT = "excellent", _("优秀")
    QUALIFIED = "qualified", _("合格")
    BASIC = "basic", _("基本合格")
    UNQUALIFIED = "unqualified", _("不合格")


class Appraisal(OrganisationOwned, VersionedModel):
    """One member's 民主评议 of one year: her self-assessment, and the branch's decision. The
    peer ratings are rows of their own; at most a third of the year's appraisals are 优秀."""

    year = models.PositiveSmallIntegerField(_("年度"))
    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    self_assessment = models.TextField(_("自我评价"), blank=True)
    decision = models.CharField(_("评议结果"), max_length=12, choices=Rating.choices, blank=True)
    decided_on = models.DateField(_("评定日期"), null=True, blank=True)
    comment = models.CharField(_("支部意见"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("民主评议")
        verbose_name_plural = _("民主评议")
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="appraisal_once_a_year")]
        indexes = [models.Index(fields=["organisation", "year"])]

    def __str__(self) -> str:
        return f"{self.year}年度 {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("appraisal:appraisal", args=[self.pk])


class PeerRating(OrganisationOwned):
    """One member's rating of another in a year's appraisal: once per rater and ratee, never of
    oneself. Pages show the counts per rating, never who gave which."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.CASCADE, related_name="ratings")
    rater = models.ForeignKey(
        "core.Person", verbose_name=_("评议人"), on_delete=models.PROTECT, related_name="+"
    )
    rating = models.CharField(_("评议等次"), max_length=12, choices=Rating.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("党员互评")
        verbose_name_plural = _("党员互评")
        constraints = [models.UniqueConstraint(fields=["appraisal", "rater"], name="peer_rating_once")]

    def __str__(self) -> str:
        return f"{self.appraisal} {self.get_rating_display()}"
