"""Voice figures. Suggestions are placed in a period by the day they were raised (`received_on`),
so "收到N条，采纳M条，按时答复K条" speak of the same suggestions. The records (who said what) are
listed only to the officers (voice.edit): the bureau and documents get the numbers."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors

PRIVATE = "voice.edit"
DAY = "received_on"


def _received(org: Organisation, period: Period) -> QuerySet:
    return selectors.suggestions_of(org, period.start, period.end).order_by(DAY, "pk")


@figures.register("voice.consultations", label=_("征求意见次数"), unit=_("次"), day="opens_on")
def consultations(org: Organisation, period: Period) -> QuerySet:
    return (
        selectors.consultations_of(org)
        .filter(opens_on__range=(period.start, period.end))
        .order_by("opens_on", "pk")
    )


@figures.register(
    "voice.answers", label=_("征求意见收到的回复"), unit=_("条"), records_perm=PRIVATE, day="answered_on"
)
def answers(org: Organisation, period: Period) -> QuerySet:
    return (
        selectors.answers_in(org, period.start, period.end)
        .select_related("person")
        .order_by("answered_on", "pk")
    )


@figures.register("voice.suggestions", label=_("收到意见建议"), unit=_("条"), records_perm=PRIVATE, day=DAY)
def suggestions(org: Organisation, period: Period) -> QuerySet:
    return _received(org, period)


@figures.register(
    "voice.adopted",
    label=_("采纳意见建议"),
    unit=_("条"),
    records_perm=PRIVATE,
    day=DAY,
    description=_("期间内收到、已采纳或部分采纳的意见建议。"),
)
def adopted(org: Organisation, period: Period) -> QuerySet:
    return selectors.adopted(_received(org, period))


@figures.register(
    "voice.answered_in_time",
    label=_("按时答复的意见建议"),
    unit=_("条"),
    records_perm=PRIVATE,
    day=DAY,
    description=_("期间内收到、在支部规定的答复时限（默认30天）内作出答复的意见建议。"),
)
def answered_in_time(org: Organisation, period: Period) -> QuerySet:
    return selectors.answered_in_time(_received(org, period))
