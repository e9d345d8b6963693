"""What the pledges ledger drafts in the summaries, in the reference's register (its 一.6:
"开展亮身份、亮职责、亮承诺活动……建立承诺台账，逐项销号"):

    党支部开展亮身份、亮职责、亮承诺活动，党支部和党员作出公开承诺15份，建立承诺台账，
    逐项跟踪、逐项销号，已销号承诺事项38项，按期完成率92.1%。

Every count is a figure reference, so each number links to its pledges or items."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("pledges", _l("承诺台账"))
sections.remedy(
    "pledges.item_overdue",
    _l("对逾期未销号的承诺事项逐项督办，限期兑现，确保承诺件件有着落、事事有回音。"),
)


@sections.register("pledges.practice", part="basic", title=_l("亮身份、亮职责、亮承诺，逐项销号"), order=55)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    made = ctx.value("pledges.made").value
    closed = ctx.value("pledges.items_closed").value
    if ctx.document == "weekly":
        if not closed:
            return []
        return [Para(_("本周承诺事项销号%(n)s。") % {"n": fig("pledges.items_closed")})]
    if not made and not closed:
        return []
    parts = []
    if made:
        parts.append(
            _(
                "党支部开展亮身份、亮职责、亮承诺活动，党支部和党员作出公开承诺%(n)s，建立承诺台账，逐项跟踪、逐项销号"
            )
            % {"n": fig("pledges.made")}
        )
    else:  # items of earlier pledges closed in the period
        parts.append(_("党支部坚持亮身份、亮职责、亮承诺，对承诺事项逐项跟踪、逐项销号"))
    if closed:
        parts.append(_("已销号承诺事项%(n)s") % {"n": fig("pledges.items_closed")})
    if ctx.value("pledges.on_time_rate").records.exists():
        parts.append(_("按期完成率%(r)s") % {"r": fig("pledges.on_time_rate")})
    return [Para("，".join(parts) + "。")]
