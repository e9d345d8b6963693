"""Audit actions of 满意度测评. A received questionnaire is audited on the survey, with no response
key and no code: the trail counts answers, it does not point at one."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class SurveysAction(models.TextChoices):
    SURVEY_CREATED = "surveys.survey.created", _("发起满意度测评")
    SURVEY_UPDATED = "surveys.survey.updated", _("修改满意度测评")
    SLIPS_PRINTED = "surveys.slips.printed", _("打印问卷码")
    RESPONSE_RECEIVED = "surveys.response.received", _("收到答卷")
    EXPORTED = "surveys.results.exported", _("导出测评结果")
