"""The oversight grid: one row per branch under a committee, the columns of every registered
oversight provider (三会一课, 材料报送, …), key figures and open findings by severity.

Everything is computed for all the branches that pass the filters in a fixed number of grouped
queries (each provider's, one per key figure, one run of the findings), never one per branch.
Sorting by the branch name is the database's; sorting by a computed column (a state, a figure, the
findings) sorts the ≤ a few hundred computed rows in Python after those queries, then the page is
cut (the counts are needed for every row to sort, so they are computed before paginating).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from django.utils.translation import gettext as _

from zhibu.core import findings_store, parallel, stamped, warmup
from zhibu.core.branches import nearest
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings, oversight
from zhibu.core.registries.oversight import Cell, Column

from . import selectors

# The key figures side by side: counts a bureau compares, none of them naming anyone. Figures whose
# records are private (mentoring: minors) are left out of the grid altogether.
KEY_FIGURES = ("people.members", "meetings.held", "study.sessions", "meetings.late_records")
SEVERITY_ORDER = ("critical", "warning", "info")
MEETINGS = "meetings.cadence"


@dataclass(frozen=True)
class GridColumn:
    provider: str
    column: Column
    expanded: bool  # one cell per period instead of the summary

    @property
    def key(self) -> str:
        return f"{self.provider}:{self.column.key}"


@dataclass
class Row:
    branch: Organisation
    cells: dict[tuple[str, str, str], Cell] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)

    def cell(self, column: GridColumn, period_key: str = oversight.SUMMARY) -> Cell | None:
        return self.cells.get((column.provider, column.column.key, period_key))

    @property
    def problems(self) -> int:
        return sum(c.problems for (_p, _c, period), c in self.cells.items() if period == oversight.SUMMARY)

    @property
    def open_findings(self) -> int:
        return sum(self.findings.values())

    @property
    def has_problems(self) -> bool:
        return self.problems > 0 or self.open_findings > 0


@dataclass
class Grid:
    root: Organisation
    span: Period
    today: date
    columns: list[GridColumn]
    figure_specs: list
    rows: list[Row]
    meeting_types: list[tuple[str, str]]  # (code, name) for the filter

    @property
    def severities(self) -> list[tuple[str, str]]:
        return [(s, findings.SEVERITIES[s]) for s in SEVERITY_ORDER]


def key_figures() -> list:
    specs = []
    for code in KEY_FIGURES:
        try:
            spec = figures.get(code)
        except KeyError:
            continue
        if not spec.records_private:
            specs.append(spec)
    return specs


def _findings_by_branch(root: Organisation, branches: list[Organisation], span: Period) -> dict[int, dict]:
    by_path = {b.path: b for b in branches}
    counts: dict[int, dict[str, int]] = {b.pk: dict.fromkeys(SEVERITY_ORDER, 0) for b in branches}
    for finding in findings_store.stored(root, span):
        branch = nearest(getattr(finding.organisation, "path", ""), by_path)
        if branch is not None and finding.severity in counts[branch.pk]:
            counts[branch.pk][finding.severity] += 1
    return counts


def _computed(root: Organisation, span: Period, today: date, with_findings: bool) -> dict:
    """Every provider's block, the key figures and the findings counts of all branches under root:
    the grid's whole cost, stored until a write under root or the next day (core/stamped.py)."""
    branches = list(selectors.branches_under(root, ""))
    providers, specs = oversight.all(), key_figures()
    if not branches:
        blocks = [(spec.code, oversight.Block()) for spec in providers]
        return {"blocks": blocks, "figures": {spec.code: {} for spec in specs}, "findings": {}}
    tasks = [partial(spec.func, root, branches, span, today) for spec in providers]
    tasks += [partial(figures.compute_by_branch, spec.code, root, branches, span) for spec in specs]
    # the providers, the key figures and the rules side by side (core/parallel.py); the rules then
    # read by the findings' own stored value from the unit of work
    ahead = with_findings and parallel.spreads(len(tasks))
    done = parallel.calls(tasks + (findings.tasks(root, span) if ahead else []))
    blocks = [(spec.code, block) for spec, block in zip(providers, done, strict=False)]
    values = {spec.code: value for spec, value in zip(specs, done[len(providers) :], strict=False)}
    counts = _findings_by_branch(root, branches, span) if with_findings else {}
    return {"blocks": blocks, "figures": values, "findings": counts}


@warmup.register
def _warm(root: Organisation, today: date) -> None:
    build(root, parse_span("", today), today)  # the grid as it opens


def build(
    root: Organisation,
    span: Period,
    today: date,
    *,
    text: str = "",
    meeting_type: str = "",
    only_problems: bool = False,
    sort: str = "",
    with_findings: bool = True,
) -> Grid:
    data = stamped.get_or_compute(
        "bureau.grid",
        root,
        lambda: _computed(root, span, today, with_findings),
        parts=(span.kind, span.start, span.end, with_findings),
        today=today,
    )
    branches = list(selectors.branches_under(root, text))
    rows = {b.pk: Row(b) for b in branches}
    columns: list[GridColumn] = []
    meeting_types: list[tuple[str, str]] = []
    for code, block in data["blocks"]:
        for column in block.columns:
            if code == MEETINGS:
                meeting_types.append((column.key, column.label))
                if meeting_type and column.key != meeting_type:
                    continue
            expanded = code == MEETINGS and column.key == meeting_type
            columns.append(GridColumn(code, column, expanded))
        for (branch_pk, column_key, period_key), cell in block.cells.items():
            if branch_pk in rows:
                rows[branch_pk].cells[(code, column_key, period_key)] = cell
    specs = key_figures()
    for spec in specs:
        for pk, value in data["figures"].get(spec.code, {}).items():
            if pk in rows:
                rows[pk].figures[spec.code] = value
    for pk, counts in data["findings"].items():
        if pk in rows:
            rows[pk].findings = counts
    result = list(rows.values())
    if only_problems:
        result = [r for r in result if r.has_problems]
    result = sort_rows(result, sort, columns)
    return Grid(root, span, today, columns, specs, result, meeting_types)


