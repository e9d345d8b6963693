"""党务公开: the items a branch publishes on its public board (工作计划, 工作部署, 落实情况, 公示,
承诺, 职责), their attachments (stored without document metadata), and the objections the public
raises against a 公示 during its period.

An item is a draft (officers only) until the secretary publishes it; it shows on the public page
while it is published and today lies in its window (publish_from..publish_until, the end open when
empty). A 公示's window is its period: objections are taken only inside it, and each must be
answered by its last day. DESIGN.md's glossary names a separate `PublicNotice` for the period; the
window already is that period, so a 公示 is a `Notice` of kind "notice" and no second row is kept.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import OrganisationOwned, VersionedModel


class Kind(models.TextChoices):
    # The codes are core.registries.publishable's: a ledger's drafts arrive with one of them.
    PLAN = "plan", _("工作计划")
    DEPLOYMENT = "deployment", _("工作部署")
    IMPLEMENTATION = "implementation", _("落实情况")
    NOTICE = "notice", _("公示")
    PLEDGE = "pledge", _("承诺")
    DUTY = "duty", _("职责")


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已发布")
    WITHDRAWN = "withdrawn", _("已撤回")


class Notice(OrganisationOwned, VersionedModel):
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("标题"), max_length=100)
    body = models.TextField(_("正文"), blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    publish_from = models.DateField(_("公开起始日期"), null=True, blank=True)
    publish_until = models.DateField(_("公开截止日期"), null=True, blank=True)
    # Where a draft made "from the ledgers" came from: the publishable source's code and its record.
    source_code = models.CharField(_("来源台账"), max_length=60, blank=True)
    source_ref = models.CharField(_("来源记录"), max_length=100, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_on = models.DateField(_("撤回日期"), null=True, blank=True)
    withdraw_reason = models.CharField(_("撤回原因"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("党务公开事项")
        verbose_name_plural = _("党务公开事项")
        indexes = [
            models.Index(fields=["organisation", "status", "publish_from"]),
            models.Index(fields=["organisation", "kind", "publish_from"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("disclosure:notice", args=[self.pk])

    def public_on(self, day: date) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.publish_from is not None
            and self.publish_from <= day
            and (self.publish_until is None or day <= self.publish_until)
        )

    @property
    def is_notice(self) -> bool:
        return self.kind == Kind.NOTICE


def _attachment_path(instance: NoticeAttachment, filename: str) -> str:
    # Generated names only: the uploader's file name never reaches the file system.
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"disclosure/{instance.organisation_id}/{uuid.uuid4().hex}.{ext}"


class NoticeAttachment(OrganisationOwned):
    """A file published with an item. The stored bytes are the cleaned ones (disclosure.scrub):
    no author, company or camera data ever reaches the public page."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    filename = models.CharField(_("文件名"), max_length=120)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("公开附件")
        verbose_name_plural = _("公开附件")

    def __str__(self) -> str:
        return self.filename


class Objection(OrganisationOwned, VersionedModel):
    """An objection to a 公示 from the public page. `contact` is for the secretary's reply only and
    is never shown publicly."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="objections")
    name = models.CharField(_("姓名"), max_length=40)
    contact = models.CharField(_("联系方式"), max_length=60)
    text = models.TextField(_("意见内容"))
    received_on = models.DateField(_("收到日期"))
    answer = models.TextField(_("答复"), blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("公示异议")
        verbose_name_plural = _("公示异议")
        indexes = [models.Index(fields=["organisation", "received_on"])]

    def __str__(self) -> str:
        return f"{self.received_on:%Y-%m-%d} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("disclosure:notice", args=[self.notice_id])
