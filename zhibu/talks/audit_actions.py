"""Audit actions of the talks ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class TalkAction(models.TextChoices):
    TALK_CREATED = "talks.talk.created", _("登记谈心谈话")
    TALK_UPDATED = "talks.talk.updated", _("修改谈心谈话")
    SETTINGS_CREATED = "talks.settings.created", _("设置谈心谈话要求")
    SETTINGS_UPDATED = "talks.settings.updated", _("修改谈心谈话要求")


# A talk's snapshot carries what was said: listed only to holders of talks.content (never the bureau).
audit_actions.register_sensitive("talks.talk", perm="talks.content")
