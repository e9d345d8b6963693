"""Audit actions of the dues ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class DuesAction(models.TextChoices):
    BASE_CREATED = "dues.base.created", _("登记党费基数")
    PAYMENT_CREATED = "dues.payment.created", _("登记党费交纳")
    BAND_CREATED = "dues.band.created", _("登记党费交纳标准")
    LEDGER_EXPORTED = "dues.ledger.exported", _("导出党费台账")


# A base is what a member earns and a payment what she paid: the audit page lists these entries only
# to holders of dues.records (the secretary), never to the bureau.
audit_actions.register_sensitive("dues.base", perm="dues.records")
audit_actions.register_sensitive("dues.payment", perm="dues.records")
