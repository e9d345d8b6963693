"""承诺台账 figures. A pledge counts in the period it was made in (starts_on); an item closed counts
on its closing day (its current state: a reopened item counts again only when it is closed anew);
the on-time rate judges the items due in the period whose deadline has passed or which are closed."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Pledge, PledgeItem


@figures.register(
    "pledges.made",
    label=_("作出公开承诺"),
    unit=_("份"),
    day="starts_on",
    description=_("期间内党支部和党员作出的公开承诺（亮承诺）；可按主体（scope=branch/member）统计。"),
)
def made(org: Organisation, period: Period, *, scope: str = "") -> QuerySet[Pledge]:
    return selectors.pledges_made(org, period, scope=scope)


@figures.register(
    "pledges.items_closed",
    label=_("承诺事项销号"),
    unit=_("项"),
    day="closed_on",
    description=_("期间内经书记或支委核验销号的承诺事项（重新打开后未再销号的不计）。"),
)
def items_closed(org: Organisation, period: Period) -> QuerySet[PledgeItem]:
    return selectors.items_closed(org, period)


@figures.register(
    "pledges.on_time_rate",
    label=_("承诺事项按期完成率"),
    unit="%",
    flow=False,
    description=_(
        "完成时限在期间内、且已到期或已销号的承诺事项中，在完成时限当日或之前销号的百分比，"
        "保留一位小数；记录为这些承诺事项。"
    ),
)
def on_time_rate(org: Organisation, period: Period):
    judged = selectors.items_judged(org, period)
    counts = judged.aggregate(n=Count("pk"), on_time=Count("pk", filter=Q(closed_on__lte=F("due_on"))))
    if not counts["n"]:
        return Decimal("0.0"), judged
    rate = Decimal(counts["on_time"] * 100) / Decimal(counts["n"])
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), judged
