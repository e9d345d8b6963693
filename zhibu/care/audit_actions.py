"""Audit actions of the care ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class CareAction(models.TextChoices):
    VISIT_CREATED = "care.visit.created", _("登记走访慰问")
    VISIT_UPDATED = "care.visit.updated", _("修改走访慰问")
    CALL_CREATED = "care.call.created", _("登记问寒问暖电话")
    CALL_UPDATED = "care.call.updated", _("修改问寒问暖电话")
    DRIVE_CREATED = "care.drive.created", _("发起捐款活动")
    DRIVE_UPDATED = "care.drive.updated", _("修改捐款活动")
    DONATION_CREATED = "care.donation.created", _("登记捐款")
    DONATION_UPDATED = "care.donation.updated", _("修改捐款")
    VISITS_EXPORTED = "care.visits.exported", _("导出走访慰问台账")
    DONATIONS_EXPORTED = "care.donations.exported", _("导出捐款台账")


# The snapshots carry who was ill, what retirees raised and who gave how much: the audit page lists
# these entries only to holders of the ledger's own permission (never to the bureau).
audit_actions.register_sensitive("care.visit", perm="care.view")
audit_actions.register_sensitive("care.donation", perm="care.view")
audit_actions.register_sensitive("care.drive", perm="care.view")
audit_actions.register_sensitive("care.call", perm="care.calls")
