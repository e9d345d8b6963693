"""Core's own narrative: the membership paragraph every document opens its practice part with,
e.g. "我校现有在校党员14人，占教职工总人数的48%……". Registered from CoreConfig.ready()."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("people", _l("党员队伍"))
sections.remedy("people.no_secretary", _l("按照程序尽快选举产生支部书记，健全支部委员会。"))


def _we(org: Organisation) -> str:
    return _("我校") if org.kind == Organisation.Kind.BRANCH else _("所属各党组织")


@sections.register(
    "people.team", part="basic", title=_l("加强队伍建设，党组织和党员队伍建设不断提升"), order=10
)
def people_team(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        return _flows(ctx, _("本周")) + _transfers(ctx, _("本周"))
    text = _("%(we)s现有在校党员%(serving)s") % {"we": _we(org), "serving": fig("people.serving_members")}
    if ctx.value("people.member_share").value:
        text += _("，占教职工总人数的%(share)s") % {"share": fig("people.member_share")}
    if ctx.value("people.retired_members").value:
        text += _("，另有退休党员%(retired)s") % {"retired": fig("people.retired_members")}
    paras = [Para(text + "。")]
    scope = _("本月") if ctx.document == "monthly" else _("本期间")
    paras.extend(_flows(ctx, scope))
    paras.extend(_transfers(ctx, scope))
    return paras


def _transfers(ctx: SectionContext, scope: str) -> list[Para]:
    """组织关系转接 in the period and the 党籍 marks at its end — only what there is to say."""
    parts = []
    for code, label in (
        ("people.transfers_in", _("组织关系转入")),
        ("people.transfers_out", _("组织关系转出")),
    ):
        if ctx.value(code).value:
            parts.append(f"{label}{fig(code)}")
    marks = []
    for code, label in (
        ("people.marked_mobile", _("流动党员")),
        ("people.marked_lost", _("失联党员")),
        ("people.marked_suspended", _("停止党籍")),
    ):
        if ctx.value(code).value:
            marks.append(f"{label}{fig(code)}")
    text = ""
    if parts:
        text = scope + "，".join(parts) + "。"
    if marks:
        text += _("现有") + "，".join(marks) + "。"
    return [Para(text)] if text else []


def _flows(ctx: SectionContext, scope: str) -> list[Para]:
    """Pipeline steps taken in the period — only what happened: a period without a new member says
    nothing here (the development rule states it in 存在的不足 where it is a weakness)."""
    parts = []
    for code, label in (
        ("people.new_probationary", _("发展党员")),
        ("people.new_activists", _("新确定入党积极分子")),
        ("people.confirmed_full", _("预备党员转正")),
    ):
        if ctx.value(code).value:
            parts.append(f"{label}{fig(code)}")
    if not parts:
        return []
    return [Para(scope + "，".join(parts) + "。")]
