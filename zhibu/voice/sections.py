"""The suggestions paragraph of the documents, in the seed's register — its 一.9 ("重大决策前广泛
征求党员意见，对大家提出的意见建议一一记下，认真研究，及时答复") — drafted from figures, so each
number links to its records (for those who may see them). No author is named in a document."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("voice", _l("征求意见与意见建议"))
sections.remedy(
    "voice.not_answered",
    _l("对党员提出的意见建议建立台账，明确办理时限，做到件件有回音、事事有着落。"),
)


@sections.register("voice.suggestions", part="basic", title=_l("发扬党内民主，广泛听取意见"), order=38)
def suggestions(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    consulted = ctx.value("voice.consultations").value
    received = ctx.value("voice.suggestions").value
    if not consulted and not received:
        return []  # nothing to report: the section is left out
    if ctx.document == "weekly":
        return [Para(_("本周收到意见建议%(n)s。") % {"n": fig("voice.suggestions")})]
    parts = []
    if consulted:
        parts.append(_("重大决策前广泛征求党员意见%(c)s") % {"c": fig("voice.consultations")})
    if received:
        text = _("对大家提出的意见建议一一记下，共收到%(n)s") % {"n": fig("voice.suggestions")}
        if ctx.value("voice.adopted").value:
            text += _("，采纳%(a)s") % {"a": fig("voice.adopted")}
        if ctx.value("voice.answered_in_time").value:
            text += _("，在规定时限内答复%(t)s") % {"t": fig("voice.answered_in_time")}
        parts.append(text)
    return [Para(_("党支部坚持发扬党内民主，") + "，".join(parts) + _("。"))]
