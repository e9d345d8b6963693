"""Audit actions of the bureau app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class BureauAction(models.TextChoices):
    NOTICE_ISSUED = "bureau.notice.issued", _("发布上级通知")
    NOTICE_RELAYED = "bureau.notice.relayed", _("登记通知传达（落实）情况")
    GRID_EXPORTED = "bureau.grid.exported", _("导出支部总览")
