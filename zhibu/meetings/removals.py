"""Meetings, their attachments and single attendance rows can be removed (with a reason) into the
回收站. A row removed alone comes back only while its meeting exists (core.recycle says so), and not
over a row entered again for the same person meanwhile."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors


def _attachment_label(a) -> str:
    return f"{_('会议附件')}：{a.original_name}（{a.meeting}）"


def _attendance_label(a) -> str:
    return f"{_('出席记录')}：{a.person.name}（{a.meeting}）"


for model, get, kind, label in [
    ("meetings.meeting", selectors.meeting_get, _("会议"), None),
    ("meetings.attachment", selectors.attachment_get, _("会议附件"), _attachment_label),
    ("meetings.attendance", selectors.attendance_row_get, _("出席记录"), _attendance_label),
]:
    removals.register(model, get=get, perm="meetings.edit", after="meetings:list", kind=kind, label=label)
