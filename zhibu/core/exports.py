"""Spreadsheet exports: one mechanism every ledger reuses.

An exporter is a row iterator (pretix's shape): `iterate_list()` yields the header first, then one
sequence per row. Renderers turn it into .xlsx (openpyxl write-only, so memory stays flat however
many rows) or .csv (UTF-8 with BOM, which Excel opens without garbling Chinese).

Every text cell that a spreadsheet would read as a formula — beginning with = + - @, a tab or a
carriage return — is prefixed with an apostrophe (OWASP "CSV injection"), in both formats: a name
typed as "=HYPERLINK(...)" must never become a live link in the secretary's Excel.

`import_template(spec)` writes the downloadable template of an import (tabular.ImportSpec).
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
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .tabular import ImportSpec

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


def _sheet_title(title: str) -> str:
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
    ws = wb.create_sheet(_sheet_title(exporter.title))
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


# --- import templates -----------------------------------------------------------------------

TEMPLATE_ROWS = 1000  # rows the template pre-formats (text columns, drop-downs)
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")


def _template_sheet(wb: Workbook, spec: ImportSpec) -> None:
    ws = wb.active
    ws.title = _sheet_title(spec.title)
    ws.append([c.label for c in spec.columns])
    ws.append([escape_formula(c.example) if c.example not in (None, "") else None for c in spec.columns])
    examples = [c.example for c in spec.columns]
    for i, (column, width) in enumerate(
        zip(spec.columns, column_widths([c.label for c in spec.columns], [examples]), strict=True), start=1
    ):
        letter = get_column_letter(i)
        head = ws.cell(row=1, column=i)
        head.font = Font(bold=True, color="C00000" if column.required else "000000")
        if column.required:
            head.fill = REQUIRED_FILL
        ws.column_dimensions[letter].width = max(width, 12)
        if column.text_format:
            # Text format keeps 18-digit ID numbers and leading zeros as typed.
            for row in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=i).number_format = "@"
        if column.choices:
            check = DataValidation(
                type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True
            )
            # A warning, not a stop: the import also accepts other spellings (中共党员 = 正式党员).
            check.errorStyle = "warning"
            check.showErrorMessage = True
            check.error = _("请从下拉列表中选择")
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    ws.freeze_panes = "A2"


def _notes_sheet(wb: Workbook, spec: ImportSpec, max_mb: str) -> None:
    ws = wb.create_sheet(_("说明"))
    general = [
        _("填写说明"),
        _("1. 在“%(sheet)s”工作表中每人填一行，第一行是列名，请勿修改列名；红色列名为必填。")
        % {"sheet": spec.title},
        _("2. 第2行是示例，导入前请删除。"),
        _("3. 可以上传本模板（.xlsx），也可以上传CSV文件（UTF-8或GBK编码，Excel“另存为CSV”即可）。"),
        _("4. 文件不超过%(mb)s，每次最多%(n)d行。") % {"mb": max_mb, "n": spec.max_rows},
        _("5. 系统先检查全部行，只要有一处问题就一行也不导入，并列出每个问题所在的工作表、行、列和原因。"),
        "",
    ]
    for line in general:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    start = len(general) + 1
    ws.append([_("列名"), _("是否必填"), _("填写说明"), _("也可写作")])
    for cell in ws[start]:
        cell.font = Font(bold=True)
    for column in spec.columns:
        ws.append(
            [
                column.label,
                _("必填") if column.required else _("选填"),
                column.help,
                "、".join(column.aliases),
            ]
        )
    for letter, width in zip("ABCD", (18, 10, 70, 30), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=start + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def import_template(spec: ImportSpec, max_mb: str) -> bytes:
    """The template users download: the header row, one example row, and a 说明 sheet."""
    wb = Workbook()
    _template_sheet(wb, spec)
    _notes_sheet(wb, spec, max_mb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
