"""Dues figures: what was due, what was collected, voluntary extra payments, 补交 of more than six
months, and the members in arrears. The bureau and documents get the numbers; the records (who paid
how much, who owes) only holders of dues.records — the figures carry records_perm."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.registries.figure_series import bucket, by_day, covering

from . import book, calc, selectors
from .models import PaymentKind

PRIVATE = "dues.records"
PAID_DAY = "paid_on"
ZERO = Decimal("0.00")


def _due_months(org: Organisation, periods: list[Period]) -> tuple[dict[date, Decimal], set[int]]:
    """{month: dues of every member} for the months of `periods` up to this month, and who owed."""
    span = covering(periods)
    until = book.through(span.end)
    per_month: dict[date, Decimal] = {}
    owing: set[int] = set()
    if until < calc.month_start(span.start):
        return per_month, owing
    for member in book.build(org, until):
        for m in member.months:
            if m.due is not None and any(m.month in p for p in periods):
                per_month[m.month] = per_month.get(m.month, ZERO) + m.due
                owing.add(member.person.pk)
    return per_month, owing


def _due_series(org: Organisation, periods: list[Period]) -> list[Decimal]:
    per_month, _owing = _due_months(org, periods)
    return [selectors.cents(v) for v in bucket(per_month, periods, ZERO)]


@figures.register(
    "dues.due",
    label=_("应交党费"),
    unit=_("元"),
    records_perm=PRIVATE,
    series=_due_series,
    description=_(
        "期间内每个月（到本月为止）每名党员按当月基数和交纳标准应交的党费之和；记录为应交党费的党员。"
    ),
)
def due(org: Organisation, period: Period):
    per_month, owing = _due_months(org, [period])
    return selectors.cents(sum(per_month.values(), ZERO)), selectors.people_in(org, owing)


def _regular(org: Organisation, period: Period) -> QuerySet:
    return selectors.payments_of(org, period.start, period.end, PaymentKind.REGULAR).order_by(PAID_DAY, "pk")


def _register_paid(code: str, kind: str, label, description) -> None:
    """A sum of payments of `kind` by the day they were paid: 实收 (regular) and 自愿多交 apart."""

    def records(org: Organisation, period: Period) -> QuerySet:
        return selectors.payments_of(org, period.start, period.end, kind).order_by(PAID_DAY, "pk")

    def series(org: Organisation, periods: list[Period]) -> list[Decimal]:
        per_day = by_day(records(org, covering(periods)), PAID_DAY, "amount")
        return [selectors.cents(v) for v in bucket(per_day, periods, ZERO)]

    def value(org: Organisation, period: Period):
        qs = records(org, period)
        return selectors.money_total(qs), qs

    figures.register(
        code, label=label, unit=_("元"), records_perm=PRIVATE, series=series, description=description
    )(value)


_register_paid(
    "dues.collected",
    PaymentKind.REGULAR,
    _("实收党费"),
    _("期间内收到的按月交纳的党费（按交纳日期），不含自愿多交的党费。"),
)
_register_paid(
    "dues.voluntary",
    PaymentKind.VOLUNTARY,
    _("自愿多交党费"),
    _("党员自愿多交的党费，与按月交纳的党费分开统计。"),
)


@figures.register(
    "dues.long_back_payments",
    label=_("补交超过六个月的党费"),
    unit=_("笔"),
    records_perm=PRIVATE,
    day=PAID_DAY,
)
def long_back_payments(org: Organisation, period: Period) -> QuerySet:
    return _regular(org, period).filter(long_back=True)


@figures.register(
    "dues.members_in_arrears",
    label=_("欠交党费的党员"),
    unit=_("人"),
    records_perm=PRIVATE,
    flow=False,
    description=_("截至期末最后一个已结束的月份，有应交未交党费月份的党员。"),
)
def members_in_arrears(org: Organisation, period: Period):
    cutoff = book.last_ended(period.end)
    owing = [m.person.pk for m in book.build(org, book.through(period.end), cutoff=cutoff) if m.arrears]
    return len(owing), selectors.people_in(org, owing)
