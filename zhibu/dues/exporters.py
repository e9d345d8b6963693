"""The dues 台账 as .xlsx (or .csv): one row per member, one column per month of the period (what she
paid, or what she owes), then the period's due and paid, her voluntary extra dues, and her arrears
up to the period's last ended month. Cells go through the shared writer, which escapes formulas."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.registries import exporters
from zhibu.core.spreadsheets.writing import ListExporter

from . import book, calc, selectors
from .audit_actions import DuesAction
from .models import BandCategory

ZERO = Decimal("0.00")


def _span(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


def cell(m: book.Month | None, cutoff: date | None) -> Any:
    """A month's cell: the due paid (a number), 欠交 with the due, 待交 for a month not yet over,
    or empty when nothing was due."""
    if m is None or m.due is None:
        return ""
    if m.paid is not None:
        return m.paid
    if cutoff is not None and m.month <= cutoff:
        return _("欠交%(d)s") % {"d": m.due}
    return _("待交%(d)s") % {"d": m.due}


def category(member: book.MemberDues) -> str:
    latest = member.latest
    if latest is None:
        return _("未登记基数")
    code = calc.category_of(retired=member.person.is_retired, no_income=latest.no_income)
    return str(BandCategory(code).label)


class LedgerExporter(ListExporter):
    def __init__(self, org: Organisation, *, start: str, end: str):
        self.org, (self.start, self.end) = org, _span(start, end)
        self.title = _("党费台账")
        self.filename = f"{org.name}党费台账{start}至{end}"
        self.note = _("月份栏为实交金额；“欠交”为已结束月份应交未交，“待交”为尚未结束的月份。金额单位：元。")

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        today = timezone.localdate()
        months = calc.months_between(self.start, min(self.end, today))
        cutoff = book.last_ended(self.end)
        members = book.build(self.org, min(self.end, today), cutoff=cutoff) if months else []
        extra = selectors.voluntary_by_person(self.org, self.start, self.end)
        self.total = len(members)
        yield [
            _("姓名"),
            _("党员类别"),
            _("月交纳基数（元）"),
            *[calc.month_label(m) for m in months],
            _("应交合计（元）"),
            _("实交合计（元）"),
            _("自愿多交（元）"),
            _("欠交月数"),
            _("欠交金额（元）"),
        ]
        for member in members:
            shown = [member.month(m) for m in months]
            latest = member.latest
            yield [
                member.person.name,
                category(member),
                latest.base if latest else "",
                *[cell(m, cutoff) for m in shown],
                sum((m.due for m in shown if m and m.due is not None), ZERO),
                sum((m.paid for m in shown if m and m.paid is not None), ZERO),
                extra.get(member.person.pk, ZERO),
                len(member.arrears),
                member.arrears_amount,
            ]


LEDGER = exporters.register(
    "dues.ledger",
    label=_l("党费台账"),
    formats=("xlsx", "csv"),
    perm="dues.view",
    action=DuesAction.LEDGER_EXPORTED,
    build=LedgerExporter,
    description=_l("每名党员每月实交或欠交的党费，期间应交、实交、自愿多交合计和欠交月数、金额。"),
)
