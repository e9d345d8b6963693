"""Audit actions of the pledges ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class PledgesAction(models.TextChoices):
    PLEDGE_CREATED = "pledges.pledge.created", _("作出承诺")
    PLEDGE_UPDATED = "pledges.pledge.updated", _("修改承诺")
    ITEM_CREATED = "pledges.item.created", _("添加承诺事项")
    ITEM_UPDATED = "pledges.item.updated", _("修改承诺事项")
    PROGRESS_ADDED = "pledges.progress.added", _("记录承诺进展")
    ITEM_CLOSED = "pledges.item.closed", _("承诺事项销号")
    ITEM_REOPENED = "pledges.item.reopened", _("承诺事项重新打开")
    DUTY_CREATED = "pledges.duty.created", _("登记岗位职责")
    DUTY_UPDATED = "pledges.duty.updated", _("修改岗位职责")
    PLEDGES_EXPORTED = "pledges.pledge.exported", _("导出承诺台账")
