"""Spreadsheet exports: one mechanism every ledger reuses.

An exporter is a row iterator (pretix's shape): `iterate_list()` yields the header first, then one
sequence per row. Renderers turn it into .xlsx (openpyxl write-only, so memory stays flat however
many rows) or .csv (UTF-8 with BOM, which Excel opens without garbling Chinese). Both are registered
as the "rows" renderers of `core.registries.exporters` (by core/exporters.py); files are served by
`core.downloads`. Both report progress every PROGRESS_EVERY rows (see the registry's docstring).

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
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..registries.exporters import ROWS, Progress, no_progress

# What Excel/WPS would evaluate at the start of a cell, full-width forms included (WPS accepts them).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTH_SAMPLE_ROWS = 200  # rows measured to size the columns; the rest stream through
MIN_WIDTH, MAX_WIDTH = 6, 50
PROGRESS_EVERY = 500  # rows between two progress reports
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


class ListExporter:
    """Base of every row exporter. Subclasses set title (the sheet name), filename (without
    extension) and optionally note (a line above the header in .xlsx), and implement iterate_list().
    iterate_list() may set `total` (the number of data rows) once it knows it, for progress reports."""

    export_source = ROWS
    title: str = "Sheet1"
    filename: str = "export"
    note: str = ""
    total: int | None = None

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


class _Counter:
    """Counts the data rows a renderer writes and reports them every PROGRESS_EVERY rows."""

    def __init__(self, exporter: ListExporter, progress: Progress):
        self.exporter, self.progress, self.done = exporter, progress, 0

    def tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self.progress(self.done, self.exporter.total)

    def finish(self) -> None:
        self.progress(self.done, self.exporter.total if self.exporter.total is not None else self.done)


def render_xlsx(exporter: ListExporter, progress: Progress = no_progress) -> bytes:
    counter = _Counter(exporter, progress)
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
        counter.tick()
    out = io.BytesIO()
    wb.save(out)
    counter.finish()
    return out.getvalue()


def render_csv(exporter: ListExporter, progress: Progress = no_progress) -> bytes:
    counter = _Counter(exporter, progress)
    out = io.StringIO(newline="")
    out.write("\ufeff")  # the BOM is what tells Excel the file is UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    rows = iter(exporter.iterate_list())
    writer.writerow([escape_formula(display_text(v)) for v in next(rows)])
    for row in rows:
        writer.writerow([escape_formula(display_text(v)) for v in row])
        counter.tick()
    counter.finish()
    return out.getvalue().encode("utf-8")
