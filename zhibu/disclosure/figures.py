"""Disclosure figures: items published, 公示 held, objections received and answered. An item
counts in the period its window starts (publish_from); an objection on the day it arrived. The
objections' records carry the objector's contact: listed to officers only."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Kind

OFFICERS = "disclosure.view"


def _published(org: Organisation, period: Period) -> QuerySet:
    return (
        selectors.notices_of(org, period.start, period.end)
        .filter(published_on__isnull=False)
        .order_by("publish_from", "pk")
    )


@figures.register(
    "disclosure.published",
    label=_("党务公开事项"),
    unit=_("项"),
    day="publish_from",
    description=_("期间内开始公开的工作计划、工作部署、落实情况、公示、承诺和职责（含后来撤回的）。"),
)
def published(org: Organisation, period: Period) -> QuerySet:
    return _published(org, period)


@figures.register("disclosure.notices_held", label=_("公示"), unit=_("次"), day="publish_from")
def notices_held(org: Organisation, period: Period) -> QuerySet:
    return _published(org, period).filter(kind=Kind.NOTICE)


@figures.register(
    "disclosure.objections", label=_("收到公示异议"), unit=_("条"), records_perm=OFFICERS, day="received_on"
)
def objections(org: Organisation, period: Period) -> QuerySet:
    return selectors.objections_received(org, period.start, period.end).order_by("received_on", "pk")


@figures.register(
    "disclosure.objections_answered",
    label=_("已答复公示异议"),
    unit=_("条"),
    records_perm=OFFICERS,
    day="received_on",
    description=_("期间内收到且已答复的公示异议。"),
)
def objections_answered(org: Organisation, period: Period) -> QuerySet:
    return objections(org, period).filter(answered_on__isnull=False)
