"""From a saved revision back to a resolved Document, and the figure arithmetic of edits and
rechecks. No writes here: services call these inside their transactions."""

from __future__ import annotations

from functools import partial

from zhibu.core import parallel
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.registries.exporters import Progress, no_progress
from zhibu.core.registries.sections import SectionContext

from .builders import build
from .builders.common import evaluate, resolve_all
from .document import Document, blocks_from_json, blocks_to_json, references
from .models import ReportDocument, ReportRevision


def period_of(record: ReportDocument) -> Period:
    return Period(record.period_kind, record.start, record.end)


def period_between(start, end) -> Period:
    """The named period two dates make when they make one (a year, a 学期, a month), else a span,
    so titles read "2023年度" or "2022—2023学年度第一学期" rather than two dates."""
    candidates = [Period.year(start.year), Period.month(start.year, start.month), Period.term_of(start)]
    for candidate in candidates:
        if candidate is not None and (candidate.start, candidate.end) == (start, end):
            return candidate
    return Period.span(start, end)


def draft(
    kind: str, org, period: Period, progress: Progress = no_progress
) -> tuple[Document, dict[str, dict]]:
    """Build a fresh document and the values of every figure it references (resolved);
    `progress(done, total)` follows the figures computed (a background job's bar)."""
    # Part 三's numbers count findings: each rule runs once for the draft and its numbers.
    with findings.memoised():
        prefetch(org, period)
        document, ctx = build(kind, org, period, progress)
        values = evaluate([p.text for p in document.paragraphs()], ctx)
    progress(ctx.computed, ctx.computed)
    return resolve_all(document, values), values


def prefetch(org, period: Period) -> None:
    """Every rule and every listed figure computed side by side (core/parallel.py)
    before the sections ask for them one after another: a bureau's year is some sixty rules and a
    hundred figures, each a query and Python over its rows, and the two threads keep the database
    and Python busy at once. Within the draft's unit of work each result is then read, not computed
    again; the few figures no section of this document asks for cost a query each, so on one thread
    (ZHIBU_PARALLEL=1, inside a transaction) nothing is fetched ahead."""
    tasks = findings.tasks(org, period)
    # the listed figures: those the figure list computes without parameters (findings.count means
    # nothing without its rule=)
    tasks += [partial(figures.compute, spec.code, org, period) for spec in figures.all() if spec.listed]
    if parallel.spreads(len(tasks)):
        parallel.calls(tasks)


def draft_payload(
    kind: str, org, period: Period, progress: Progress = no_progress
) -> tuple[str, list[dict], dict[str, dict]]:
    document, values = draft(kind, org, period, progress)
    return document.title, blocks_to_json(document.blocks), values


def load(record: ReportDocument, revision: ReportRevision | None = None) -> Document:
    revision = revision or current_revision(record)
    document = Document(record.kind, record.title, record.organisation, period_of(record))
    document.blocks = blocks_from_json(revision.blocks if revision else [])
    values = revision.values if revision else {}
    changes = revision.changes if revision else {}
    return resolve_all(document, values, changes)


def current_revision(record: ReportDocument) -> ReportRevision | None:
    return record.revisions.filter(number=record.revision_number).first()


def texts_of(blocks: list[dict]) -> list[str]:
    """Every source text with references: paragraphs and table cells."""
    paras = [b["text"] for b in blocks if b.get("type") == "para"]
    cells = [str(c) for b in blocks if b.get("type") == "table" for row in b["rows"] for c in row]
    return paras + cells


def recompute(record: ReportDocument, blocks: list[dict]) -> dict[str, dict]:
    ctx = SectionContext(document=record.kind, org=record.organisation, period=period_of(record))
    return evaluate(texts_of(blocks), ctx)


def diff(old: dict[str, dict], new: dict[str, dict]) -> dict[str, dict]:
    """{key: {previous, value}} for every figure present in both whose value moved."""
    return {
        key: {"previous": f"{old[key]['value']}{old[key]['unit']}", "value": new[key]["value"]}
        for key in new
        if key in old and old[key]["value"] != new[key]["value"]
    }


def unknown_references(text: str) -> list[str]:
    bad = []
    for code, _params in references(text):
        try:
            figures.get(code)
        except KeyError:
            bad.append(code)
    return bad