def sort_rows(rows: list[Row], sort: str, columns: list[GridColumn]) -> list[Row]:
    """Rows arrive in path order (the database's); computed sorts are stable Python sorts."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if not key or key == "name":
        return list(reversed(rows)) if descending else rows
    if key == "problems":
        func = lambda r: (r.problems, r.open_findings)  # noqa: E731
    elif key == "findings":
        func = lambda r: tuple(r.findings.get(s, 0) for s in SEVERITY_ORDER)  # noqa: E731
    elif key.startswith("s:"):
        severity = key[2:]
        func = lambda r: r.findings.get(severity, 0)  # noqa: E731
    elif key.startswith("f:"):
        code = key[2:]
        func = lambda r: r.figures.get(code, 0)  # noqa: E731
    elif key.startswith("c:"):
        provider, _sep, rest = key[2:].partition(":")
        column_key, _sep, period_key = rest.partition(":")

        def func(r: Row):
            cell = r.cells.get((provider, column_key, period_key))
            if cell is None:
                return (len(oversight.RANK), 0, 0)
            # worst state first when ascending: what a bureau looks for
            return (oversight.RANK.get(cell.state, 0), -cell.problems, cell.done)
    else:
        return rows
    return sorted(rows, key=func, reverse=descending)


SPAN = re.compile(r"^(\d{4})(?:(Q[1-4])|-(autumn|spring))?$")


def parse_span(value: str, today: date) -> Period:
    """ "2026" a year, "2026Q2" a quarter, "2025-autumn"/"2025-spring" the terms of school year 2025;
    anything else: this year."""
    match = SPAN.match(value or "")
    if not match or not 2000 <= int(match.group(1)) <= 2200:
        return Period.year(today.year)
    year = int(match.group(1))
    if match.group(2):
        quarter = int(match.group(2)[1])
        return next(q for i, q in enumerate(Period.year(year).quarters()) if i == quarter - 1)
    if match.group(3):
        return Period.term(year, match.group(3))
    return Period.year(year)


def span_choices(today: date) -> list[tuple[str, str]]:
    choices = []
    for year in (today.year, today.year - 1):
        choices.append((str(year), _("%(y)d年") % {"y": year}))
        choices += [(f"{year}Q{q}", _("%(y)d年第%(q)d季度") % {"y": year, "q": q}) for q in range(1, 5)]
        for season in ("autumn", "spring"):
            school_year = year - 1 if season == "spring" else year
            choices.append((f"{school_year}-{season}", Period.term(school_year, season).label))
    return choices


def span_value(span: Period) -> str:
    if span.kind == "year":
        return str(span.start.year)
    if span.kind == "term":
        season = "autumn" if span.start.month == 9 else "spring"
        return f"{span.start.year if season == 'autumn' else span.start.year - 1}-{season}"
    return f"{span.start.year}Q{(span.start.month - 1) // 3 + 1}"


def row_lines(row: Row, columns: list[GridColumn]) -> list[tuple[GridColumn, Cell | None, list]]:
    """A row laid out by column: (column, summary cell, [(period label, cell), …]) for a page that
    shows one branch with every period."""
    return [
        (column, row.cell(column), [(label, row.cell(column, key)) for key, label in column.column.periods])
        for column in columns
    ]


def page_cells(rows, columns: list[GridColumn], specs: list) -> list[tuple[Row, list, list, list]]:
    """The grid page's rows with their cells in column order: expanded columns give one cell per
    period then the summary, others the summary alone."""
    laid = []
    for row in rows:
        cells = []
        for column in columns:
            if column.expanded:
                cells += [row.cell(column, key) for key, _label in column.column.periods]
            cells.append(row.cell(column))
        found = [(code, row.findings.get(code, 0)) for code in SEVERITY_ORDER]
        laid.append((row, cells, [row.figures.get(s.code, 0) for s in specs], found))
    return laid


def headers(data: Grid, sort: str) -> list[dict[str, str]]:
    """The grid's column heads in order, each with its sort key and the key a click sorts by
    (the same key again: the other direction). Computed columns sort worst first."""
    heads = [(str(_("党支部")), "name", "")]
    for column in data.columns:
        base = f"c:{column.provider}:{column.column.key}"
        if column.expanded:
            heads += [(label, f"{base}:{key}", column.column.label) for key, label in column.column.periods]
        heads.append((column.column.label, base, str(_("完成/应完成"))))
    heads += [(spec.label, f"f:{spec.code}", spec.unit) for spec in data.figure_specs]
    heads += [(str(_("问题·%(s)s") % {"s": label}), f"s:{code}", "") for code, label in data.severities]
    current = sort.lstrip("-")
    result = []
    for label, key, hint in heads:
        descending_first = key.startswith(("f:", "s:"))
        if key == current:
            following = key if sort.startswith("-") else f"-{key}"
            arrow = "▼" if sort.startswith("-") else "▲"
        else:
            following, arrow = (f"-{key}" if descending_first else key), ""
        result.append({"label": label, "key": key, "next": following, "arrow": arrow, "hint": hint})
    return result
