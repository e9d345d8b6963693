"""The development paragraph of the membership part: applications, the pipeline's stages at the
period's end, members admitted and probationary members due for 转正 — every number a figure, so it
links to its records (for those who may see them)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("development", _l("发展党员"))
sections.remedy(
    "development.no_development",
    _l("加强入党积极分子的培养教育，严格按照程序做好发展党员工作，为党员队伍注入新鲜血液。"),
)
sections.remedy("development.talk_overdue", _l("收到入党申请书后一个月内派人谈话，不让一份申请书搁置。"))
sections.remedy("development.review_overdue", _l("坚持每半年对入党积极分子考察一次，做好培养记录。"))
sections.remedy("development.confirmation_due", _l("预备期满的预备党员及时提交支部大会讨论转正。"))


@sections.register("development.pipeline", part="basic", title=_l("严格程序，做好发展党员工作"), order=11)
def pipeline(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        parts = []
        if ctx.value("development.applications").value:
            parts.append(_("收到入党申请书%(n)s") % {"n": fig("development.applications")})
        if ctx.value("development.developed").value:
            parts.append(_("支部大会接收预备党员%(n)s") % {"n": fig("development.developed")})
        return [Para(_("本周") + "，".join(parts) + "。")] if parts else []
    scope = _("本月") if ctx.document == "monthly" else _("本期间")
    text = _sentence(ctx, scope, FLOWS) + _sentence(ctx, _("目前有"), STAGES, sep="、")
    if text and ctx.value("development.probationary_due").value:
        text = text[:-1] + _("，其中预备期满待转正%(n)s。") % {"n": fig("development.probationary_due")}
    return [Para(text)] if text else []


# What happened in the period, then where the pipeline stands at its end; zero clauses left out.
FLOWS = (
    ("development.applications", _l("收到入党申请书")),
    ("development.developed", _l("支部大会讨论接收预备党员")),
)
STAGES = (
    ("development.applicants", _l("入党申请人")),
    ("development.activists", _l("入党积极分子")),
    ("development.candidates", _l("发展对象")),
    ("development.probationary", _l("预备党员")),
)


def _sentence(ctx: SectionContext, lead: str, parts, *, sep: str = "，") -> str:
    said = [f"{label}{fig(code)}" for code, label in parts if ctx.value(code).value]
    return lead + sep.join(said) + "。" if said else ""
