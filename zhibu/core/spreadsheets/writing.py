"""Spreadsheet exports: one mechanism every ledger reuses.

An exporter is a row iterator (pretix's shape): `iterate_list()` yields the header first, then one
sequence per row. Renderers turn it into .xlsx (openpyxl write-only, so memory stays flat however
many rows) or .csv (UTF-8 with BOM, which Excel opens without garbling Chinese).

Every text cell that a spreadsheet would read as a formula — beginning with = + - @, a tab or a
carriage return — is prefixed with an apostrophe (OWASP "CSV injection"), in both formats: a name
typed as "=HYPERLINK(...)" must never become a live link in the secretary's Excel.

`templates.import_template(spec)` writes the downloadable template of an import.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# What Excel/WPS would evaluate at the start of a cell, full-width forms included (WPS accepts them).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTH_SAMPLE_ROWS = 200  # rows measured to size the columns; the rest stream through
MIN_WIDTH, MAX_WIDTH = 6, 50
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


class ListExporter:
    """Base of every exporter. Subclasses set title (the sheet name), filename (without extension)
    and optionally note (a line above the header in .xlsx), and implement iterate_list()."""

    title: str = "Sheet1"
    filename: str = "export"
    note: str = ""

    def iterate_list(self) -> Iterator[Sequence[Any]]:
        raise NotImplementedError


def escape_formula(value: Any) -> Any:
    """A text cell a spreadsheet would evaluate gets an apostrophe in front; None becomes an empty
    cell; everything else is unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def display_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def text_width(text: str) -> int:
    """Columns a text needs in Excel: a Chinese character is about two Latin ones wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> list[int]:
    widths = [text_width(display_text(h)) for h in header]
    for row in rows:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], text_width(display_text(value)))
    return [min(MAX_WIDTH, max(MIN_WIDTH, w + 2)) for w in widths]


def sheet_title(title: str) -> str:
    return (title.translate(_BAD_SHEET_CHARS) or "Sheet1")[:31]


def _xlsx_cell(ws, value: Any) -> Any:
    if isinstance(value, bool):
        return display_text(value)
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd" if not isinstance(value, dt.datetime) else "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, int | float | Decimal) or value is None:
        return value
    return escape_formula(str(value))


def render_xlsx(exporter: ListExporter) -> bytes:
    rows = iter(exporter.iterate_list())
    header = list(next(rows))
    sample = list(islice(rows, WIDTH_SAMPLE_ROWS))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(exporter.title))
    for i, width in enumerate(column_widths(header, sample), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    # Set before the first append: write-only sheets write their views with the first row.
    ws.freeze_panes = f"A{3 if exporter.note else 2}"
    bold = Font(bold=True)
    if exporter.note:
        note = WriteOnlyCell(ws, value=escape_formula(exporter.note))
        note.font = bold
        ws.append([note])
    head_cells = []
    for text in header:
        cell = WriteOnlyCell(ws, value=escape_formula(display_text(text)))
        cell.font = bold
        head_cells.append(cell)
    ws.append(head_cells)
    for row in chain(sample, rows):
        ws.append([_xlsx_cell(ws, v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def render_csv(exporter: ListExporter) -> bytes:
    out = io.StringIO(newline="")
    out.write("\ufeff")  # the BOM is what tells Excel the file is UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    for row in exporter.iterate_list():
        writer.writerow([escape_formula(display_text(v)) for v in row])
    return out.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Renderer:
    extension: str
    content_type: str
    render: Callable[[ListExporter], bytes]


RENDERERS: dict[str, Renderer] = {
    "xlsx": Renderer("xlsx", XLSX_TYPE, render_xlsx),
    "csv": Renderer("csv", "text/csv; charset=utf-8", render_csv),
}


@dataclass(frozen=True)
class Rendered:
    content: bytes
    filename: str
    content_type: str


def render(exporter: ListExporter, fmt: str = "xlsx") -> Rendered:
    renderer = RENDERERS.get(fmt) or RENDERERS["xlsx"]
    content = renderer.render(exporter)
    return Rendered(content, f"{exporter.filename}.{renderer.extension}", renderer.content_type)


def attachment(rendered: Rendered) -> HttpResponse:
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = content_disposition_header(True, rendered.filename)
    response["Cache-Control"] = "no-store"  # personal data: no copies in shared caches
    return response
