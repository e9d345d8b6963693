"""Audit actions of the meetings ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import audit_actions


@audit_actions.register
class MeetingsAction(models.TextChoices):
    MEETING_CREATED = "meetings.meeting.created", _("登记会议")
    MEETING_UPDATED = "meetings.meeting.updated", _("修改会议")
    ATTENDANCE_ADDED = "meetings.attendance.added", _("添加参会人员")
    ATTENDANCE_CHANGED = "meetings.attendance.changed", _("修改出席情况")
    ATTENDANCE_FILLED = "meetings.attendance.filled", _("一键登记全体出席")
    ATTACHMENT_ADDED = "meetings.attachment.added", _("上传会议附件")
    VOTE_RECORDED = "meetings.vote.recorded", _("记录表决结果")
    TYPE_CREATED = "meetings.type.created", _("新增会议类型")
    RULE_CREATED = "meetings.rule.created", _("新增周期规则")
    RULE_CLOSED = "meetings.rule.closed", _("停用周期规则")
