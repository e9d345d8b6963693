"""台账 workbook: a summary sheet of every figure, then one sheet per ledger (each first-level
heading of the ledger document) with each figure's records under the official field headers."""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from zhibu.core.spreadsheets.writing import XLSX_TYPE
from zhibu.core.spreadsheets.writing import escape_formula as cell

from ..document import Document, FigureRun, Heading, Paragraph, Table
from .registry import register

BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2E6D8")


def sheet_title(text: str, taken: set[str]) -> str:
    base = BAD_SHEET_CHARS.sub("_", text)[:28] or "Sheet"
    title, n = base, 2
    while title in taken:
        title, n = f"{base[:26]}_{n}", n + 1
    taken.add(title)
    return title


def _number(text: str):
    """Figure values go in as numbers so the workbook can sum them."""
    try:
        return int(text)
    except ValueError:
        try:
            return float(Decimal(text))
        except InvalidOperation:
            return cell(text)


def _plain(paragraph: Paragraph) -> str:
    return "".join(r.text if isinstance(r, FigureRun) else r for r in paragraph.runs or [paragraph.text])


@register(
    "xlsx",
    label="Excel 台账",
    content_type=XLSX_TYPE,
    order=40,
)
def render_xlsx(document: Document) -> bytes:
    book = Workbook()
    summary = book.active
    taken: set[str] = set()
    summary.title = sheet_title("统计汇总", taken)
    summary.append([cell(document.title)])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append([cell(document.period.label)])
    summary.append(["台账", "统计项", "数值", "单位", "代码"])
    for c in summary[3]:
        c.font, c.fill = BOLD, HEADER_FILL
    sheet, ledger = summary, ""
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            ledger = block.text
            sheet = book.create_sheet(sheet_title(ledger, taken))
            sheet.append([cell(ledger)])
            sheet["A1"].font = Font(bold=True, size=13)
        elif isinstance(block, Paragraph):
            sheet.append([])
            sheet.append([cell(_plain(block))])
            sheet.cell(sheet.max_row, 1).font = BOLD
            for run in block.runs:
                if isinstance(run, FigureRun):
                    row = [cell(ledger), cell(run.label), _number(run.value), cell(run.unit), run.code]
                    summary.append(row)
        elif isinstance(block, Table):
            sheet.append([cell(h) for h in block.headers])
            for c in sheet[sheet.max_row]:
                c.font, c.fill = BOLD, HEADER_FILL
            for row in block.cells or block.rows:
                sheet.append([cell(_plain(c)) if isinstance(c, Paragraph) else cell(c) for c in row])
    for ws in book.worksheets:
        for column in ws.columns:
            letter = column[0].column_letter
            ws.column_dimensions[letter].width = 16
        ws.sheet_view.zoomScale = 100
        for row in ws.iter_rows():
            for c in row:
                c.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
