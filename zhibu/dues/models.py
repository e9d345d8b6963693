"""党费: the bands (national rule, by effective date), each member's monthly base, and the payments
with the months they cover.

Money is a Decimal of yuan with two places everywhere (docs/dues.md states the rounding). A month
is paid at most once: `DuesPaymentMonth` carries a unique (person, month), so even two secretaries
saving at the same moment cannot record the same month twice.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned

MONEY = {"max_digits": 12, "decimal_places": 2}


class BandCategory(models.TextChoices):
    SERVING = "serving", _("在职党员")
    RETIRED = "retired", _("离退休党员")
    NO_INCOME = "no_income", _("学生和无收入党员")


class DuesBand(models.Model):
    """One band of the rule in force from `effective_from`: a base up to `up_to` (inclusive; none:
    no upper limit) pays `rate` per cent of the whole base, or a `fixed` sum a month. The bands with
    the same effective date form one set; the newest set on or before a month applies to it. The
    rule is the Party's, the same for every branch, so a band belongs to no organisation."""

    effective_from = models.DateField(_("执行日期"))
    category = models.CharField(_("党员类别"), max_length=20, choices=BandCategory.choices)
    up_to = models.DecimalField(_("月工资收入上限（元）"), null=True, blank=True, **MONEY)
    rate = models.DecimalField(_("交纳比例（%）"), max_digits=5, decimal_places=2, null=True, blank=True)
    fixed = models.DecimalField(_("每月固定交纳（元）"), null=True, blank=True, **MONEY)
    source = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("党费交纳标准")
        verbose_name_plural = _("党费交纳标准")
        ordering = ["-effective_from", "category", models.F("up_to").asc(nulls_last=True)]
        constraints = [
            models.UniqueConstraint(fields=["effective_from", "category", "up_to"], name="dues_band_unique")
        ]

    def __str__(self) -> str:
        limit = f"≤{self.up_to}" if self.up_to is not None else _("以上")
        share = f"{self.rate}%" if self.rate is not None else f"{self.fixed}元/月"
        return f"{self.effective_from:%Y-%m-%d} {self.get_category_display()} {limit} {share}"


class DuesBase(OrganisationOwned):
    """A member's monthly base (税后工资中的固定部分) from the month `effective_from` on, until her
    next base. `no_income` marks a student or a member without income: the fixed sum applies."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    effective_from = models.DateField(_("起始月份"))
    amount = models.DecimalField(_("月交纳基数（元）"), **MONEY)
    no_income = models.BooleanField(_("学生或无收入"), default=False)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("党费基数")
        verbose_name_plural = _("党费基数")
        constraints = [
            models.UniqueConstraint(fields=["person", "effective_from"], name="dues_base_unique_month")
        ]
        indexes = [models.Index(fields=["organisation", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.person.name} {self.effective_from:%Y年%m月}起"

    def get_absolute_url(self) -> str:
        return reverse("dues:person", args=[self.person_id])


class PaymentKind(models.TextChoices):
    REGULAR = "regular", _("按月交纳")
    VOLUNTARY = "voluntary", _("自愿多交")


class DuesPayment(OrganisationOwned):
    """One payment. A regular one covers months (its `months` rows) and its amount is their dues;
    a voluntary one (自愿多交党费) covers no month and is counted apart. `back_months` is how many of
    its months had ended before the month it was paid in (补交); more than six is flagged."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("类别"), max_length=20, choices=PaymentKind.choices, default=PaymentKind.REGULAR
    )
    paid_on = models.DateField(_("交纳日期"))
    amount = models.DecimalField(_("金额（元）"), **MONEY)
    back_months = models.PositiveSmallIntegerField(_("补交月数"), default=0)
    long_back = models.BooleanField(_("补交超过六个月"), default=False)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("党费交纳记录")
        verbose_name_plural = _("党费交纳记录")
        indexes = [models.Index(fields=["organisation", "paid_on"])]

    def __str__(self) -> str:
        return f"{self.paid_on:%Y-%m-%d} {self.person.name} {self.amount}元"

    def get_absolute_url(self) -> str:
        return reverse("dues:payment", args=[self.pk])


class DuesPaymentMonth(OrganisationOwned):
    """A month a regular payment covers, with the due it paid (base × band of that month)."""

    payment = models.ForeignKey(DuesPayment, on_delete=models.CASCADE, related_name="months")
    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(_("月份"))
    due = models.DecimalField(_("应交（元）"), **MONEY)

    class Meta:
        verbose_name = _("党费所属月份")
        verbose_name_plural = _("党费所属月份")
        constraints = [models.UniqueConstraint(fields=["person", "month"], name="dues_month_paid_once")]
        indexes = [models.Index(fields=["organisation", "month"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.month:%Y年%m月}"
