"""The 细则's order and intervals, judged in Python from rows read once: which steps a step needs
first, the version of the rules in force on a day, and a person's next step with the day it becomes
possible (eligible) and the day it is due. Pure functions: no query here."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from zhibu.core.models import PartyStatus
from zhibu.core.periods import cn_date

from .models import DevelopmentRule, Step

S = Step
# What must be on file before a step (political check and training in either order).
REQUIRES: dict[str, tuple[str, ...]] = {
    S.APPLICATION: (),
    S.TALK: (S.APPLICATION,),
    S.ACTIVIST: (S.TALK,),
    S.REVIEW: (S.ACTIVIST,),
    S.CANDIDATE: (S.ACTIVIST,),
    S.POLITICAL_CHECK: (S.CANDIDATE,),
    S.TRAINING: (S.CANDIDATE,),
    S.COMMITTEE_REVIEW: (S.POLITICAL_CHECK, S.TRAINING),
    S.PRE_APPROVAL: (S.COMMITTEE_REVIEW,),
    S.ADMISSION: (S.PRE_APPROVAL,),
    S.APPROVAL: (S.ADMISSION,),
    S.OATH: (S.APPROVAL,),
    S.EXTENSION: (S.ADMISSION,),
    S.CONFIRMATION: (S.OATH,),
}
# A step that may not come once these are on file (考察 is the activist's, before 发展对象).
CLOSED_BY: dict[str, tuple[str, ...]] = {
    S.REVIEW: (S.CANDIDATE,),
    S.EXTENSION: (S.CONFIRMATION,),
}
REPEATABLE = {S.REVIEW}
# The party status a step moves the person to (one history: core.PartyStatusChange).
STATUS_OF: dict[str, str] = {
    S.APPLICATION: PartyStatus.APPLICANT,
    S.ACTIVIST: PartyStatus.ACTIVIST,
    S.CANDIDATE: PartyStatus.CANDIDATE,
    S.ADMISSION: PartyStatus.PROBATIONARY,
    S.CONFIRMATION: PartyStatus.FULL,
}
# The pipeline's stages, in order: the last of these on file is where a person stands.
STAGES = (S.APPLICATION, S.TALK, S.ACTIVIST, S.CANDIDATE, S.ADMISSION, S.CONFIRMATION)
ORDER = {value: n for n, value in enumerate(Step.values)}
MIN_TRAINING_DAYS, MIN_TRAINING_HOURS = 3, 24
TRAINING_SOURCE = "《中国共产党发展党员工作细则》：集中培训时间一般不少于3天（或不少于24个学时）"
SPONSORS_SOURCE = {
    S.ACTIVIST: "《中国共产党发展党员工作细则》：党组织应当指定一至两名正式党员作为入党积极分子的培养联系人",
    S.ADMISSION: "《中国共产党发展党员工作细则》：发展党员，必须有两名正式党员作入党介绍人",
}
VOTE_SOURCE = (
    "《中国共产党发展党员工作细则》：支部大会讨论接收预备党员，赞成人数超过应到会有表决权的正式党员的半数，"
    "才能通过"
)
EXTENSION_SOURCE = "《中国共产党发展党员工作细则》：延长预备期，时间不能少于半年，最长不超过一年"
MIN_EXTENSION, MAX_EXTENSION = 6, 12


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day (31 January + 1
    month = 28/29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interval_text(months: int, days: int) -> str:
    parts = []
    years, months = divmod(months, 12)
    if years:
        parts.append(_("%(n)d年") % {"n": years})
    if months:
        parts.append(_("%(n)d个月") % {"n": months})
    if days or not parts:
        parts.append(_("%(n)d天") % {"n": days})
    return "".join(parts)


@dataclass(frozen=True)
class Rule:
    effective_from: date
    edition: str
    from_step: str
    to_step: str
    kind: str
    months: int
    days: int
    source: str

    def after(self, day: date, extra_months: int = 0) -> date:
        return add_months(day, self.months + extra_months) + timedelta(days=self.days)


class RuleBook:
    """Every version of the rules, read once; `in_force(day)` is the version of that day — the
    latest effective_from on or before it, or the oldest version for a day before any (a branch's
    history predating the rules zhibu knows is judged by the oldest it knows)."""

    def __init__(self, rows: Iterable[DevelopmentRule | Rule]):
        self.versions: dict[date, list[Rule]] = {}
        for r in rows:
            rule = (
                r
                if isinstance(r, Rule)
                else Rule(
                    r.effective_from, r.edition, r.from_step, r.to_step, r.kind, r.months, r.days, r.source
                )
            )
            self.versions.setdefault(rule.effective_from, []).append(rule)
        self.starts = sorted(self.versions)

    def in_force(self, day: date) -> list[Rule]:
        if not self.starts:
            return []
        chosen = self.starts[0]
        for start in self.starts:
            if start <= day:
                chosen = start
        return self.versions[chosen]

    def rules_to(self, step: str, day: date, kind: str) -> list[Rule]:
        return [r for r in self.in_force(day) if r.to_step == step and r.kind == kind]


def latest(steps: Sequence, step: str, before: date | None = None):
    """The latest step of that kind on file (考察: the last one; 确定为积极分子 counts as the first
    考察's start), dated on or before `before` when given."""
    found = [s for s in steps if s.step == step and (before is None or s.day <= before)]
    return max(found, key=lambda s: (s.day, s.pk or 0)) if found else None


def clock_start(steps: Sequence, from_step: str, before: date | None = None):
    """Where a rule's interval starts. A rule from 考察 runs from the latest 考察 or, before the
    first, from 确定为积极分子 (每半年考察一次)."""
    if from_step == S.REVIEW:
        return latest(steps, S.REVIEW, before) or latest(steps, S.ACTIVIST, before)
    return latest(steps, from_step, before)


def extension_months(steps: Sequence) -> int:
    return sum(s.extension_months or 0 for s in steps if s.step == S.EXTENSION)


def extra_for(rule: Rule, steps: Sequence) -> int:
    """延长预备期 moves 转正 by its months."""
    return extension_months(steps) if rule.to_step == S.CONFIRMATION else 0


def too_early(book: RuleBook, steps: Sequence, step: str, day: date) -> str | None:
    """The message refusing `step` on `day` when a minimum interval of the rules in force on `day`
    is not met, citing the rule; None when it is met."""
    for rule in book.rules_to(step, day, DevelopmentRule.Kind.MIN):
        start = clock_start(steps, rule.from_step)
        if start is None:
            continue
        earliest = rule.after(start.day, extra_for(rule, steps))
        if day < earliest:
            return _(
                "“%(to)s”的日期（%(day)s）早于规定：应在“%(from)s”（%(start)s）满%(interval)s后，"
                "即不早于%(earliest)s。依据：%(source)s"
            ) % {
                "to": Step(step).label,
                "day": cn_date(day),
                "from": Step(rule.from_step).label,
                "start": cn_date(start.day),
                "interval": interval_text(rule.months + extra_for(rule, steps), rule.days),
                "earliest": cn_date(earliest),
                "source": rule.source,
            }
    return None


@dataclass(frozen=True)
class Next:
    """A step a person may take next: from when (eligible) and by when (due), with the rule."""

    step: str
    eligible_from: date | None
    due: date | None
    rule: Rule | None = None

    @property
    def label(self) -> str:
        return Step(self.step).label

    def state(self, today: date) -> str:
        if self.due is not None and self.due < today:
            return "overdue"
        if self.eligible_from is None or self.eligible_from <= today:
            return "eligible"
        return "waiting"


def stage(steps: Sequence) -> str | None:
    on_file = {s.step for s in steps}
    for value in reversed(STAGES):
        if value in on_file:
            return value
    return None


def candidates_next(steps: Sequence) -> list[str]:
    """The steps that may be recorded now (their requirements on file, not closed, not repeated)."""
    on_file = {s.step for s in steps}
    if S.CONFIRMATION in on_file:
        return []
    found = []
    for value in Step.values:
        if value in on_file and value not in REPEATABLE:
            continue
        if value == S.EXTENSION:
            continue  # only when the branch decides so: never "next"
        if any(done in on_file for done in CLOSED_BY.get(value, ())):
            continue
        if all(req in on_file for req in REQUIRES[value]):
            found.append(value)
    return found


def next_steps(book: RuleBook, steps: Sequence, today: date) -> list[Next]:
    """Each step that may come next, with its eligible day (the minimum intervals) and due day (the
    maximum ones) under the rules in force today."""
    result = []
    for value in candidates_next(steps):
        eligible = due = None
        due_rule = None
        for rule in book.in_force(today):
            if rule.to_step != value:
                continue
            start = clock_start(steps, rule.from_step)
            if start is None:
                continue
            when = rule.after(start.day, extra_for(rule, steps))
            if rule.kind == DevelopmentRule.Kind.MIN:
                eligible = max(eligible, when) if eligible else when
            elif due is None or when < due:
                due, due_rule = when, rule
        result.append(Next(value, eligible, due, due_rule))
    return result


def primary_next(nexts: list[Next]) -> Next | None:
    """The one the pipeline page shows: the soonest due, else the first in the 细则's order that is
    not a repeat (考察 of an activist who may already become 发展对象 shows as 发展对象)."""
    if not nexts:
        return None
    dated = [n for n in nexts if n.due is not None]
    if dated:
        return min(dated, key=lambda n: n.due)
    return nexts[0]
