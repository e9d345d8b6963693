"""Parts every narrative document shares: drafted sections, generic ledger paragraphs for ledgers
that registered figures but no section, weaknesses from findings, plans from findings and
obligations, and computing the figures a document references."""

from __future__ import annotations

from collections import OrderedDict

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings, sections
from zhibu.core.registries.figures import FigureValue
from zhibu.core.registries.findings import Finding
from zhibu.core.registries.sections import SectionContext, fig, token_key

from .. import synthesis
from ..document import Document, Heading, Paragraph, references, resolve

CN_NUMERALS = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (enough for headings)."""
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMERALS[ones - 1] if ones else "")


def h1(n: int, text: str) -> Heading:
    return Heading(1, f"{cn_number(n)}、{text}")


def h2(n: int, text: str) -> Heading:
    return Heading(2, f"（{cn_number(n)}）{text}")


def ledgers_with_figures() -> OrderedDict[str, list]:
    grouped: OrderedDict[str, list] = OrderedDict()
    for spec in figures.all():
        grouped.setdefault(spec.ledger, []).append(spec)
    return grouped


def ledgers_without_section(document: str) -> list[str]:
    covered = {spec.ledger for spec in sections.for_document(document)}
    return [ledger for ledger in ledgers_with_figures() if ledger not in covered]


def generic_paragraph(ledger: str, ctx: SectionContext, *, nonzero_only: bool = False) -> Paragraph | None:
    """ "<ledger label>：<figure label><value>，…。" — how a new ledger reaches every document."""
    parts = []
    for spec in ledgers_with_figures().get(ledger, []):
        if nonzero_only and not ctx.value(spec.code).value:
            continue
        parts.append(f"{spec.label}{fig(spec.code)}")
    if not parts:
        return None
    return Paragraph(f"{sections.ledger_label(ledger)}：" + "，".join(parts) + "。")


def drafted(document: str, part: str, org, period: Period, ctx: SectionContext):
    """[(spec, [Paragraph…])] for the sections registered for this document and part."""
    out = []
    for spec in sections.for_document(document, part):
        paras = [Paragraph(str(p.text)) for p in spec.func(org, period, ctx)]
        if paras:
            out.append((spec, paras))
    return out


def open_findings(org, period: Period) -> list[Finding]:
    # Documents travel upward: parts 三 and 四 say them in aggregate (synthesis.py), never by name.
    return list(findings.run(org, period))


def weakness_paragraphs(found: list[Finding]) -> list[Paragraph]:
    return [Paragraph(text) for text in synthesis.weakness_texts(found)]


def plan_paragraphs(org, period: Period, found: list[Finding]) -> list[Paragraph]:
    return [Paragraph(text) for text in synthesis.intention_texts(org, period, found)]


# -- figures -------------------------------------------------------------------------------------
def fmt_value(value) -> str:
    # A figure quantizes its own Decimal (money to 0.01 yuan, a rate to 0.1 %); show it as given.
    return str(value)


def value_entry(fv: FigureValue) -> dict:
    return {"value": fmt_value(fv.value), "unit": fv.spec.unit, "label": fv.spec.label}


def evaluate(texts: list[str], ctx: SectionContext) -> dict[str, dict]:
    """{token_key: {value, unit, label}} for every reference in texts, each figure computed once."""
    values: dict[str, dict] = {}
    for text in texts:
        for code, params in references(text):
            key = token_key(code, params)
            if key not in values:
                values[key] = value_entry(ctx.value(code, **params))
    return values


def resolve_all(document: Document, values: dict[str, dict], changes: dict | None = None) -> Document:
    for paragraph in document.paragraphs():
        resolve(paragraph, values, document.org, document.period, changes)
    return document
