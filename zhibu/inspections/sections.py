"""二、取得的成绩 of a branch's annual summary cites its published inspection results:

    在2023年度市直学校党建重点工作检查中获评优秀，总分92.00分，名列市直第四名。

The total is a figure reference (it links to the item scores behind it); the level and the rank are
words, not counts. Only published plans are cited, never a draft's or an open plan's scores."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import sections
from zhibu.core.registries.sections import Para, fig

from . import selectors
from .models import Level
from .ranks import cn_rank

sections.label_ledger("inspections", _l("检查评比"))


def sentence(plan, row) -> str:
    """The sentence for one result (also shown on the branch's result page)."""
    level = "" if row.level == Level.FAIL else _("获评%(level)s，") % {"level": row.level_label}
    return _("在%(title)s中%(level)s总分%(total)s，名列%(scope)s第%(rank)s名。") % {
        "title": plan.title,
        "level": level,
        "total": fig("inspections.total", plan=plan.pk),
        "scope": plan.scope_label,
        "rank": cn_rank(row.rank),
    }


@sections.register(
    "inspections.results",
    part="achievements",
    title=_l("检查评比"),
    order=10,
    documents=("annual",),
)
def results(org, period, ctx) -> list[Para]:
    paras = []
    for plan in selectors.published_in_years(org, period.start.year, period.end.year):
        row = selectors.branch_result(plan, org, selectors.items_of(plan))
        if row is not None:
            paras.append(Para(sentence(plan, row)))
    return paras
