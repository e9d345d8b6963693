"""The obligations calendar: for each organisation and meeting type that a cadence rule binds, the
periods in a span and whether each was held, is due now, is overdue or lies ahead.

Rules are data with effective dates: each period is judged by the rule in force on its first day,
so closing a rule and opening a new one never changes how past periods are judged. The whole
calendar of a subtree is computed from three queries (organisations, rules, meetings).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, ExpressionWrapper
from django.utils import timezone

from zhibu.core import memo
from zhibu.core.lean import local_date
from zhibu.core.models import Organisation
from zhibu.core.periods import Period

from . import selectors
from .models import CadenceRule, Meeting, MeetingType

HELD, DUE, OVERDUE, UPCOMING = "held", "due", "overdue", "upcoming"
STATE_LABELS = {HELD: "已召开", DUE: "本期待召开", OVERDUE: "逾期未召开", UPCOMING: "未到期"}


@dataclass(frozen=True)
class HeldRef:
    pk: int
    topic: str
    recorded_late: bool
    # The local day, computed by the database: a bureau's year has tens of thousands of meetings
    # and hundreds of periods to sort them into.
    day: date

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.topic}"


@dataclass
class Slot:
    period: Period
    rule: CadenceRule
    state: str
    meetings: list[HeldRef] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def short_label(self) -> str:
        return period_label(self.period, self.rule.every, short=True)

    @property
    def label(self) -> str:
        return period_label(self.period, self.rule.every)


@dataclass
class Obligation:
    organisation: Organisation
    meeting_type: MeetingType
    slots: list[Slot]

    def count(self, state: str) -> int:
        return sum(1 for s in self.slots if s.state == state)

    @property
    def rule_text(self) -> str:
        # one label per distinct rule, not per slot: a year of weekly slots is 52 lookups otherwise
        distinct = {s.rule.pk: s.rule for s in self.slots}.values()
        rules = {(r.get_every_display(), r.times) for r in distinct}
        return "；".join(f"{every}{times}次" for every, times in sorted(rules))


def period_label(period: Period, every: str, short: bool = False) -> str:
    if every == "quarter":
        quarter = (period.start.month - 1) // 3 + 1
        return f"第{quarter}季度" if short else f"{period.start.year}年第{quarter}季度"
    if every == "month":
        return f"{period.start.month}月" if short else period.label
    if every == "week":
        return (
            f"{period.start:%m-%d}"
            if short
            else f"{period.label}（{period.start.month}月{period.start.day}日起）"
        )
    return period.label


def periods_of(span: Period, every: str) -> list[Period]:
    """Periods of one cadence overlapping span (weeks: those starting inside it)."""
    if every == "week":
        return [w for w in span.weeks() if span.start <= w.start <= span.end]
    if every == "month":
        return list(span.months())
    if every == "quarter":
        return list(span.quarters())
    return [Period.year(y) for y in range(span.start.year, span.end.year + 1)]


def _in_term(period: Period) -> bool:
    return Period.term_of(period.start) is not None or Period.term_of(period.end) is not None


def _binds(rule: CadenceRule, org: Organisation) -> bool:
    if rule.org_kind != org.kind:
        return False
    return rule.organisation is None or org.path.startswith(rule.organisation.path)


def rule_on(rules: list[CadenceRule], org: Organisation, day: date) -> CadenceRule | None:
    """The most specific rule binding org in force on day (org's own > an ancestor's > default)."""
    candidates = [r for r in rules if _binds(r, org) and r.in_force(day)]
    if not candidates:
        return None
    return max(
        candidates, key=lambda r: (len(r.organisation.path) if r.organisation else 0, r.effective_from)
    )


def _state(period: Period, count: int, needed: int, today: date) -> str:
    if count >= needed:
        return HELD
    if period.end < today:
        return OVERDUE
    return DUE if period.start <= today else UPCOMING


def _held_index(orgs: list[Organisation], start: date, end: date) -> dict[tuple[int, int], list[HeldRef]]:
    """(organisation id, type id) -> meetings held, from one query over the type links."""
    through = Meeting.types.through
    rows = (
        through.objects.filter(
            meeting__organisation__in=[o.pk for o in orgs],
            meeting__held=True,
            meeting__held_at__range=selectors._closed(Period.span(start, end)),
        )
        .annotate(
            late=ExpressionWrapper(selectors.entered_late("meeting__"), output_field=BooleanField()),
            day=local_date("meeting__held_at"),  # in the current time zone, as selectors.local_day
        )
        .values_list(
            "meeting__organisation_id", "meetingtype_id", "meeting_id", "meeting__topic", "late", "day"
        )
        .order_by("meeting__held_at")
    )
    index: dict[tuple[int, int], list[HeldRef]] = defaultdict(list)
    for org_id, type_id, pk, topic, late, day in rows:
        index[(org_id, type_id)].append(HeldRef(pk, topic, late, day))
    return index


def _inside(refs: list[HeldRef], days: list[date], period: Period) -> list[HeldRef]:
    """The meetings of refs (in day order, `days` their days) held within period, by bisection."""
    return refs[bisect_left(days, period.start) : bisect_right(days, period.end)]


def _plans(orgs: list[Organisation], rules: list[CadenceRule], span: Period) -> Iterator[tuple]:
    """(org, type, [(period, rule)]) for every obligation that binds in span. Organisations bound by
    the same rules of a type have the same plan (a bureau's 300 branches mostly share the defaults):
    it is worked out once for each such set."""
    by_type: dict[int, list[CadenceRule]] = defaultdict(list)
    for rule in rules:
        by_type[rule.meeting_type_id].append(rule)
    ordered = sorted(by_type.values(), key=lambda rs: (rs[0].meeting_type.order, rs[0].pk))
    known: dict[tuple[int, ...], list[tuple[Period, CadenceRule]]] = {}
    for org in orgs:
        for type_rules in ordered:
            binding = [r for r in type_rules if _binds(r, org)]
            key = tuple(r.pk for r in binding)
            if key not in known:
                known[key] = _plan(binding, org, span)
            if known[key]:
                yield org, type_rules[0].meeting_type, known[key]


def _plan(binding: list[CadenceRule], org: Organisation, span: Period) -> list[tuple[Period, CadenceRule]]:
    """The periods of span that `binding` (the rules of one type binding org) make obligations."""
    planned = []
    for every in sorted({r.every for r in binding}):
        for period in periods_of(span, every):
            rule = rule_on(binding, org, period.start)
            if rule is None or rule.every != every:
                continue
            if rule.term_time_only and not _in_term(period):
                continue
            planned.append((period, rule))
    planned.sort(key=lambda pr: pr[0].start)
    return planned


def obligations(org: Organisation, span: Period, today: date | None = None) -> list[Obligation]:
    """The calendar of org's whole subtree: the cadence rule, the bureau's grid and the summary's
    calendar sentences ask it of the same organisation and span, and share it within a unit of
    work (whether they name today or not)."""
    return _obligations(org, span, today or timezone.localdate())


@memo.shared
def _obligations(org: Organisation, span: Period, today: date) -> list[Obligation]:
    return obligations_of(list(org.subtree().order_by("path")), selectors.rules_for(org), span, today)


def obligations_of(
    orgs: list[Organisation], rules: list[CadenceRule], span: Period, today: date | None = None
) -> list[Obligation]:
    """The calendar of many organisations from `rules` (those that can bind them) and one query
    for the meetings held: the bureau's grid over hundreds of branches uses this too."""
    today = today or timezone.localdate()
    plans = list(_plans(orgs, rules, span))
    if not plans:
        return []
    start = min(p.start for _, _, planned in plans for p, _ in planned)
    end = max(p.end for _, _, planned in plans for p, _ in planned)
    held = _held_index(orgs, start, end)
    result = []
    for target, meeting_type, planned in plans:
        refs = held.get((target.pk, meeting_type.pk), [])
        days = [m.day for m in refs]
        slots = []
        for period, rule in planned:
            inside = _inside(refs, days, period)
            slots.append(Slot(period, rule, _state(period, len(inside), rule.times, today), inside))
        result.append(Obligation(target, meeting_type, slots))
    return result


def missed(org: Organisation, span: Period, today: date | None = None) -> Iterator[tuple[Obligation, Slot]]:
    """Overdue periods lying wholly inside span: the cadence finding's input."""
    for obligation in obligations(org, span, today):
        for slot in obligation.slots:
            if slot.state == OVERDUE and span.start <= slot.period.start and slot.period.end <= span.end:
                yield obligation, slot
