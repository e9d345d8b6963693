"""The visits and donations 台账 as .xlsx (or .csv), official column headers; cells go through the
shared writer, which escapes formulas. A large subtree's export runs as a background job."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import selectors
from .audit_actions import CareAction


def _span(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


class VisitsExporter(ListExporter):
    def __init__(self, org: Organisation, *, start: str, end: str):
        self.org, (self.start, self.end) = org, _span(start, end)
        self.title = _("走访慰问台账")
        self.filename = f"{org.name}走访慰问台账{start}至{end}"

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        visits = selectors.visits_of(self.org, self.start, self.end).prefetch_related("visitors")
        visits = visits.order_by("visited_on", "pk")
        yield [
            _("走访日期"),
            _("慰问对象类别"),
            _("受慰问对象"),
            _("慰问人数"),
            _("走访人员"),
            _("慰问物品"),
            _("慰问金（元）"),
            _("情况记录"),
        ]
        for v in visits:
            names = [p.name for p in v.visitors.all()] + ([v.other_visitors] if v.other_visitors else [])
            yield [
                v.visited_on,
                v.get_category_display(),
                v.visited,
                v.headcount,
                "、".join(names),
                v.goods,
                v.money,
                v.notes,
            ]


class DonationsExporter(ListExporter):
    def __init__(self, org: Organisation, *, start: str, end: str):
        self.org, (self.start, self.end) = org, _span(start, end)
        self.title = _("捐款台账")
        self.filename = f"{org.name}捐款台账{start}至{end}"
        self.note = _(
            "“来源”为本单位的是党员和教职工自己的捐款；校外的是社会捐款（含党员呼吁筹措），分开统计。"
        )

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        gifts = selectors.donations_of(self.org, self.start, self.end).order_by("given_on", "pk")
        yield [
            _("捐款日期"),
            _("捐款事由"),
            _("受助对象"),
            _("捐款人"),
            _("来源"),
            _("呼吁筹措的党员"),
            _("金额（元）"),
            _("捐赠物品"),
        ]
        for g in gifts:
            yield [
                g.given_on,
                g.drive.purpose,
                g.drive.beneficiary,
                g.donor_label,
                _("校外") if g.outside else _("本单位"),
                g.appeal_by.name if g.appeal_by_id else "",
                g.amount,
                g.in_kind,
            ]


def _visit_count(org: Organisation, *, start: str, end: str) -> int:
    return selectors.visits_of(org, *_span(start, end)).count()


def _gift_count(org: Organisation, *, start: str, end: str) -> int:
    return selectors.donations_of(org, *_span(start, end)).count()


VISITS = exporters.register(
    "care.visits",
    label=_l("走访慰问台账"),
    formats=("xlsx", "csv"),
    perm="care.view",
    action=CareAction.VISITS_EXPORTED,
    build=VisitsExporter,
    background=exporters.rows_over_threshold(_visit_count),
    description=_l(
        "期间内的走访慰问：对象类别、受慰问对象（学生家庭只有代称）、走访人员、慰问物品和慰问金。"
    ),
)
DONATIONS = exporters.register(
    "care.donations",
    label=_l("捐款台账"),
    formats=("xlsx", "csv"),
    perm="care.view",
    action=CareAction.DONATIONS_EXPORTED,
    build=DonationsExporter,
    background=exporters.rows_over_threshold(_gift_count),
    description=_l("期间内的每笔捐款，本单位捐款与校外筹措分开标明。"),
)
