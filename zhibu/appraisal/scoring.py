"""积分: a member's points, computed from the ledgers every time (never a stored counter).

The ledgers register sources of facts (core/registries/points.py); the branch's PointRules turn
facts into points. A fact earns under the rule of its source in force on its day (effective
dates); within a cap period (month, term, year) the facts earn in date order until the cap is
reached, so a fact's points depend only on its own cap period, and the points of two halves of a
period add up to the points of the whole. Manual adjustments count on their day, outside every cap.

Costs: one query for the rules, one for the people, one per source of the rules in force (grouped
by person and day, or month — for a ranking; or one line per fact — for one member's explanation), one for
the adjustments; whatever the number of members or branches.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.urls import NoReverseMatch, reverse

from zhibu.core import branches
from zhibu.core.lean import lean, month_of
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import points as registry

from .models import CapPeriod, PointAdjustment, PointRule

ZERO = Decimal("0.00")


@functools.lru_cache(maxsize=4096)
def cap_window(cap_period: str, day: date) -> tuple[date, date]:
    """The cap period holding `day`: its month, its 学期 (August, in no term, is its own window)
    or its calendar year. Cached: a city's ranking asks it for 300,000 facts over a few hundred days."""
    if cap_period == CapPeriod.YEAR:
        p = Period.year(day.year)
    elif cap_period == CapPeriod.TERM:
        p = Period.term_of(day) or Period.month(day.year, day.month)
    else:
        p = Period.month(day.year, day.month)
    return p.start, p.end


def rules_in_force(org: Organisation, start: date, end: date) -> QuerySet[PointRule]:
    """The rules of org's subtree in force on some day of start..end."""
    return PointRule.objects.filter(organisation__in=org.subtree(), effective_from__lte=end).filter(
        Q(effective_until__isnull=True) | Q(effective_until__gte=start)
    )


def _first_day(rules: Iterable[PointRule], start: date) -> date:
    """The first day whose facts may use up a cap that binds in start..: the start of the widest
    cap window holding `start`."""
    return min([start, *(cap_window(r.cap_period, start)[0] for r in rules)])


def _in_force(rule: PointRule, day: date) -> bool:
    return rule.effective_from <= day and (rule.effective_until is None or day <= rule.effective_until)


def earn(rule: PointRule, facts: Iterable[tuple[date, int]]) -> list[Decimal]:
    """Points earned by each (day, number of facts) of one member under `rule`, in the order given
    (date order): the rule's points per fact, until the cap of each cap window is reached."""
    return [Decimal(cents).scaleb(-2) for cents in earn_cents(rule, facts)]


def earn_cents(rule: PointRule, facts: Iterable[tuple[date, int]]) -> list[int]:
    """earn() in hundredths of a point (points have two decimal places): exact, and integers are
    what a bureau's tens of thousands of members can be summed in without Decimal arithmetic."""
    points, cap = _in_cents(rule)
    used: dict[tuple[date, date], int] = {}
    earned = []
    for day, n in facts:
        if not _in_force(rule, day):
            earned.append(0)
            continue
        if cap is None:
            earned.append(points * n)
            continue
        window = cap_window(rule.cap_period, day)
        amount = _capped(points * n, cap, used.get(window, 0))
        used[window] = used.get(window, 0) + amount
        earned.append(amount)
    return earned


def _in_cents(rule: PointRule) -> tuple[int, int | None]:
    """The rule's points per fact and its cap (None: none) in hundredths (two decimal places)."""
    return int(rule.points * 100), None if rule.cap is None else int(rule.cap * 100)


def _capped(amount: int, cap: int, spent: int) -> int:
    """What `amount` earns in a cap window where `spent` is already used up."""
    return max(0, min(amount, cap - spent))


