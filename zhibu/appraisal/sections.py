"""The appraisal paragraph of the documents: what the seed's 四、今后的打算 planned ("完善党建的有关
制度。如党员考核制度，学习考核制度，评先评优制度等") reported as done — points from the ledgers and
the yearly 民主评议党员 — drafted from figures, so each number links to its records (for those who
may see them). No member is named."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("appraisal", _l("评议考核"))


@sections.register(
    "appraisal.assessment", part="basic", title=_l("完善党员考核制度，开展民主评议党员"), order=70
)
def assessment(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    has_points = bool(ctx.value("appraisal.points_total").value)
    has_appraisal = bool(ctx.value("appraisal.appraised").value)
    if ctx.document == "weekly" or not (has_points or has_appraisal):
        return []
    parts = [_("支部把完善党员考核制度作为加强党员队伍建设的抓手")]
    if has_points:
        parts.append(
            _("实行党员积分管理，参加组织生活、集中学习和自学、读书、志愿服务、义务补课、包教和走访慰问"
              "都按支部积分规则从台账记录计分，党员共获得积分%(p)s，积分排名每月公布，激励党员比学赶超")
            % {"p": fig("appraisal.points_total")}
        )  # fmt: skip
    if has_appraisal:
        parts.append(
            _("认真开展民主评议党员，党员个人自评、党员互评、支部综合评定，参评党员%(n)s")
            % {"n": fig("appraisal.appraised")}
            + (_("，评出优秀党员%(e)s") % {"e": fig("appraisal.excellent")}
               if ctx.value("appraisal.excellent").value else "")
            + _("，合格率%(r)s") % {"r": fig("appraisal.passing_rate")}
        )  # fmt: skip
    return [Para("，".join(parts) + "。")]
