"""The bureau's grid: 三会一课 of every branch, one column per meeting type a cadence rule binds,
one cell per month (weekly meetings are counted per month), quarter or year. The same calendar as
the branch's own 工作日历 (`obligations.obligations_of`), over all branches at once: one query for the
rules and one for the meetings held, whatever the number of branches."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import oversight
from zhibu.core.registries.oversight import Block, Cell, Column

from . import obligations as calendar

SLOT_STATES = {
    calendar.HELD: oversight.OK,
    calendar.DUE: oversight.DUE,
    calendar.OVERDUE: oversight.PROBLEM,
    calendar.UPCOMING: oversight.AHEAD,
}


def bucket(slot: calendar.Slot) -> tuple[str, str, str]:
    """(sort key, period key, short label) of the grid cell a slot is counted in."""
    start, every = slot.period.start, slot.rule.every
    if every in ("month", "week"):
        return f"{start:%Y-%m}", f"{start:%Y-%m}", f"{start.month}月"
    if every == "quarter":
        quarter = (start.month - 1) // 3 + 1
        return f"{start:%Y-%m}", f"{start.year}Q{quarter}", calendar.period_label(slot.period, every, True)
    return f"{start:%Y-%m}", f"{start.year}", f"{start.year}年"


def _cell(slots: list[calendar.Slot], title: str, url: str, marks: dict[str, str]) -> Cell:
    held = sum(1 for s in slots if s.state == calendar.HELD)
    overdue = sum(1 for s in slots if s.state == calendar.OVERDUE)
    state = oversight.worst(SLOT_STATES[s.state] for s in slots)
    text = marks[slots[0].state] if len(slots) == 1 else f"{held}/{len(slots)}"
    return Cell(state, text, held, overdue, title, url)


STATE_MARKS = {calendar.HELD: "✓", calendar.DUE: _l("待"), calendar.OVERDUE: _l("逾"), calendar.UPCOMING: "·"}


class _Words:
    """A slot's bucket and its words in a tooltip, worked out once per period and cadence: a city's
    300 branches share the same months, and the grid has some 20,000 slots."""

    def __init__(self) -> None:
        self._buckets: dict[tuple, tuple[str, str, str]] = {}
        self._phrases: dict[tuple, str] = {}
        self.marks = {state: str(mark) for state, mark in STATE_MARKS.items()}

    def bucket(self, slot: calendar.Slot) -> tuple[str, str, str]:
        key = (slot.period, slot.rule.every)
        if key not in self._buckets:
            self._buckets[key] = bucket(slot)
        return self._buckets[key]

    def phrase(self, slot: calendar.Slot) -> str:
        key = (slot.period, slot.rule.every, slot.state)
        if key not in self._phrases:
            self._phrases[key] = f"{slot.label}：{slot.state_label}"
        return self._phrases[key]


@oversight.register("meetings.cadence", label=_l("三会一课"), order=10)
def cadence(root: Organisation, branches: list[Organisation], span: Period, today: date) -> Block:
    # the subtree's calendar, which the cadence rule behind the grid's findings reads too
    found = calendar.obligations(root, span, today)
    columns: dict[str, dict] = {}
    block = Block()
    by_branch = {b.pk: b for b in branches}
    words, calendar_url = _Words(), reverse("meetings:calendar")
    for obligation in found:
        if obligation.organisation.pk not in by_branch:  # the committee itself, a 党小组
            continue
        meeting_type = obligation.meeting_type
        key = meeting_type.code or f"type-{meeting_type.pk}"
        column = columns.setdefault(
            key, {"label": meeting_type.name, "order": meeting_type.order, "periods": {}}
        )
        branch = by_branch[obligation.organisation.pk]
        url = f"{calendar_url}?org={branch.code}&year={span.start.year}"
        buckets: dict[str, list[calendar.Slot]] = defaultdict(list)
        for slot in obligation.slots:
            sort_key, period_key, label = words.bucket(slot)
            column["periods"][period_key] = (sort_key, label)
            buckets[period_key].append(slot)
        for period_key, slots in buckets.items():
            title = "；".join(words.phrase(s) for s in slots)
            block.cells[(branch.pk, key, period_key)] = _cell(
                slots, f"{meeting_type.name} {title}", url, words.marks
            )
        summary = _cell(obligation.slots, "", url, words.marks)
        summary.text = _("%(held)d/%(all)d") % {"held": summary.done, "all": len(obligation.slots)}
        summary.title = _("应开%(all)d次，已开%(held)d次，逾期%(late)d次") % {
            "all": len(obligation.slots),
            "held": summary.done,
            "late": summary.problems,
        }
        block.cells[(branch.pk, key, oversight.SUMMARY)] = summary
    for key, column in sorted(columns.items(), key=lambda kv: (kv[1]["order"], kv[0])):
        periods = sorted(column["periods"].items(), key=lambda kv: kv[1][0])
        block.columns.append(Column(key, column["label"], tuple((pk, label) for pk, (_s, label) in periods)))
    return block
