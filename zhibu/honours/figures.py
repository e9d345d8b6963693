"""荣誉与评比 figures. Honours count in the period they were awarded in; a round counts in the
period it was held in. Members' figures judge membership on the round's day (a teacher who joined
the Party later did not take part as a member), serving members only (retired members teach no
lessons)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import CompetitionRound, Honour


@figures.register(
    "honours.count",
    label=_("获得荣誉"),
    unit=_("项"),
    day="awarded_on",
    description=_("期间内党支部、学校、党员和教师获得的荣誉；可按级别（level）、类别（kind）统计。"),
)
def count(org: Organisation, period: Period, *, level: str = "", kind: str = "") -> QuerySet[Honour]:
    return selectors.honours_of(org, period, level=level, kind=kind)


@figures.register(
    "honours.competition_rounds",
    label=_("组织教学评比"),
    unit=_("次"),
    day="held_on",
    description=_("期间内组织的示范课、优质课、学案等教学评比；可按类别（kind）统计。"),
)
def competition_rounds(org: Organisation, period: Period, *, kind: str = "") -> QuerySet[CompetitionRound]:
    return selectors.rounds_of(org, period, kind=kind)


@figures.register(
    "honours.competition_members",
    label=_("参加教学评比的党员"),
    unit=_("名"),
    flow=False,
    description=_("期间内至少参加一次教学评比的在职党员人数（按评比当日的党员身份）；记录为其参赛记录。"),
)
def competition_members(org: Organisation, period: Period, *, kind: str = ""):
    take_up = selectors.member_take_up(org, period, kind=kind)
    people = {e.person_id for e in take_up.entries}
    return len(people), selectors.participants_by_pk(e.participant_id for e in take_up.entries)


@figures.register(
    "honours.competition_awards",
    label=_("在教学评比中获奖的党员"),
    unit=_("名"),
    flow=False,
    description=_("期间内在教学评比中获奖的在职党员人数（一人多次获奖计一人）；记录为其获奖记录。"),
)
def competition_awards(org: Organisation, period: Period, *, kind: str = ""):
    won = [e for e in selectors.member_take_up(org, period, kind=kind).entries if e.awarded]
    return len({e.person_id for e in won}), selectors.participants_by_pk(e.participant_id for e in won)


@figures.register(
    "honours.competition_rate",
    label=_("党员参加教学评比参与率"),
    unit="%",
    flow=False,
    description=_(
        "党员参赛人次占应参加人次（每次评比当日本支部在职党员数之和）的百分比，保留一位小数；"
        "记录为党员的参赛记录。"
    ),
)
def competition_rate(org: Organisation, period: Period, *, kind: str = ""):
    take_up = selectors.member_take_up(org, period, kind=kind)
    records = selectors.participants_by_pk(e.participant_id for e in take_up.entries)
    if not take_up.expected:
        return Decimal("0.0"), records
    rate = Decimal(len(take_up.entries) * 100) / Decimal(take_up.expected)
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), records
