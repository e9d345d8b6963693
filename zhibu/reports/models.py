"""Saved documents with their revisions, and submissions to the superior organisation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation, OrganisationOwned
from zhibu.core.models.base import VersionedModel

KIND_CHOICES = [
    ("weekly", _("周信息")),
    ("monthly", _("月工作总结")),
    ("annual", _("年度或阶段总结")),
    ("ledger", _("台账")),
]
SUBMITTABLE = ("weekly", "monthly", "annual")


class ReportDocument(OrganisationOwned, VersionedModel):
    """One document of a kind for an organisation and period; its text lives in revisions."""

    kind = models.CharField(_("类型"), max_length=20, choices=KIND_CHOICES)
    period_kind = models.CharField(max_length=10)
    start = models.DateField(_("起始日期"))
    end = models.DateField(_("截止日期"))
    title = models.CharField(_("标题"), max_length=200)
    revision_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("总结材料")
        verbose_name_plural = _("总结材料")
        ordering = ["-end", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "start", "end"], name="report_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reports:document", args=[self.pk])


class ReportRevision(OrganisationOwned):
    """Blocks (paragraph text with {fig:…} references), the figure values at the time, and which
    values a recheck found changed. Append-only: an edit or recheck adds a revision."""

    document = models.ForeignKey(ReportDocument, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    blocks = models.JSONField()
    values = models.JSONField(default=dict)
    changes = models.JSONField(default=dict)
    note = models.CharField(max_length=200, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="revision_number_once")]

    def __str__(self) -> str:
        return f"{self.document} #{self.number}"


class Submission(OrganisationOwned, VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        RETURNED = "returned", _("已退回")
        RECEIVED = "received", _("已接收")

    document = models.OneToOneField(ReportDocument, on_delete=models.CASCADE, related_name="submission")
    to_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="submissions_received",
        verbose_name=_("报送单位"),
    )
    kind = models.CharField(_("类型"), max_length=20, choices=KIND_CHOICES)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    due_on = models.DateField(_("截止日期"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    revision_number = models.PositiveIntegerField(default=0)
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("退回原因"), blank=True)

    class Meta:
        verbose_name = _("报送")
        verbose_name_plural = _("报送")
        ordering = ["-due_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.document} → {self.to_organisation}"


class SubmissionDeadline(OrganisationOwned, VersionedModel):
    """Set by the superior: weekly bulletins by a weekday of the week, monthly summaries by a day
    of the following month. Applies to every branch below `organisation`."""

    kind = models.CharField(_("类型"), max_length=20, choices=KIND_CHOICES)
    weekday = models.PositiveSmallIntegerField(_("每周截止（星期）"), null=True, blank=True)
    day_of_month = models.PositiveSmallIntegerField(_("次月截止日"), null=True, blank=True)

    class Meta:
        verbose_name = _("报送时限")
        verbose_name_plural = _("报送时限")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="deadline_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.kind}"
