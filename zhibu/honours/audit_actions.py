"""Audit actions of the honours ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class HonoursAction(models.TextChoices):
    HONOUR_CREATED = "honours.honour.created", _("登记荣誉")
    HONOUR_UPDATED = "honours.honour.updated", _("修改荣誉")
    HONOURS_EXPORTED = "honours.honour.exported", _("导出荣誉台账")
    ROUND_CREATED = "honours.round.created", _("登记教学评比")
    ROUND_UPDATED = "honours.round.updated", _("修改教学评比")
    PARTICIPANT_UPDATED = "honours.participant.updated", _("登记评比结果")
