"""Weekly and monthly 学时 quotas ("每周学习不少于2小时", "每月学习不少于8小时"), set per branch in
学习要求 (empty: no such quota).

A week or month is judged once it has ended, in the period it ends in (so adjacent periods never
report it twice); August is the summer holiday — its month, and the weeks wholly inside it, are not
judged. A member is judged for a week or month when she served as a member on its first and on its
last day. Hours are what selectors.hour_sources counts, the yearly target's definition.

City scale: a fixed number of queries whatever the number of branches and members — the branches,
their settings, the members on the judged days (two), and the hours grouped by person and week or
month over the whole subtree (three).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models.functions import TruncMonth, TruncWeek
from django.db.models.functions.datetime import TruncBase
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.branches import nearest
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period, runs_label
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding
from zhibu.core.strokes import name_sort_key

from . import hours, selectors

AUGUST = 8  # the summer holiday, as rules.HOLIDAY_MONTHS


def _ended_weeks(period: Period, today: date) -> list[Period]:
    weeks = [w for w in period.weeks() if period.start <= w.end <= period.end and w.end < today]
    return [w for w in weeks if not w.start.month == w.end.month == AUGUST]


def _ended_months(period: Period, today: date) -> list[Period]:
    months = [m for m in period.months() if period.start <= m.end <= period.end and m.end < today]
    return [m for m in months if m.start.month != AUGUST]


@dataclass(frozen=True)
class Quota:
    field: str  # the StudySettings field holding the quota
    trunc: type[TruncBase]  # how the database groups the hours
    judged: Callable[[Period, date], list[Period]]  # the weeks or months the period judges
    number: Callable[[Period], tuple[int, int]]  # (year, number in the year) for the labels
    one: str  # the label of one week or month, after the year
    run: str  # the label of consecutive ones


WEEKLY = Quota(
    "weekly_hours", TruncWeek, _ended_weeks, lambda w: tuple(w.start.isocalendar()[:2]), "第{}周", "第{}—{}周"
)
MONTHLY = Quota(
    "monthly_hours", TruncMonth, _ended_months, lambda m: (m.start.year, m.start.month), "{}月", "{}—{}月"
)


def _labels(quota: Quota, buckets: list[Period]) -> str:
    return runs_label(buckets, quota.number, quota.one, quota.run)


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _judge(org: Organisation, period: Period, quota: Quota) -> Iterator[Finding]:
    buckets = quota.judged(period, timezone.localdate())
    if not buckets:
        return
    branches = list(org.subtree().filter(kind=Organisation.Kind.BRANCH).order_by("path"))
    wanted = {
        pk: getattr(rules, quota.field)
        for pk, rules in selectors.settings_by_org(branches).items()
        if getattr(rules, quota.field)  # empty (or 0): the branch sets no such quota
    }
    if not wanted:
        return
    members = hours.members_by_day(org, [d for b in buckets for d in (b.start, b.end)])
    earned = hours.hours_by(org, buckets[0].start, buckets[-1].end, quota.trunc)
    by_path = {b.path: b for b in branches if b.pk in wanted}
    judged: dict[int, dict[int, Person]] = defaultdict(dict)  # branch -> the people judged
    short: dict[int, list[Period]] = defaultdict(list)  # person -> her short weeks or months
    for bucket in buckets:
        at_start = {p.pk for p in members[bucket.start]}
        for person in members[bucket.end]:
            branch = nearest(person.organisation.path, by_path) if person.pk in at_start else None
            if branch is None:
                continue
            judged[branch.pk][person.pk] = person
            if earned.get((person.pk, bucket.start), Decimal(0)) < wanted[branch.pk]:
                short[person.pk].append(bucket)
    logged = {person_id for person_id, _start in earned}
    for branch in branches:
        people = judged.get(branch.pk)
        if not people:
            continue
        quota_text = _hours(wanted[branch.pk])
        if not logged & people.keys():
            # A branch that keeps no study ledger gets one line, not one per member.
            yield Finding(
                _("%(org)s %(span)s没有登记党员学习学时，无法核对每名党员不少于%(q)s小时的要求")
                % {"org": branch.name, "span": _labels(quota, buckets), "q": quota_text},
                evidence=sorted(people.values(), key=lambda p: name_sort_key(p.name)),
                organisation=branch,
                fact={"variant": "unrecorded"},
            )
            continue
        for person in sorted(people.values(), key=lambda p: name_sort_key(p.name)):
            if short.get(person.pk):
                yield Finding(
                    _("%(name)s %(when)s学习不足%(q)s小时")
                    % {"name": person.name, "when": _labels(quota, short[person.pk]), "q": quota_text},
                    evidence=[person],
                    organisation=branch,
                )


@findings.register(
    "study.hours_weekly",
    label=_l("党员每周学习时数不足"),
    severity="warning",
    practice="study",
    summary={"": _l("%(n)s名党员有的周学习时数不足"), "unrecorded": _l("未登记每周学习时数")},
)
def hours_weekly(org: Organisation, period: Period) -> Iterator[Finding]:
    """Per member: the ended weeks of the period in which she studied less than the weekly quota."""
    yield from _judge(org, period, WEEKLY)


@findings.register(
    "study.hours_monthly",
    label=_l("党员每月学习时数不足"),
    severity="warning",
    practice="study",
    summary={"": _l("%(n)s名党员有的月份学习时数不足"), "unrecorded": _l("未登记每月学习时数")},
)
def hours_monthly(org: Organisation, period: Period) -> Iterator[Finding]:
    """Per member: the ended months of the period in which she studied less than the monthly quota."""
    yield from _judge(org, period, MONTHLY)
