"""Care figures. Every one lists its records only to holders of care.view on the organisation:
the bureau and documents get the numbers, never who was ill or who gave how much."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.registries.figure_series import bucket, by_day, covering

from . import selectors
from .models import VisitCategory

PRIVATE = "care.view"
# What puts a visit in a period (visits_of filters by it), and a gift (donations_of).
VISIT_DAY = "visited_on"
GIFT_DAY = "given_on"


def _summed(records: QuerySet, day: str, field: str, periods: list[Period], zero=0) -> list:
    """A (value, records) figure that is a Sum of `field` over records placed by `day`: its value
    for many periods from one grouped query (figures.series), as the figure sums each period."""
    return bucket(by_day(records, day, field), periods, zero)


def _money(records: QuerySet, day: str, field: str, periods: list[Period]) -> list[Decimal]:
    return [selectors.cents(v) for v in _summed(records, day, field, periods, Decimal("0"))]


def _visits(org: Organisation, period: Period, category: str | None) -> QuerySet:
    """The period's visits; `category` is one category or several joined by commas (a document's
    figure reference carries parameters as text: "sick_staff,sick_family")."""
    qs = selectors.visits_of(org, period.start, period.end).order_by("visited_on", "pk")
    return qs.filter(category__in=category.split(",")) if category else qs


@figures.register("care.visits", label=_("走访慰问次数"), unit=_("次"), records_perm=PRIVATE, day=VISIT_DAY)
def visits(org: Organisation, period: Period, *, category: str | None = None) -> QuerySet:
    return _visits(org, period, category)


@figures.register(
    "care.visit_person_times",
    label=_("走访慰问人次"),
    unit=_("人次"),
    records_perm=PRIVATE,
    series=lambda org, periods, *, category=None: _summed(
        _visits(org, covering(periods), category), VISIT_DAY, "headcount", periods
    ),
    description=_("每次走访慰问的人数之和：看望一名住院教工为1人次，慰问一户困难家庭为1人次。"),
    key=32,
)
def visit_person_times(org: Organisation, period: Period, *, category: str | None = None):
    qs = _visits(org, period, category)
    return qs.aggregate(n=Coalesce(Sum("headcount"), 0))["n"], qs


@figures.register(
    "care.visit_person_times_yearly_min",
    label=_("每学年走访慰问人次（最少的一学年）"),
    unit=_("人次"),
    records_perm=PRIVATE,
    flow=False,
    description=_("期间内各学年（9月至次年8月）走访慰问人次中最少的一个，即“每年都达到”的数。"),
)
def visit_person_times_yearly_min(org: Organisation, period: Period):
    qs = _visits(org, period, None)
    return selectors.yearly_min_person_times(qs, period), qs


@figures.register(
    "care.visit_money",
    label=_("走访慰问金"),
    unit=_("元"),
    records_perm=PRIVATE,
    series=lambda org, periods: _money(_visits(org, covering(periods), None), VISIT_DAY, "money", periods),
)
def visit_money(org: Organisation, period: Period) -> tuple[Decimal, QuerySet]:
    qs = _visits(org, period, None)
    return selectors.money_total(qs, "money"), qs.filter(money__gt=0)


@figures.register(
    "care.student_families",
    label=_("走访困难学生家庭户次"),
    unit=_("户次"),
    records_perm=PRIVATE,
    day=VISIT_DAY,
)
def student_families(org: Organisation, period: Period) -> QuerySet:
    return _visits(org, period, VisitCategory.STUDENT_FAMILY)


@figures.register(
    "care.retiree_calls", label=_("问寒问暖电话"), unit=_("人次"), records_perm="care.calls", day="month"
)
def retiree_calls(org: Organisation, period: Period) -> QuerySet:
    return selectors.calls_of(org, period.start, period.end).order_by("month", "pk")


@figures.register(
    "care.retirees_called",
    label=_("问寒问暖的退休教职工"),
    unit=_("人"),
    records_perm="care.calls",
    flow=False,
)
def retirees_called(org: Organisation, period: Period):
    calls = selectors.calls_of(org, period.start, period.end)
    people = selectors.retirees_of(org).filter(pk__in=calls.values("retiree_id"))
    return people.aggregate(n=Count("pk"))["n"], people


def _gifts(org: Organisation, period: Period) -> QuerySet:
    return selectors.donations_of(org, period.start, period.end).order_by(GIFT_DAY, "pk")


def _sum(qs: QuerySet) -> Decimal:
    return selectors.money_total(qs, "amount")


def _all_gifts(org: Organisation, period: Period) -> QuerySet:
    return _gifts(org, period).filter(amount__gt=0)


def _own_gifts(org: Organisation, period: Period) -> QuerySet:
    return _all_gifts(org, period).filter(donor__isnull=False)


def _outside_gifts(org: Organisation, period: Period) -> QuerySet:
    return _all_gifts(org, period).filter(donor__isnull=True)


def _gift_series(gifts):
    def series(org: Organisation, periods: list[Period]) -> list[Decimal]:
        return _money(gifts(org, covering(periods)), GIFT_DAY, "amount", periods)

    return series


@figures.register(
    "care.donations_total",
    label=_("捐款总额"),
    unit=_("元"),
    records_perm=PRIVATE,
    series=_gift_series(_all_gifts),
)
def donations_total(org: Organisation, period: Period) -> tuple[Decimal, QuerySet]:
    qs = _all_gifts(org, period)
    return _sum(qs), qs


@figures.register(
    "care.donations_own",
    label=_("党员和教职工捐款"),
    unit=_("元"),
    records_perm=PRIVATE,
    series=_gift_series(_own_gifts),
    description=_("本单位党员和教职工自己捐出的钱款。"),
)
def donations_own(org: Organisation, period: Period) -> tuple[Decimal, QuerySet]:
    qs = _own_gifts(org, period)
    return _sum(qs), qs


@figures.register(
    "care.donations_outside",
    label=_("呼吁社会援助筹措资金"),
    unit=_("元"),
    records_perm=PRIVATE,
    series=_gift_series(_outside_gifts),
    description=_("校外捐款人所捐（多由党员呼吁筹措），与本支部自己的捐款分开统计。"),
)
def donations_outside(org: Organisation, period: Period) -> tuple[Decimal, QuerySet]:
    qs = _outside_gifts(org, period)
    return _sum(qs), qs


@figures.register(
    "care.donation_drives", label=_("捐款活动次数"), unit=_("次"), records_perm=PRIVATE, day="started_on"
)
def donation_drives(org: Organisation, period: Period) -> QuerySet:
    return (
        selectors.drives_of(org)
        .filter(started_on__range=(period.start, period.end))
        .order_by("started_on", "pk")
    )
