"""满意度测评 figures over the questionnaires returned in the period: how many, and the share of
rated answers that were 满意 / 基本满意 / 不满意 (all rated questions of all surveys together), with
the answers behind each rate as its records."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core import memo
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Rating, Response


@figures.register(
    "surveys.responses",
    label=_("收回满意度测评问卷"),
    unit=_("份"),
    day="answered_on",
    description=_("期间内收回的满意度测评问卷（按提交日期）。"),
)
def responses(org: Organisation, period: Period) -> QuerySet[Response]:
    return selectors.responses_of(org, period)


@memo.shared
def _rating_counts(org: Organisation, period: Period) -> dict[str, int]:
    """{rating: rated answers of the period}, one grouped count that the three rates share within
    a unit of work (each was a pass over the answers of a bureau's year)."""
    rows = selectors.ratings_of(org, period).order_by().values_list("rating").annotate(n=Count("pk"))
    return dict(rows)


def _rate(org: Organisation, period: Period, rating: str):
    """This rating's share of all rated answers of the period, and its answers as the records."""
    counts = _rating_counts(org, period)
    total = sum(counts.values())
    answers = selectors.ratings_of(org, period)
    return selectors.rate(counts.get(rating, 0), total), answers.filter(rating=rating)


def _describe(rating: str) -> str:
    return _("期间内收回问卷中，评价为“%(r)s”的答案占全部满意度答案的百分比（整数或一位小数）。") % {
        "r": Rating(rating).label
    }


@figures.register(
    "surveys.satisfied_rate", label=_("满意率"), unit="%", flow=False, description=_describe(Rating.SATISFIED)
)
def satisfied_rate(org: Organisation, period: Period):
    return _rate(org, period, Rating.SATISFIED)


@figures.register(
    "surveys.basic_rate", label=_("基本满意率"), unit="%", flow=False, description=_describe(Rating.BASIC)
)
def basic_rate(org: Organisation, period: Period):
    return _rate(org, period, Rating.BASIC)


@figures.register(
    "surveys.unsatisfied_rate",
    label=_("不满意率"),
    unit="%",
    flow=False,
    description=_describe(Rating.UNSATISFIED),
)
def unsatisfied_rate(org: Organisation, period: Period):
    return _rate(org, period, Rating.UNSATISFIED)
