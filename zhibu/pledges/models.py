"""承诺台账: 亮身份、亮职责、亮承诺 — pledges the branch and each member make for a period, their
items with a deadline (完成时限), progress notes, and 销号: an item is closed by a committee member
other than the pledger, with evidence (text or an attachment). Reopening keeps the history: every
closing and reopening is a row of its own (`ItemClosing`), the item only carries its current state.
岗位职责 (duties) of the branch and of each member are kept beside the pledges, to be published with
them on the 党务公开 board (names and posts only)."""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Scope(models.TextChoices):
    BRANCH = "branch", _("党支部")
    MEMBER = "member", _("党员")


def _person_iff_member(name: str):
    return models.CheckConstraint(
        condition=models.Q(scope="member", person__isnull=False)
        | models.Q(scope="branch", person__isnull=True),
        name=name,
    )


class Pledge(OrganisationOwned, VersionedModel):
    """One pledge (承诺书) for a period: the branch's (no person) or one member's. `starts_on` is the
    day it was made public; the items' deadlines lie within starts_on..ends_on."""

    scope = models.CharField(_("承诺主体"), max_length=10, choices=Scope.choices)
    person = models.ForeignKey(
        "core.Person",
        verbose_name=_("承诺人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("承诺名称"), max_length=100, help_text=_("如：2022—2023学年党员公开承诺"))
    identity = models.CharField(
        _("亮身份"), max_length=100, blank=True, help_text=_("如：中共党员、初二语文教师")
    )
    starts_on = models.DateField(_("承诺日期"))
    ends_on = models.DateField(_("承诺期至"))
    note = models.TextField(_("备注"), blank=True)

    class Meta:
        verbose_name = _("承诺")
        verbose_name_plural = _("承诺")
        indexes = [models.Index(fields=["organisation", "starts_on"])]
        constraints = [_person_iff_member("pledge_person_iff_member")]

    def __str__(self) -> str:
        return f"{self.pledger_name}：{self.title}"

    @property
    def pledger_name(self) -> str:
        return self.person.name if self.person_id else self.organisation.name

    def get_absolute_url(self) -> str:
        return reverse("pledges:pledge", args=[self.pk])


class PledgeItem(OrganisationOwned, VersionedModel):
    """One promised thing with its deadline. For a branch's pledge `responsible` names the committee
    member who carries it (the pledger for 销号 and 积分); a member's item is her own."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="items")
    content = models.CharField(_("承诺事项"), max_length=300)
    due_on = models.DateField(_("完成时限"))
    responsible = models.ForeignKey(
        "core.Person",
        verbose_name=_("责任人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_on = models.DateField(_("销号日期"), null=True, blank=True, editable=False)
    verifier = models.ForeignKey(
        "core.Person",
        verbose_name=_("核验人"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("承诺事项")
        verbose_name_plural = _("承诺事项")
        indexes = [
            models.Index(fields=["organisation", "due_on"]),
            models.Index(fields=["organisation", "closed_on"]),
        ]

    def __str__(self) -> str:
        return self.content

    @property
    def pledger_id(self) -> int | None:
        return self.pledge.person_id or self.responsible_id

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def get_absolute_url(self) -> str:
        return reverse("pledges:item", args=[self.pk])


class ItemProgress(OrganisationOwned):
    """A progress note (进展) on an item; notes are never edited, a later note says what changed."""

    item = models.ForeignKey(PledgeItem, on_delete=models.CASCADE, related_name="progress")
    noted_on = models.DateField(_("日期"))
    text = models.TextField(_("进展情况"))
    author = models.ForeignKey(
        "core.Person",
        verbose_name=_("记录人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("承诺进展")
        verbose_name_plural = _("承诺进展")

    def __str__(self) -> str:
        return f"{self.noted_on:%Y-%m-%d} {self.text[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("pledges:item", args=[self.item_id])


class ClosingKind(models.TextChoices):
    CLOSED = "closed", _("销号")
    REOPENED = "reopened", _("重新打开")


def attachment_name_for(org, filename: str) -> str:
    # Generated names only: the uploader's file name never reaches the file system.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"pledges/{org.pk}/{uuid.uuid4().hex}.{ext}"


def _attachment_path(instance: ItemClosing, filename: str) -> str:
    return attachment_name_for(instance.organisation, filename)


class ItemClosing(OrganisationOwned):
    """One 销号 (with its evidence) or one reopening (with its reason) of an item, in order: the
    item's history, kept when the item is reopened and closed again."""

    item = models.ForeignKey(PledgeItem, on_delete=models.CASCADE, related_name="closings")
    kind = models.CharField(_("操作"), max_length=10, choices=ClosingKind.choices)
    day = models.DateField(_("日期"))
    verifier = models.ForeignKey(
        "core.Person", verbose_name=_("核验人"), on_delete=models.PROTECT, related_name="+"
    )
    evidence = models.TextField(_("完成情况"), blank=True)
    reason = models.TextField(_("重新打开原因"), blank=True)
    attachment = models.FileField(_("佐证材料"), upload_to=_attachment_path, blank=True, max_length=200)
    attachment_type = models.CharField(max_length=100, blank=True, editable=False)
    attachment_name = models.CharField(_("原文件名"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("销号记录")
        verbose_name_plural = _("销号记录")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.get_kind_display()}：{self.item}"

    def get_absolute_url(self) -> str:
        return reverse("pledges:item", args=[self.item_id])


class Duty(OrganisationOwned, VersionedModel):
    """岗位职责: what the branch (its committee) or a member in her post is responsible for, from
    `starts_on` until `ends_on` (open: still in force)."""

    scope = models.CharField(_("职责主体"), max_length=10, choices=Scope.choices)
    person = models.ForeignKey(
        "core.Person",
        verbose_name=_("党员"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    post = models.CharField(_("岗位"), max_length=60, help_text=_("如：组织委员、初二语文教师"))
    content = models.TextField(_("岗位职责"))
    starts_on = models.DateField(_("起始日期"))
    ends_on = models.DateField(_("截止日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("岗位职责")
        verbose_name_plural = _("岗位职责")
        indexes = [models.Index(fields=["organisation", "starts_on"])]
        constraints = [_person_iff_member("duty_person_iff_member")]

    def __str__(self) -> str:
        who = self.person.name if self.person_id else self.organisation.name
        return f"{who}：{self.post}"

    def get_absolute_url(self) -> str:
        return reverse("pledges:duties") + f"?org={self.organisation.code}"
