"""The monthly quota of talks per committee member, judged once for the rule and the figure.

A month is judged once it has ended, in the period it ends in; August (the summer holiday) is not
judged, as the study quotas. A committee member is judged for a month when she held a post on the
branch's committee on its first and on its last day. A quota of 0 judges nobody.

City scale: four queries whatever the number of branches and members — the branches, their
settings, the committees' posts over the months, and the talks grouped by talker and month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from zhibu.core import memo
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.strokes import name_sort_key
from zhibu.people import selectors as people_selectors

from . import selectors

AUGUST = 8


@dataclass
class Judged:
    branch: Organisation
    person_id: int
    name: str
    quota: int
    months: list[Period] = field(default_factory=list)  # the months she was judged in
    short: list[Period] = field(default_factory=list)  # those with fewer talks than the quota


def judged_months(period: Period, today: date) -> list[Period]:
    months = [m for m in period.months() if period.start <= m.end <= period.end and m.end < today]
    return [m for m in months if m.start.month != AUGUST]


def _held_through(holdings: list[tuple[date, date | None]], month: Period) -> bool:
    def covers(started_on: date, ended_on: date | None, day: date) -> bool:
        return started_on <= day and (ended_on is None or ended_on >= day)

    return any(covers(*h, month.start) for h in holdings) and any(covers(*h, month.end) for h in holdings)


@memo.shared
def judge(org: Organisation, period: Period) -> list[Judged]:
    """Every committee member judged in the period, branch by branch (path order), 按姓氏笔画."""
    months = judged_months(period, timezone.localdate())
    if not months:
        return []
    branches = list(org.subtree().filter(kind=Organisation.Kind.BRANCH).order_by("path"))
    quotas = {pk: s.monthly_quota for pk, s in selectors.settings_by_org(branches).items() if s.monthly_quota}
    if not quotas:
        return []
    holdings = people_selectors.committees_during(list(quotas), months[0].start, months[-1].end)
    # rows, not instances: a city's committees are thousands of posts, and a judgement needs their
    # days and the holder's name alone
    by_member: dict[int, dict[int, list]] = {}  # branch id -> person id -> her (start, end) days
    names: dict[int, str] = {}
    rows = holdings.values_list("organisation_id", "person_id", "started_on", "ended_on", "person__name")
    for org_id, person_id, started_on, ended_on, name in rows:
        by_member.setdefault(org_id, {}).setdefault(person_id, []).append((started_on, ended_on))
        names[person_id] = name
    if not by_member:
        return []
    talks = selectors.counts_by_talker_month(org, months[0].start, months[-1].end)
    result = []
    for branch in branches:
        members = by_member.get(branch.pk, {}).items()
        for person_id, hs in sorted(members, key=lambda m: name_sort_key(names[m[0]])):
            judged = Judged(branch, person_id, names[person_id], quotas[branch.pk])
            for month in months:
                if _held_through(hs, month):
                    judged.months.append(month)
                    if talks.get((person_id, month.start), 0) < judged.quota:
                        judged.short.append(month)
            if judged.months:
                result.append(judged)
    return result
