"""What 满意度测评 drafts in 二、取得的成绩, in the reference's words:

    开展满意度测评，收回问卷20份，满意率达到95%，基本满意5%。

Every number is a figure reference."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, fig

sections.label_ledger("surveys", _l("满意度测评"))


@sections.register(
    "surveys.satisfaction", part="achievements", title=_l("群众满意度"), order=40, documents=("annual",)
)
def satisfaction(org, period, ctx) -> list[Para]:
    if not ctx.value("surveys.responses").value:
        return []
    text = _("开展满意度测评，收回问卷%(n)s，满意率达到%(s)s，基本满意%(b)s") % {
        "n": fig("surveys.responses"),
        "s": fig("surveys.satisfied_rate"),
        "b": fig("surveys.basic_rate"),
    }
    if ctx.value("surveys.unsatisfied_rate").value:
        text += _("，不满意%(u)s") % {"u": fig("surveys.unsatisfied_rate")}
    return [Para(text + "。")]
