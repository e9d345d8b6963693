"""Audit actions of the people ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class PeopleAction(models.TextChoices):
    PERSON_CREATED = "people.person.created", _("添加人员")
    PERSON_UPDATED = "people.person.updated", _("修改人员信息")
    STATUS_CHANGED = "people.person.status_changed", _("政治面貌变动")
    ROSTER_IMPORTED = "people.roster.imported", _("导入花名册")
    ROSTER_EXPORTED = "people.roster.exported", _("导出花名册")
    TERM_STARTED = "people.committee.term_started", _("支部委员会换届")
    TERM_ENDED = "people.committee.term_ended", _("上届支部委员会任期结束")
    HOLDING_ADDED = "people.committee.holding_added", _("记录支委任职")
    HOLDING_ENDED = "people.committee.holding_ended", _("支委任职结束")
    TRANSFER_IN = "people.transfer.in", _("组织关系转入")
    TRANSFER_OUT = "people.transfer.out", _("组织关系转出")
    MARK_ADDED = "people.mark.added", _("登记党籍标记")
    MARK_ENDED = "people.mark.ended", _("党籍标记结束")
    TRANSFERS_EXPORTED = "people.transfers.exported", _("导出组织关系转接台账")