@dataclass
class Context:
    """What scoring org's members needs: the rules in force by branch, and for each person the
    branch whose rules she earns under (None: her branch has no rule in force)."""

    start: date
    end: date
    rules: list[PointRule]
    by_branch: dict[int, list[PointRule]]
    branch_of: dict[int, int | None]  # person id -> the branch of her rules

    @property
    def sources(self) -> list[registry.Source]:
        codes = sorted({r.source for r in self.rules})
        return [registry.get(c) for c in codes if c in registry.codes()]

    def rules_for(self, person_id: int, source: str) -> list[PointRule]:
        return self.branch_rules(self.branch_of.get(person_id), source)

    def branch_rules(self, branch_id: int | None, source: str) -> list[PointRule]:
        """The rules of one source a branch's members earn under (None: a branch without rules)."""
        return self._by_source.get((branch_id, source), [])

    @functools.cached_property
    def _by_source(self) -> dict[tuple[int, str], list[PointRule]]:
        # asked once per member and source: a bureau's ranking asks it tens of thousands of times
        found: dict[tuple[int, str], list[PointRule]] = defaultdict(list)
        for branch_id, rules in self.by_branch.items():
            for rule in rules:
                found[(branch_id, rule.source)].append(rule)
        return found


def context(org: Organisation, people: QuerySet, start: date, end: date) -> Context:
    """The rules (one query, with their branches' paths) and where each of `people` is (one
    query): a person of a 党小组 earns under the rules of the branch above it (the nearest
    organisation on her path that has rules)."""
    rules = list(
        lean(rules_in_force(org, start, end).select_related("organisation")).order_by("effective_from", "pk")
    )
    by_branch: dict[int, list[PointRule]] = defaultdict(list)
    by_path: dict[str, int] = {}
    for rule in rules:
        by_branch[rule.organisation_id].append(rule)
        by_path[rule.organisation.path] = rule.organisation_id
    # (a city has hundreds of organisations and tens of thousands of people: each path once)
    nearest = functools.lru_cache(maxsize=None)(lambda path: branches.nearest(path, by_path))
    branch_of = {pk: nearest(path) for pk, path in people.order_by().values_list("pk", "organisation__path")}
    return Context(start, end, rules, by_branch, branch_of)


def _facts(ctx: Context, org: Organisation, source: registry.Source) -> QuerySet:
    first = _first_day((r for r in ctx.rules if r.source == source.code), ctx.start)
    return source.facts(org.subtree().values("pk"), first, ctx.end)


def _by_month(ctx: Context, source: registry.Source, start: date) -> bool:
    """Whether a source's facts may be counted month by month: a cap window is whole months (a
    month, a 学期, a year), so within one the facts of a month earn min(points × n, what the cap
    leaves) whatever their days — as long as every rule of the source starts and ends with a month
    and the total starts with one (the facts before `start` only use up the cap)."""
    if start.day != 1:
        return False
    for rule in ctx.rules:
        if rule.source != source.code:
            continue
        if rule.effective_from.day != 1:
            return False
        if rule.effective_until is not None and (rule.effective_until + timedelta(days=1)).day != 1:
            return False
    return True


def _months_alone(ctx: Context, source: registry.Source, start: date) -> bool:
    """Whether each month of a source's facts earns on its own: counted by month, and every rule
    of the source capped by the month or not at all — no window spans two rows."""
    return _by_month(ctx, source, start) and all(
        rule.cap is None or rule.cap_period == CapPeriod.MONTH
        for rule in ctx.rules
        if rule.source == source.code
    )


def _month_rates(ctx: Context, code: str) -> Callable[[int | None, date], list[tuple[int, int | None]]]:
    """(branch id, month) -> the hundredths per fact and cap of each of the branch's rules of the
    source in force in that month (a month its own cap window), worked out once per pair: a city's
    ranking reads a hundred thousand rows of a few thousand pairs."""
    table: dict[tuple[int | None, date], list[tuple[int, int | None]]] = {}

    def rates(branch_id: int | None, month: date) -> list[tuple[int, int | None]]:
        key = (branch_id, month)
        if key not in table:
            rules = ctx.branch_rules(branch_id, code)
            table[key] = [_in_cents(rule) for rule in rules if _in_force(rule, month)]
        return table[key]

    return rates


