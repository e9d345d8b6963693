import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import OrganisationOwned


class Job(OrganisationOwned):
    """A long piece of work (an import, a large export, a long report) run by the background worker,
    with the progress the page polls and the result to download. Its kind names a handler in
    core.registries.jobs; only the user who started it sees it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("进行中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("未完成")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("类型"), max_length=60)
    label = models.CharField(_("内容"), max_length=200)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    params = models.JSONField(default=dict, blank=True)
    upload = models.FileField(upload_to="jobs/in/%Y/%m/", blank=True)
    message = models.CharField(_("结果"), max_length=500, blank=True)
    details = models.JSONField(default=list, blank=True)  # e.g. an import's error rows
    result = models.FileField(upload_to="jobs/out/%Y/%m/", blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    result_type = models.CharField(max_length=100, blank=True)
    next_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["actor", "created_at"])]

    def __str__(self) -> str:
        return self.label

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(99, int(100 * self.done / self.total))
