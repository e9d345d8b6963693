"""Meetings and their attachments can be removed (with a reason) into the 回收站."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import removals

from . import selectors

removals.register(
    "meetings.meeting",
    get=selectors.meeting_get,
    perm="meetings.edit",
    label=lambda m: f"{_('会议')}：{m}",
    after="meetings:list",
    kind=_("会议"),
)
removals.register(
    "meetings.attachment",
    get=selectors.attachment_get,
    perm="meetings.edit",
    label=lambda a: f"{_('会议附件')}：{a.original_name}（{a.meeting}）",
    after="meetings:list",
    kind=_("会议附件"),
)
