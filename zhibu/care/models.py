"""关爱 records: care visits (走访慰问), the office's monthly calls to retirees (问寒问暖), and
donation drives with their gifts (捐款).

Money is a Decimal of yuan with two places everywhere; the services refuse a third decimal or a
negative amount. A visit to a student's family stores no student: the family is named only as
"学生家庭" plus a free pseudonym.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel

MONEY = {"max_digits": 12, "decimal_places": 2}
STUDENT_FAMILY_LABEL = "学生家庭"


class VisitCategory(models.TextChoices):
    SICK_STAFF = "sick_staff", _("有病住院的教职工")
    SICK_FAMILY = "sick_family", _("住院教职工家属")
    RETIRED = "retired", _("退休教职工")
    HARDSHIP_STAFF = "hardship_staff", _("困难教职工")
    STUDENT_FAMILY = "student_family", _("困难学生家庭")
    COMMUNITY = "community", _("社区困难群众")
    ELDERLY_HOME = "elderly_home", _("敬老院老人")


class CareVisit(OrganisationOwned, VersionedModel):
    """One 走访慰问. `person` is the visited person when on the roster (staff, retirees);
    `visited_name` names anyone else (a relative, a household, an elderly home) — for a student's
    family it is always "学生家庭（代称）", never a name. `headcount` is the 人次 it counts for."""

    category = models.CharField(_("慰问对象类别"), max_length=20, choices=VisitCategory.choices)
    visited_on = models.DateField(_("走访日期"))
    person = models.ForeignKey(
        "core.Person",
        verbose_name=_("受慰问人（本单位人员）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    visited_name = models.CharField(_("受慰问对象"), max_length=60, blank=True)
    headcount = models.PositiveSmallIntegerField(_("慰问人数"), default=1)
    visitors = models.ManyToManyField("core.Person", verbose_name=_("走访人员"), related_name="+", blank=True)
    other_visitors = models.CharField(_("其他走访人员"), max_length=200, blank=True)
    goods = models.CharField(_("慰问物品"), max_length=200, blank=True)
    money = models.DecimalField(_("慰问金（元）"), **MONEY, default=Decimal("0"))
    notes = models.TextField(_("情况记录"), blank=True)

    class Meta:
        verbose_name = _("走访慰问")
        verbose_name_plural = _("走访慰问")
        indexes = [models.Index(fields=["organisation", "visited_on"])]

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d} {self.get_category_display()}：{self.visited}"

    @property
    def visited(self) -> str:
        return self.person.name if self.person_id else self.visited_name

    def get_absolute_url(self) -> str:
        return reverse("care:visit", args=[self.pk])


class RetireeCall(OrganisationOwned, VersionedModel):
    """问寒问暖: the school office's call to one retired staff member in one month."""

    month = models.DateField(_("月份"))
    retiree = models.ForeignKey(
        "core.Person", verbose_name=_("退休教职工"), on_delete=models.PROTECT, related_name="+"
    )
    caller = models.ForeignKey(
        "core.Person",
        verbose_name=_("致电人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    called_on = models.DateField(_("致电日期"))
    raised = models.CharField(_("反映的情况"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("问寒问暖电话")
        verbose_name_plural = _("问寒问暖电话")
        constraints = [models.UniqueConstraint(fields=["retiree", "month"], name="care_call_unique_month")]
        indexes = [models.Index(fields=["organisation", "month"])]

    def __str__(self) -> str:
        return f"{self.called_on:%Y-%m-%d} {self.retiree.name}"

    def get_absolute_url(self) -> str:
        return reverse("care:call", args=[self.pk])


class DonationDrive(OrganisationOwned, VersionedModel):
    """A 捐款 drive: why, for whom, when."""

    purpose = models.CharField(_("捐款事由"), max_length=200)
    beneficiary = models.CharField(_("受助对象"), max_length=100)
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("捐款活动")
        verbose_name_plural = _("捐款活动")
        indexes = [models.Index(fields=["organisation", "started_on"])]

    def __str__(self) -> str:
        return f"{self.started_on:%Y-%m-%d} {self.purpose}"

    def get_absolute_url(self) -> str:
        return reverse("care:drive", args=[self.pk])


class Donation(OrganisationOwned, VersionedModel):
    """One gift to a drive. A member or staff member on the roster gives as `donor`: the branch's
    own giving. Anyone else is an outside donor by `donor_name`, usually raised through a member's
    appeal (`appeal_by`); their money is counted apart (care.donations_outside)."""

    drive = models.ForeignKey(DonationDrive, on_delete=models.PROTECT, related_name="gifts")
    donor = models.ForeignKey(
        "core.Person",
        verbose_name=_("捐款人（本单位人员）"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    donor_name = models.CharField(_("校外捐款人"), max_length=100, blank=True)
    appeal_by = models.ForeignKey(
        "core.Person",
        verbose_name=_("呼吁筹措的党员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    given_on = models.DateField(_("捐款日期"))
    amount = models.DecimalField(_("金额（元）"), **MONEY, default=Decimal("0"))
    in_kind = models.CharField(_("捐赠物品"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("捐款记录")
        verbose_name_plural = _("捐款记录")
        indexes = [models.Index(fields=["organisation", "given_on"])]

    def __str__(self) -> str:
        return f"{self.given_on:%Y-%m-%d} {self.donor_label} {self.amount}元"

    @property
    def outside(self) -> bool:
        return self.donor_id is None

    @property
    def donor_label(self) -> str:
        return self.donor.name if self.donor_id else self.donor_name

    def get_absolute_url(self) -> str:
        return reverse("care:drive", args=[self.drive_id])