def totals(org: Organisation, people: QuerySet, start: date, end: date) -> dict[int, Decimal]:
    """{person id: points in start..end} for `people` of org's subtree (0 for those without)."""
    ctx = context(org, people, start, end)
    cents = dict.fromkeys(ctx.branch_of, 0)
    for source in ctx.sources:
        grouped: dict[int, list[tuple[date, int]]] = defaultdict(list)
        # counted by month where that gives the same points (far fewer rows over a bureau)
        day = month_of("day") if _by_month(ctx, source, start) else F("day")
        rows = (
            _facts(ctx, org, source)
            .order_by()
            .annotate(chunk=day)
            .values("person_id", "chunk")
            .annotate(n=Count("*"))
            .values_list("person_id", "chunk", "n")
        )
        if _months_alone(ctx, source, start):
            # each row is a whole cap window: no member's facts need gathering and sorting, and
            # what n facts earn in a month under a branch's rules is the same for all its members
            rates = _month_rates(ctx, source.code)
            earns: dict[tuple[int | None, date, int], int] = {}
            for person_id, month, n in rows:
                if person_id in cents and month >= start:
                    key = (ctx.branch_of[person_id], month, n)
                    if key not in earns:
                        earns[key] = sum(
                            points * n if cap is None else _capped(points * n, cap, 0)
                            for points, cap in rates(key[0], month)
                        )
                    cents[person_id] += earns[key]
            continue
        for person_id, day, n in rows:
            if person_id in cents:
                grouped[person_id].append((day, n))
        for person_id, facts in grouped.items():
            facts.sort()
            for rule in ctx.rules_for(person_id, source.code):
                for (day, _n), amount in zip(facts, earn_cents(rule, facts), strict=True):
                    if day >= start:
                        cents[person_id] += amount
    result = {pk: Decimal(value).scaleb(-2) for pk, value in cents.items()}
    adjustments = (
        PointAdjustment.objects.filter(organisation__in=org.subtree(), day__range=(start, end))
        .order_by()
        .values_list("person_id")
        .annotate(total=Sum("points"))
    )
    for person_id, total in adjustments:
        if person_id in result:
            result[person_id] += Decimal(total or 0)
    return {pk: value.quantize(Decimal("0.01")) for pk, value in result.items()}


@dataclass
class Line:
    """One line of a member's points: a fact with its record, or an adjustment."""

    day: date
    source: str
    title: str
    points: Decimal
    url: str = ""
    full: Decimal | None = None  # what the fact is worth before its cap (None: an adjustment)
    adjustment: PointAdjustment | None = None

    @property
    def capped(self) -> bool:
        return self.full is not None and self.points < self.full


@dataclass
class Explanation:
    lines: list[Line] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.points for line in self.lines), ZERO).quantize(Decimal("0.01"))


def _url(source: registry.Source, record_id) -> str:
    try:
        return reverse(source.url, args=[record_id])
    except NoReverseMatch:
        return ""


def explain(org: Organisation, people: QuerySet, person_id: int, start: date, end: date) -> Explanation:
    """The member's points in start..end line by line, each fact with the link to its record; the
    sum of the lines is what `totals` gives her."""
    ctx = context(org, people.filter(pk=person_id), start, end)
    out = Explanation()
    if ctx.branch_of.get(person_id) is None:
        return out
    for source in ctx.sources:
        rows = list(
            _facts(ctx, org, source)
            .filter(person_id=person_id)
            .order_by("day", "record_id")
            .values_list("day", "record_id", "title")
        )
        facts = [(day, 1) for day, _r, _t in rows]
        for rule in ctx.rules_for(person_id, source.code):
            for (day, record_id, title), amount in zip(rows, earn(rule, facts), strict=True):
                if day >= start and _in_force(rule, day):
                    out.lines.append(
                        Line(day, source.label, title or "", amount, _url(source, record_id), rule.points)
                    )
    adjustments = PointAdjustment.objects.filter(
        organisation__in=org.subtree(), person_id=person_id, day__range=(start, end)
    ).order_by("day", "pk")
    for a in adjustments:
        out.lines.append(
            Line(a.day, str(PointAdjustment._meta.verbose_name), a.reason, a.points, adjustment=a)
        )
    out.lines.sort(key=lambda line: line.day)
    return out


@dataclass(frozen=True)
class Ranked:
    rank: int
    person: object
    points: Decimal


def rank(people: list, points: dict[int, Decimal]) -> list[Ranked]:
    """Competition ranking: the same points share a rank and the next rank skips (1, 2, 2, 4).
    `people` comes in the order the ties are listed in (按姓氏笔画)."""
    ordered = sorted(people, key=lambda p: -points.get(p.pk, ZERO))
    out: list[Ranked] = []
    for i, person in enumerate(ordered):
        value = points.get(person.pk, ZERO)
        same = out and out[-1].points == value
        out.append(Ranked(out[-1].rank if same else i + 1, person, value))
    return out
