"""The points ranking and the appraisal results as .xlsx (or .csv), official column headers; cells
go through the shared writer, which escapes formulas."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import AppraisalAction
from .models import Rating


class RankingExporter(ListExporter):
    def __init__(self, org: Organisation, *, start: str, end: str):
        self.org = org
        self.period = Period.span(date.fromisoformat(start), date.fromisoformat(end))
        self.title = _("党员积分排名")
        self.filename = f"{org.name}党员积分排名{start}至{end}"
        self.note = _("积分由各台账记录按支部积分规则计算（含封顶和人工调整），名次相同者并列。")

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [_("名次"), _("姓名"), _("积分")]
        for row in selectors.ranking(self.org, self.period):
            yield [row.rank, row.person.name, row.points]


class ResultsExporter(ListExporter):
    def __init__(self, org: Organisation, *, year: int):
        self.org, self.year = org, int(year)
        self.title = _("民主评议党员结果")
        self.filename = f"{org.name}{self.year}年度民主评议党员结果"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        yield [
            _("姓名"),
            *(_("互评%(r)s") % {"r": r.label} for r in Rating),
            _("评议结果"),
            _("支部意见"),
            _("评定日期"),
        ]
        for a in selectors.appraisal_list(self.org, self.year):
            counts = [getattr(a, f"n_{r.value}") for r in Rating]
            yield [a.person.name, *counts, a.get_decision_display(), a.comment, a.decided_on]


RANKING = exporters.register(
    "appraisal.ranking",
    label=_l("党员积分排名"),
    formats=("xlsx", "csv"),
    perm="appraisal.points.view",
    action=AppraisalAction.RANKING_EXPORTED,
    build=RankingExporter,
    description=_l("期间内本支部每名党员的积分和名次（名次相同者并列）。"),
)
RESULTS = exporters.register(
    "appraisal.results",
    label=_l("民主评议党员结果"),
    formats=("xlsx", "csv"),
    perm="appraisal.view",
    action=AppraisalAction.RESULTS_EXPORTED,
    build=ResultsExporter,
    description=_l("一年度每名党员的互评票数、评议结果和支部意见。"),
)
