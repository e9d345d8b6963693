"""Election figures: elections held in the period (换届, 补选) and the people they elected."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Kind


@figures.register(
    "elections.regular",
    label=_("换届选举"),
    unit=_("次"),
    day="held_on",
    description=_("期间内召开支部党员大会选举产生新一届支部委员会的次数。"),
)
def regular(org: Organisation, period: Period):
    return selectors.elections_of(org, period.start, period.end, Kind.REGULAR)


@figures.register(
    "elections.by_elections",
    label=_("补选"),
    unit=_("次"),
    day="held_on",
    description=_("期间内届中补选支部委员的次数。"),
)
def by_elections(org: Organisation, period: Period):
    return selectors.elections_of(org, period.start, period.end, Kind.BY_ELECTION)


@figures.register(
    "elections.elected",
    label=_("选举产生的支部委员"),
    unit=_("人次"),
    day="election__held_on",
    description=_("期间内换届和补选当选的人次；可按选举类别（kind）统计。"),
)
def elected(org: Organisation, period: Period, *, kind: str = ""):
    return selectors.results_of_period(org, period.start, period.end, kind)
