"""Audit actions of the appraisal app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class AppraisalAction(models.TextChoices):
    RULE_CREATED = "appraisal.rule.created", _("新增积分规则")
    RULE_UPDATED = "appraisal.rule.updated", _("修改积分规则")
    ADJUSTMENT_CREATED = "appraisal.adjustment.created", _("调整党员积分")
    APPRAISAL_OPENED = "appraisal.appraisal.opened", _("开展民主评议")
    SELF_ASSESSED = "appraisal.appraisal.self_assessed", _("填写自我评价")
    DECIDED = "appraisal.appraisal.decided", _("确定民主评议结果")
    RATED = "appraisal.rating.created", _("党员互评")
    RANKING_EXPORTED = "appraisal.ranking.exported", _("导出积分排名")
    RESULTS_EXPORTED = "appraisal.results.exported", _("导出民主评议结果")


# A rating names who rated whom how: the audit page lists those entries only to the officers.
audit_actions.register_sensitive("appraisal.rating", perm="appraisal.view")
audit_actions.register_sensitive("appraisal.appraisal", perm="appraisal.view")
