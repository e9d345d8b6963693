"""What 评先评优 drafts in 二、取得的成绩 (before the honours' list, order 15):

    党支部坚持评先评优制度，开展评先评优1次，经党员无记名投票和量化考核，评选出优秀共产党员4名、
    先进个人2名。

Every count is a figure reference."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, fig

sections.label_ledger("awards", _l("评先评优"))
KINDS = (
    ("excellent_member", _l("优秀共产党员")),
    ("advanced_person", _l("先进个人")),
    ("advanced_branch", _l("先进党支部")),
)


@sections.register(
    "awards.achievements", part="achievements", title=_l("评先评优"), order=15, documents=("annual",)
)
def achievements(org, period, ctx) -> list[Para]:
    if not ctx.value("awards.campaigns").value:
        return []
    won = [
        f"{label}{fig('awards.winners', honour_kind=code)}"
        for code, label in KINDS
        if ctx.value("awards.winners", honour_kind=code).value
    ]
    text = _("党支部坚持评先评优制度，开展评先评优%(n)s") % {"n": fig("awards.campaigns")}
    if won:
        text += _("，经党员无记名投票和量化考核，评选出%(won)s") % {"won": "、".join(won)}
    return [Para(text + "。")]
