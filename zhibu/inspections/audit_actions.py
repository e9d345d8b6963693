"""Audit actions of 检查评比."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class InspectionsAction(models.TextChoices):
    PLAN_CREATED = "inspections.plan.created", _("新建检查评比")
    PLAN_UPDATED = "inspections.plan.updated", _("修改检查评比")
    PLAN_OPENED = "inspections.plan.opened", _("开始检查评分")
    PLAN_PUBLISHED = "inspections.plan.published", _("发布检查评比结果")
    SCORES_SET = "inspections.scores.set", _("登记检查评比得分")
    RESULTS_EXPORTED = "inspections.results.exported", _("导出检查评比结果")
