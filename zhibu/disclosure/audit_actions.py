"""Audit actions of the disclosure board."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class DisclosureAction(models.TextChoices):
    NOTICE_CREATED = "disclosure.notice.created", _("起草党务公开事项")
    NOTICE_UPDATED = "disclosure.notice.updated", _("修改党务公开事项")
    NOTICE_PUBLISHED = "disclosure.notice.published", _("发布党务公开事项")
    NOTICE_WITHDRAWN = "disclosure.notice.withdrawn", _("撤回党务公开事项")
    ATTACHMENT_ADDED = "disclosure.attachment.added", _("添加公开附件")
    ATTACHMENT_REMOVED = "disclosure.attachment.removed", _("删除公开附件")
    OBJECTION_RECEIVED = "disclosure.objection.received", _("收到公示异议")
    OBJECTION_ANSWERED = "disclosure.objection.answered", _("答复公示异议")
    NOTICES_EXPORTED = "disclosure.notices.exported", _("导出党务公开台账")


# An objection's snapshot carries the objector's contact: officers of the branch only.
audit_actions.register_sensitive("disclosure.objection", perm="disclosure.view")
