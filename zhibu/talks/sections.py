"""The talks paragraph of the documents, in the seed's register — its 一.8 ("支委成员每月与党员、
入党积极分子谈心谈话2—3次") — drafted from figures, so each number links to its records (for those
who may see them). No one talked with is named in a document, and no content ever appears."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("talks", _l("谈心谈话"))
sections.remedy(
    "talks.below_quota",
    _l("支委成员坚持每月与党员、入党积极分子和教职工谈心谈话，做到思想常交流、困难早知道。"),
)


@sections.register("talks.practice", part="basic", title=_l("谈心谈话，凝聚人心"), order=37)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("talks.held").value:
        return []  # nothing to report: the section is left out
    if ctx.document == "weekly":
        return [Para(_("本周支委谈心谈话%(n)s。") % {"n": fig("talks.held")})]
    text = _(
        "支委成员坚持与党员、入党积极分子和教职工谈心谈话，了解思想动态，帮助解决实际困难，"
        "本期间共谈心谈话%(n)s"
    ) % {"n": fig("talks.held")}
    if ctx.value("talks.quota_met").value:
        text += _("，%(m)s支委每月都达到了支部规定的谈话次数") % {"m": fig("talks.quota_met")}
    return [Para(text + _("。"))]
