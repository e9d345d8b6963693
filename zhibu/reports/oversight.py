"""The bureau's grid: submissions received, late or missing, per kind (周信息, 月工作总结) and month,
for every branch in the two queries of `deadlines.past_due` (weekly bulletins are counted per month).
Only due dates already past are judged, as in the findings."""

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

from .deadlines import DEADLINE_KINDS, past_due_under, submitted_late
from .models import KIND_CHOICES

KIND_LABELS = dict(KIND_CHOICES)
RECEIVED, LATE, MISSING = "received", "late", "missing"
MARKS = {RECEIVED: "✓", LATE: _l("迟"), MISSING: _l("缺")}


def _outcome(submission, due: date) -> str:
    if submission is None:
        return MISSING
    return LATE if submitted_late(submission, due) else RECEIVED


def _cell(outcomes: list[str], title: str, marks: dict[str, str]) -> Cell:
    late, missing = outcomes.count(LATE), outcomes.count(MISSING)
    state = oversight.PROBLEM if late or missing else oversight.OK
    text = marks[outcomes[0]] if len(outcomes) == 1 else f"{len(outcomes) - missing}/{len(outcomes)}"
    return Cell(state, text, len(outcomes) - missing, late + missing, title)


@oversight.register("reports.submissions", label=_l("材料报送"), order=20)
def submissions(root: Organisation, branches: list[Organisation], span: Period, today: date) -> Block:
    found: dict[tuple[int, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    months: dict[str, set[date]] = defaultdict(set)
    shown = {b.pk for b in branches}
    # the committee's whole list, which the submission rules behind the grid's findings read too
    for branch, kind, sub, due, submission in past_due_under(root, span, today):
        if branch.pk not in shown:
            continue
        outcome = _outcome(submission, due)
        found[(branch.pk, kind)][f"{sub.start:%Y-%m}"].append(outcome)
        months[kind].add(date(sub.start.year, sub.start.month, 1))
    block = Block()
    url = reverse("reports:submissions")
    # translated once, not for each of a city's thousands of cells
    marks = {outcome: str(mark) for outcome, mark in MARKS.items()}
    labels = {kind: str(label) for kind, label in KIND_LABELS.items()}
    words_of = {RECEIVED: _("按时"), LATE: _("迟报"), MISSING: _("未报")}
    for kind in DEADLINE_KINDS:
        if not months[kind]:
            continue
        periods = tuple((f"{m:%Y-%m}", f"{m.month}月") for m in sorted(months[kind]))
        block.columns.append(Column(kind, str(KIND_LABELS[kind]), periods))
    for (branch_pk, kind), per_month in found.items():
        every: list[str] = []
        for period_key, outcomes in per_month.items():
            every += outcomes
            words = "、".join(f"{word}{n}次" for word, n in _counted(outcomes, words_of))
            block.cells[(branch_pk, kind, period_key)] = _cell(outcomes, f"{labels[kind]} {words}", marks)
        summary = _cell(every, "", marks)
        # the summary counts what came on time: a late summary is submitted but not in order
        summary.text = _("%(ok)d/%(all)d") % {"ok": every.count(RECEIVED), "all": len(every)}
        summary.title = _("应报%(all)d次，按时%(ok)d次，迟报%(late)d次，未报%(missing)d次") % {
            "all": len(every),
            "ok": every.count(RECEIVED),
            "late": every.count(LATE),
            "missing": every.count(MISSING),
        }
        summary.url = url
        block.cells[(branch_pk, kind, oversight.SUMMARY)] = summary
    return block


def _counted(outcomes: list[str], words: dict[str, str]) -> list[tuple[str, int]]:
    return [(words[o], outcomes.count(o)) for o in (RECEIVED, LATE, MISSING) if outcomes.count(o)]
