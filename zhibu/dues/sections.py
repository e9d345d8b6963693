"""The dues paragraph of the membership part (一、基本情况: after the team paragraph): what was due,
what was collected, what members gave of their own accord, and how many are in arrears — drafted
from the figures, so each number links to its records (for those who may see them). No member's
base or payment is ever named in a document."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("dues", _l("党费收缴"))
sections.remedy(
    "dues.six_months_unpaid",
    _l("严格党费收缴制度，对连续六个月未交纳党费的党员及时谈话教育，按党章规定处理。"),
)


@sections.register("dues.collection", part="basic", title=_l("按时足额交纳党费，增强党员意识"), order=13)
def collection(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if ctx.document == "weekly":
        return []
    if not (ctx.value("dues.due").value or ctx.value("dues.collected").value):
        return []
    text = _("党支部按月收缴党费，本期间党员应交党费%(d)s，实收%(c)s") % {
        "d": fig("dues.due"),
        "c": fig("dues.collected"),
    }
    if ctx.value("dues.voluntary").value:
        text += _("，另有党员自愿多交党费%(v)s") % {"v": fig("dues.voluntary")}
    if ctx.value("dues.members_in_arrears").value:
        text += _("。截至期末，欠交党费的党员%(a)s，支部已逐一提醒补交") % {
            "a": fig("dues.members_in_arrears")
        }
    else:
        text += _("，党员均按时足额交纳")
    return [Para(text + "。")]
