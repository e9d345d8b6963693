"""Audit actions of the voice ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class VoiceAction(models.TextChoices):
    CONSULTATION_CREATED = "voice.consultation.created", _("发起征求意见")
    CONSULTATION_UPDATED = "voice.consultation.updated", _("修改征求意见")
    ANSWER_CREATED = "voice.answer.created", _("提交征求意见回复")
    ANSWER_UPDATED = "voice.answer.updated", _("修改征求意见回复")
    SUGGESTION_CREATED = "voice.suggestion.created", _("登记意见建议")
    SUGGESTION_UPDATED = "voice.suggestion.updated", _("修改意见建议")
    SUGGESTION_HANDLED = "voice.suggestion.handled", _("办理答复意见建议")
    SUGGESTIONS_EXPORTED = "voice.suggestions.exported", _("导出意见建议台账")
    SETTINGS_CREATED = "voice.settings.created", _("设置意见建议答复时限")
    SETTINGS_UPDATED = "voice.settings.updated", _("修改意见建议答复时限")


# Who said what: the answers and suggestions are listed on the audit page only to the officers.
audit_actions.register_sensitive("voice.answer", perm="voice.edit")
audit_actions.register_sensitive("voice.suggestion", perm="voice.edit")
