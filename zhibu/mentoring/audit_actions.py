"""Audit actions of the mentoring ledger. Every entry under "mentoring." is sensitive: listed only
to users holding mentoring.manage on the branch, never in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class MentoringAction(models.TextChoices):
    STUDENT_CREATED = "mentoring.student.created", _("登记包教学生")
    STUDENT_CHANGED = "mentoring.student.changed", _("修改包教学生")
    STUDENT_READ = "mentoring.student.read", _("查看包教学生")
    STUDENT_ANONYMISED = "mentoring.student.anonymised", _("匿名化包教学生")
    CASE_CREATED = "mentoring.case.created", _("建立包教关系")
    CASE_READ = "mentoring.case.read", _("查看包教记录")
    PLAN_CHANGED = "mentoring.plan.changed", _("修改包教方案")
    LOG_CREATED = "mentoring.log.created", _("填写包教记录")
    LOG_CHANGED = "mentoring.log.changed", _("修改包教日志")
    LOG_HISTORY_READ = "mentoring.log.history_read", _("查看包教日志修改记录")
    OUTCOME_CHANGED = "mentoring.outcome.changed", _("记录转化情况")
    REVIEW_SAVED = "mentoring.review.saved", _("包教月检查")
    GRANT_CREATED = "mentoring.grant.created", _("授权查看包教记录")
    GRANT_REVOKED = "mentoring.grant.revoked", _("撤销包教查看授权")
    SEMINAR_LINKED = "mentoring.seminar.linked", _("关联包教座谈会")
    SETTINGS_CHANGED = "mentoring.settings.changed", _("修改包教设置")
    BOOKLET_EXPORTED = "mentoring.booklet.exported", _("导出包教小册子")


audit_actions.register_sensitive("mentoring.", perm="mentoring.manage")
