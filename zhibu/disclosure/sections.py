"""The disclosure paragraph of the documents — the reference summary's 党务公开 ("实行党务公开，
把工作计划、工作部署及落实情况公之于众"), drafted from figures, so each number links to its records.
No objector is ever named."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("disclosure", _l("党务公开"))
sections.remedy(
    "disclosure.objection_unanswered",
    _l("公示期内收到的每一条意见都要在公示期结束前答复，做到件件有回音。"),
)


@sections.register("disclosure.board", part="basic", title=_l("推行党务公开，接受群众监督"), order=65)
def board(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("disclosure.published").value:
        return []  # nothing to report: the section is left out
    if ctx.document == "weekly":
        return [Para(_("本周发布党务公开事项%(n)s。") % {"n": fig("disclosure.published")})]
    text = _(
        "党支部实行党务公开，把工作计划、工作部署及落实情况公之于众，本期间通过党务公开栏发布公开事项%(n)s"
    ) % {"n": fig("disclosure.published")}
    if ctx.value("disclosure.notices_held").value:
        text += _("，其中公示%(p)s") % {"p": fig("disclosure.notices_held")}
    if ctx.value("disclosure.objections").value:
        text += _("；公示期间收到群众意见%(o)s") % {"o": fig("disclosure.objections")}
        if ctx.value("disclosure.objections_answered").value:
            text += _("，已答复%(a)s") % {"a": fig("disclosure.objections_answered")}
    return [Para(text + _("，自觉接受党员和群众的监督。"))]
