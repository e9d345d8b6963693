"""The results table of a plan as .xlsx (or .csv): rank, branch, each item's score, total, level."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import InspectionsAction
from .models import InspectionPlan, plain


class ResultsExporter(ListExporter):
    """Three queries whatever the number of branches: items, scores, ranked totals."""

    def __init__(self, plan: InspectionPlan):
        self.plan = plan
        self.title = _("考核结果")
        self.filename = f"{plan.title}结果"
        self.note = _("总分＝各项得分×权重之和占加权满分的百分比；名次相同者并列，其后名次顺延。")

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        items = selectors.items_of(self.plan)
        table = selectors.score_table(self.plan)
        rows = selectors.results(self.plan, items)
        self.total = len(rows)
        yield [
            _("名次"),
            _("单位"),
            *[f"{i.name}（{plain(i.max_score)}）" for i in items],
            _("总分"),
            _("等次"),
        ]
        for row in rows:
            scores = [table.get((row.branch_id, i.pk)) for i in items]
            yield [
                row.rank,
                row.branch_name,
                *[s.score if s else None for s in scores],
                row.total,
                row.level_label,
            ]


RESULTS = exporters.register(
    "inspections.results",
    label=_l("检查评比结果"),
    formats=("xlsx", "csv"),
    perm="inspections.view",
    action=InspectionsAction.RESULTS_EXPORTED,
    build=ResultsExporter,
    description=_l("一次检查评比中各支部的各项得分、总分、等次和名次。"),
)
