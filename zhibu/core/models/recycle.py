from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..crypto import EncryptedTextField
from .base import OrganisationOwned


class RemovedRecord(OrganisationOwned):
    """回收站: a record removed with a reason, and every row removed with it (its attendance, its
    attachments' rows …), kept for ZHIBU_RECYCLE_DAYS so the secretary can put it back. The rows are
    kept as serialized JSON, encrypted: a removed mentoring log is as sensitive as a live one."""

    model = models.CharField(_("类型"), max_length=80)  # "meetings.meeting"
    object_id = models.CharField(max_length=64)
    label = models.CharField(_("记录"), max_length=200)
    reason = models.CharField(_("删除原因"), max_length=200)
    payload = EncryptedTextField()
    rows = models.PositiveIntegerField(_("连带记录数"), default=1)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    removed_at = models.DateTimeField(_("删除时间"), auto_now_add=True)
    restored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    restored_at = models.DateTimeField(_("恢复时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("回收站记录")
        verbose_name_plural = _("回收站")
        ordering = ["-removed_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "removed_at"])]

    def __str__(self) -> str:
        return self.label
