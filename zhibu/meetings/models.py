"""组织生活 records. This first cut is the contract other ledgers link to (study sessions,
mentoring seminars point at a Meeting); the meetings ledger grows it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import VersionedModel


class Meeting(VersionedModel):
    organisation = models.ForeignKey(
        "core.Organisation", verbose_name=_("党组织"), on_delete=models.PROTECT, related_name="meetings"
    )
    topic = models.CharField(_("主题"), max_length=200)
    held_at = models.DateTimeField(_("时间"))
    place = models.CharField(_("地点"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("会议")
        verbose_name_plural = _("会议")
        ordering = ["-held_at"]
        indexes = [models.Index(fields=["organisation", "held_at"])]

    def __str__(self) -> str:
        return f"{self.held_at:%Y-%m-%d} {self.topic}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("出席")
        LEAVE = "leave", _("请假")
        ABSENT = "absent", _("缺席")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey("core.Organisation", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "core.Person", verbose_name=_("人员"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("出席情况"), max_length=10, choices=Status.choices, default=Status.PRESENT)
    reason = models.CharField(_("请假事由"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("出席记录")
        verbose_name_plural = _("出席记录")
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique_person")]

    def __str__(self) -> str:
        return f"{self.person} {self.get_status_display()}"
