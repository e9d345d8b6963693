"""What the 党务公开 board may publish from the meetings ledger: the period's 组织生活 as a 落实情况
draft — the day, the kinds and the topic of each meeting held, nothing about who attended."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import publishable

from . import selectors

LISTED = 100  # a year of a branch's 组织生活 fits; a longer list is cut with its total said


@publishable.register(
    "meetings.held", label=_l("组织生活落实情况"), perm="meetings.view", kind="implementation"
)
def held(org, period) -> list[publishable.Draft]:
    meetings = selectors.held_in(org, period).prefetch_related("types")
    total = meetings.count()
    if not total:
        return []
    lines = []
    for m in meetings[:LISTED]:
        day = selectors.local_day(m.held_at)
        kinds = "、".join(t.name for t in m.types.all())
        lines.append(f"{day.year}年{day.month}月{day.day}日 {kinds}：{m.topic}")
    body = _("本期间共开展组织生活%(n)d次：") % {"n": total} + "\n" + "\n".join(lines)
    title = _("%(p)s组织生活落实情况") % {"p": period.label}
    source = f"meetings.held:{period.start.isoformat()}..{period.end.isoformat()}"
    return [publishable.Draft(title=title, body=body, kind="implementation", source=source)]
