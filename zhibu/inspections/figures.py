"""检查评比 figures: only published plans count, and a plan counts in the periods its year falls in
(the "2023年度" inspection belongs to every summary that covers 2023)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import PlanState, Score


def _published_scores(org: Organisation, period: Period) -> QuerySet[Score]:
    return Score.objects.filter(
        organisation__in=org.subtree(),
        plan__state=PlanState.PUBLISHED,
        plan__year__range=(period.start.year, period.end.year),
    )


@figures.register(
    "inspections.scores",
    label=_("检查评比得分项"),
    unit=_("项"),
    flow=False,  # a plan counts in every period its year falls in
    description=_("已发布的检查评比中本组织（含下级）各考核项目的得分记录。"),
)
def scores(org: Organisation, period: Period) -> QuerySet[Score]:
    return _published_scores(org, period).select_related("plan", "item")


@figures.register(
    "inspections.total",
    label=_("检查评比总分"),
    unit=_("分"),
    flow=False,
    description=_(
        "本支部在一次已发布检查评比中的总分（加权得分占加权满分的百分比）；"
        "不指定考核时取该期间最近一次。记录为各项得分。"
    ),
)
def total(org: Organisation, period: Period, *, plan: str | int | None = None):
    plans = selectors.published_in_years(org, period.start.year, period.end.year)
    chosen = plans.filter(pk=int(plan)).first() if plan else plans.first()
    if chosen is None:
        return Decimal("0"), Score.objects.none()
    result = selectors.branch_result(chosen, org, selectors.items_of(chosen))
    records = chosen.scores.filter(organisation=org).select_related("plan", "item")
    return (result.total if result else Decimal("0")), records
