"""评先评优 figures: campaigns whose result was published in the period, and the winners (members or
branches) of those campaigns, optionally by honour kind (excellent_member, advanced_person,
advanced_branch)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Campaign, Nomination


@figures.register(
    "awards.campaigns",
    label=_("开展评先评优"),
    unit=_("次"),
    day="published_on",
    description=_("期间内公示结果的评先评优（按公示日期）。"),
)
def campaigns(org: Organisation, period: Period) -> QuerySet[Campaign]:
    return selectors.campaigns_of(org, period)


@figures.register(
    "awards.winners",
    label=_("评选出的先进"),
    unit=_("名"),
    day="campaign__published_on",
    description=_(
        "期间内公示的评先评优中当选的党员（或党支部）；可按荣誉类别（honour_kind："
        "excellent_member 优秀共产党员、advanced_person 先进个人、advanced_branch 先进党支部）统计。"
    ),
)
def winners(org: Organisation, period: Period, *, honour_kind: str = "") -> QuerySet[Nomination]:
    return selectors.winners_of(org, period, honour_kind=honour_kind)
