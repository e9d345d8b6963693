"""Notices from a superior committee (局党委) to its branches, and each branch's receipt: the day
it relayed the document to its members (传达) or did what was asked (报送)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation, OrganisationOwned
from zhibu.core.models.base import VersionedModel


class Notice(OrganisationOwned, VersionedModel):
    """`organisation` is the issuing committee. Targets: every branch below it (`all_branches`),
    or the branches chosen in `targets`."""

    class Kind(models.TextChoices):
        RELAY = "relay", _("传达学习")
        SUBMIT = "submit", _("报送材料")

    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices, default=Kind.RELAY)
    due_on = models.DateField(_("完成期限"))
    all_branches = models.BooleanField(_("全部下级支部"), default=True)
    targets = models.ManyToManyField(
        Organisation, verbose_name=_("指定支部"), blank=True, related_name="notices_received"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发布人"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("上级通知")
        verbose_name_plural = _("上级通知")
        ordering = ["-due_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "due_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("bureau:notice", args=[self.pk])


class NoticeReceipt(OrganisationOwned):
    """One per (notice, branch): `organisation` is the branch that relayed or reported."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="receipts")
    done_on = models.DateField(_("传达（完成）日期"))
    note = models.CharField(_("情况说明"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("通知落实情况")
        verbose_name_plural = _("通知落实情况")
        ordering = ["done_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "organisation"], name="notice_receipt_once_per_branch")
        ]

    def __str__(self) -> str:
        return f"{self.notice}：{self.done_on}"
