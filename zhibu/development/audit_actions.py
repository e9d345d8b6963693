"""Audit actions of the development ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class DevelopmentAction(models.TextChoices):
    STEP_RECORDED = "development.step.recorded", _("登记发展党员环节")
    RULE_ADDED = "development.rule.added", _("录入发展党员时限规定")
    SETTINGS_CHANGED = "development.settings.changed", _("修改发展党员设置")
    PIPELINE_EXPORTED = "development.pipeline.exported", _("导出发展党员工作台账")


# The snapshots carry the evidence of a person's development (政审, 考察意见): the audit page lists
# them only to holders of the ledger's permission.
audit_actions.register_sensitive("development.step", perm="development.view")
