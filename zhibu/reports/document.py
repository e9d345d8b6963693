"""The document model every builder produces and every renderer consumes.

Paragraph text is kept as the *source* (with {fig:code|k=v} references) so the secretary can edit
it and references survive; `resolve` turns a paragraph into runs of plain text and FigureRuns,
using the values stored with the revision (and, after a recheck, the values that changed).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, ClassVar
from urllib.parse import urlencode

from django.urls import reverse

from zhibu.core.periods import Period
from zhibu.core.registries.exporters import DOCUMENT
from zhibu.core.registries.sections import TOKEN, parse_token, split_period, token_key


@dataclass
class FigureRun:
    code: str
    params: dict[str, str]
    value: str
    unit: str
    label: str
    link: str
    previous: str | None = None  # the value stored before a recheck changed it

    @property
    def changed(self) -> bool:
        return self.previous is not None

    @property
    def text(self) -> str:
        return f"{self.value}{self.unit}"


@dataclass
class Heading:
    level: int  # 1: 一、 2: （一）
    text: str
    type: str = "heading"


@dataclass
class Paragraph:
    text: str  # source with {fig:…} references
    key: str = ""  # stable id so an edit finds its paragraph
    style: str = "body"  # body | lead (no indent, e.g. a salutation) | note (muted hint)
    type: str = "para"
    runs: list[str | FigureRun] = field(default_factory=list)


@dataclass
class Table:
    """Rows of values (the ledger workbook's records), or — `references=True` — of source text like
    a paragraph's, where a cell may be a figure reference (the monthly summary's key figures, each
    for its own period), resolved into `cells`."""

    headers: list[str]
    rows: list[list[Any]]
    caption: str = ""
    references: bool = False
    type: str = "table"
    cells: list[list[Paragraph]] = field(default_factory=list)  # derived, never stored

    def __post_init__(self) -> None:
        if self.references and not self.cells:
            self.cells = [
                [Paragraph("" if value is None else str(value), style="cell") for value in row]
                for row in self.rows
            ]


@dataclass
class SignatureBlock:
    org_name: str
    on: date
    type: str = "signature"


Block = Heading | Paragraph | Table | SignatureBlock


@dataclass
class Document:
    export_source: ClassVar[str] = DOCUMENT  # rendered by the registry's "document" renderers

    kind: str
    title: str
    org: Any
    period: Period
    blocks: list[Block] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        """Body paragraphs, then table cells (so each cell's references are evaluated and
        resolved like a paragraph's)."""
        body = [b for b in self.blocks if isinstance(b, Paragraph)]
        cells = [c for b in self.blocks if isinstance(b, Table) for row in b.cells for c in row]
        return body + cells

    def figure_runs(self) -> list[FigureRun]:
        return [r for p in self.paragraphs() for r in p.runs if isinstance(r, FigureRun)]


# Clause marks, weakest first: where drafted clauses meet ("……，" + "，另有……", "……。" + "。"), the
# strongest of a run of marks stands for all of them.
MARKS = "、，：；。"
DOUBLED = re.compile(f"[{MARKS}]{{2,}}")


def tidy(text: str) -> str:
    """Collapse doubled punctuation ("，，", "，。", "。。") to the strongest mark of the run."""
    return DOUBLED.sub(lambda m: max(m.group(0), key=MARKS.index), text)


def references(text: str) -> list[tuple[str, dict[str, str]]]:
    return [parse_token(m.group(1), m.group(2)) for m in TOKEN.finditer(text)]


def figure_link(code: str, org, period: Period, params: dict[str, str]) -> str:
    period, params = split_period(params, period)
    query = {"org": org.code, "from": period.start.isoformat(), "to": period.end.isoformat()}
    query.update({f"p.{k}": v for k, v in params.items()})
    return reverse("core:figure", args=[code]) + "?" + urlencode(query)


def resolve(paragraph: Paragraph, values: dict[str, dict], org, period: Period, changes: dict | None = None):
    """Fill paragraph.runs from its source text and the stored values {token_key: {value, unit, label}}."""
    changes = changes or {}
    runs: list[str | FigureRun] = []
    pos = 0
    for match in TOKEN.finditer(paragraph.text):
        if match.start() > pos:
            runs.append(paragraph.text[pos : match.start()])
        code, params = parse_token(match.group(1), match.group(2))
        key = token_key(code, params)
        stored = values.get(key, {"value": "?", "unit": "", "label": code})
        runs.append(
            FigureRun(
                code=code,
                params=params,
                value=stored["value"],
                unit=stored["unit"],
                label=stored["label"],
                link=figure_link(code, org, period, params),
                previous=changes.get(key, {}).get("previous"),
            )
        )
        pos = match.end()
    if pos < len(paragraph.text):
        runs.append(paragraph.text[pos:])
    paragraph.runs = runs
    return paragraph


# -- JSON (the revision stores blocks; runs are derived and never stored) ------------------------
def blocks_to_json(blocks: list[Block]) -> list[dict]:
    out = []
    for block in blocks:
        data = asdict(block)
        data.pop("runs", None)
        data.pop("cells", None)
        if isinstance(block, SignatureBlock):
            data["on"] = block.on.isoformat()
        out.append(data)
    return out


def blocks_from_json(data: list[dict]) -> list[Block]:
    makers = {
        "heading": lambda d: Heading(level=d["level"], text=d["text"]),
        "para": lambda d: Paragraph(text=d["text"], key=d.get("key", ""), style=d.get("style", "body")),
        "table": lambda d: Table(
            headers=d["headers"],
            rows=d["rows"],
            caption=d.get("caption", ""),
            references=d.get("references", False),
        ),
        "signature": lambda d: SignatureBlock(org_name=d["org_name"], on=date.fromisoformat(d["on"])),
    }
    return [makers[d["type"]](d) for d in data]
