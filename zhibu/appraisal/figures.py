"""Appraisal figures: points totals and the 民主评议 counts. The bureau and the documents get the
numbers; the records (who earned, who was rated what) only holders of the permission named."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Appraisal, Rating

DECIDED_DAY = "decided_on"  # the branch's decision puts an appraisal in a period
PASSING = (Rating.EXCELLENT, Rating.QUALIFIED)


@figures.register(
    "appraisal.points_total",
    label=_("党员积分合计"),
    unit=_("分"),
    records_perm="appraisal.points.view",
    flow=False,
    description=_(
        "期间内党员按支部积分规则从各台账记录得到的积分（含封顶和人工调整）之和；记录为得分的党员。"
    ),
)
def points_total(org: Organisation, period: Period):
    return selectors.points_total(org, period)


def _decided(org: Organisation, period: Period) -> QuerySet[Appraisal]:
    return (
        Appraisal.objects.filter(organisation__in=org.subtree(), decided_on__range=(period.start, period.end))
        .exclude(decision="")
        .select_related("person")
        .order_by("year", "person__name_strokes", "pk")
    )


@figures.register(
    "appraisal.appraised",
    label=_("参加民主评议的党员"),
    unit=_("人次"),
    records_perm="appraisal.view",
    day=DECIDED_DAY,
)
def appraised(org: Organisation, period: Period) -> QuerySet[Appraisal]:
    return _decided(org, period)


@figures.register(
    "appraisal.excellent",
    label=_("民主评议优秀党员"),
    unit=_("人次"),
    records_perm="appraisal.view",
    day=DECIDED_DAY,
)
def excellent(org: Organisation, period: Period) -> QuerySet[Appraisal]:
    return _decided(org, period).filter(decision=Rating.EXCELLENT)


@figures.register(
    "appraisal.passing_rate",
    label=_("民主评议合格率"),
    unit="%",
    records_perm="appraisal.view",
    flow=False,
    description=_("评议结果为优秀或合格的党员占参评党员的比例。"),
)
def passing_rate(org: Organisation, period: Period) -> tuple[Decimal, QuerySet[Appraisal]]:
    rows = _decided(org, period)
    counts = rows.order_by().aggregate(n=Count("pk"), ok=Count("pk", filter=Q(decision__in=PASSING)))
    if not counts["n"]:
        return Decimal("0.0"), rows
    rate = Decimal(counts["ok"] * 100) / Decimal(counts["n"])
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), rows
