"""Talks figures. The records (who talked with whom, on what topic) are listed only to holders of
talks.view on the organisation: the bureau and documents get the numbers."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.people import selectors as people_selectors

from . import quota, selectors

PRIVATE = "talks.view"


@figures.register(
    "talks.held", label=_("谈心谈话次数"), unit=_("次"), records_perm=PRIVATE, day="held_on", key=33
)
def held(org: Organisation, period: Period) -> QuerySet:
    return selectors.talks_of(org, period.start, period.end).order_by("held_on", "pk")


@figures.register(
    "talks.quota_met",
    label=_("达到每月谈心谈话要求的支委"),
    unit=_("人"),
    records_perm=PRIVATE,
    flow=False,
    description=_("期间内已结束的各月（8月暑假除外）每月谈心谈话都不少于支部规定次数的支部委员。"),
)
def quota_met(org: Organisation, period: Period):
    met = [j.person_id for j in quota.judge(org, period) if not j.short]
    people = people_selectors.by_strokes(people_selectors.people_of(org).filter(pk__in=met))
    return len(set(met)), people
