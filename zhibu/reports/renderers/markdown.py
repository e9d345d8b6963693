"""Markdown: headings, paragraphs with each figure as a link to its records, pipe tables."""

from __future__ import annotations

from zhibu.core.periods import cn_date

from ..document import Document, FigureRun, Heading, Paragraph, SignatureBlock, Table
from .registry import register

SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})


def _text(text: str) -> str:
    return text.translate(SPECIAL)


def _paragraph(block: Paragraph) -> str:
    parts = []
    for run in block.runs or [block.text]:
        if isinstance(run, FigureRun):
            mark = "**" if run.changed else ""
            parts.append(f"{mark}[{_text(run.text)}]({run.link}){mark}")
        else:
            parts.append(_text(run))
    return "".join(parts)


def _table(block: Table) -> list[str]:
    width = max(1, len(block.headers))
    lines = ["| " + " | ".join(_text(str(h)) for h in block.headers) + " |", "|" + " --- |" * width]
    for row in block.cells or block.rows:
        texts = [_paragraph(c) if isinstance(c, Paragraph) else _text(str(c)) for c in row]
        lines.append("| " + " | ".join(t.replace("\n", " ") for t in texts) + " |")
    return lines


@register("md", label="Markdown", content_type="text/markdown; charset=utf-8", order=30)
def render_markdown(document: Document) -> bytes:
    lines = [f"# {_text(document.title)}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + _text(block.text), ""]
        elif isinstance(block, Paragraph):
            lines += [_paragraph(block), ""]
        elif isinstance(block, Table):
            lines += [*_table(block), ""]
        elif isinstance(block, SignatureBlock):
            lines += [f'<p align="right">{_text(block.org_name)}<br>{cn_date(block.on)}</p>', ""]
    return "\n".join(lines).encode("utf-8")
