"""The people ledger's own rows: 组织关系转接 (transfers in and out) and 党籍 marks (停止党籍, 流动党员,
失联党员). Person and its status history stay in core (docs/architecture.md); these rows point at
Person and nothing in core points at them, so they live here without a migration cycle — and
membership on a day (people.selectors.members_on*) reads them in the same app: a member transferred
in counts from her arrival, a member whose 党籍 is stopped does not count while the mark runs."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Direction(models.TextChoices):
    IN = "in", _("转入")
    OUT = "out", _("转出")


class Transfer(OrganisationOwned, VersionedModel):
    """One 组织关系转接 of one person. A transfer out sets the person's left date (she stays in the
    history, so past periods count her); a transfer in is the person's arrival (she counts as a
    member of this branch from that day, whatever her earlier history)."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="transfers"
    )
    direction = models.CharField(_("转接类型"), max_length=3, choices=Direction.choices)
    transferred_on = models.DateField(_("转接日期"))
    other_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("系统内的党组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    other_name = models.CharField(_("转出或转入的党组织"), max_length=100)
    letter_number = models.CharField(_("介绍信编号"), max_length=60)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("组织关系转接")
        verbose_name_plural = _("组织关系转接")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "direction", "letter_number"], name="people_transfer_letter_unique"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "transferred_on"]),
            models.Index(fields=["person", "direction"]),
        ]

    def __str__(self) -> str:
        what = self.get_direction_display()
        return f"{self.transferred_on:%Y-%m-%d} {self.person}{what}（{self.other_name}）"

    def get_absolute_url(self) -> str:
        return reverse("people:transfer", args=[self.pk])


class MarkKind(models.TextChoices):
    SUSPENDED = "suspended", _("停止党籍")
    MOBILE = "mobile", _("流动党员")
    LOST = "lost", _("失联党员")


class StatusMark(OrganisationOwned, VersionedModel):
    """A dated 党籍 mark. 停止党籍 takes the member out of the member count from its first day to its
    last (恢复党籍 is its end); 流动党员 and 失联党员 stay members and are counted apart."""

    person = models.ForeignKey(
        "core.Person", verbose_name=_("党员"), on_delete=models.PROTECT, related_name="status_marks"
    )
    kind = models.CharField(_("标记"), max_length=10, choices=MarkKind.choices)
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    reason = models.CharField(_("原因"), max_length=200)

    class Meta:
        verbose_name = _("党籍标记")
        verbose_name_plural = _("党籍标记")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="people_mark_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=["organisation", "kind", "started_on"])]

    def __str__(self) -> str:
        end = f"{self.ended_on:%Y-%m-%d}" if self.ended_on else _("至今")
        return f"{self.person} {self.get_kind_display()}（{self.started_on:%Y-%m-%d}—{end}）"

    def get_absolute_url(self) -> str:
        return reverse("people:mark", args=[self.pk])
