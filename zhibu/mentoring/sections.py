"""The mentoring paragraph of the documents — the seed's 一.5 "包教工作，扎实有效" — from counts
only: no student, pseudonym or case text ever reaches a document."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, SectionContext, fig

sections.label_ledger("mentoring", _l("党员包教"))
sections.remedy("mentoring.no_log_in_month", _l("继续搞好党员包教工作，包教过程做到及时记录、不断档。"))
sections.remedy("mentoring.no_review_in_month", _l("支部坚持每月检查总结一次包教记录，做到月月有检查。"))


@sections.register("mentoring.practice", part="basic", title=_l("包教工作，扎实有效"), order=40)
def practice(org: Organisation, period: Period, ctx: SectionContext) -> list[Para]:
    if not ctx.value("mentoring.active_cases").value:
        return [] if ctx.document == "weekly" else [Para(_("本期间尚未登记包教工作记录。"))]
    if ctx.document == "weekly":
        if not ctx.value("mentoring.logs").value:
            return []
        return [Para(_("本周党员记录包教过程%(l)s。") % {"l": fig("mentoring.logs")})]
    parts = [
        _("党员包教问题学生%(n)s，制定包教方案，从思想、学习、生活、心理行为等方面全面关注指导")
        % {"n": fig("mentoring.active_cases")},
        _("记录包教过程%(l)s") % {"l": fig("mentoring.logs")},
        _("支部逐月检查%(r)s") % {"r": fig("mentoring.reviews")},
    ]
    if ctx.value("mentoring.seminars").value:
        parts.append(_("召开包教工作座谈会%(s)s") % {"s": fig("mentoring.seminars")})
    if ctx.value("mentoring.turnarounds").value:
        parts.append(_("已转化学生%(t)s") % {"t": fig("mentoring.turnarounds")})
    return [Para("，".join(parts) + "。")]
