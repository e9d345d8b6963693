"""Reading an uploaded file into sheets of numbered rows, whatever it is: .xlsx (openpyxl,
read-only), or CSV/tab-separated text in UTF-8 (with or without BOM), GB18030/GBK or UTF-16.
Anything else is refused with a Chinese reason before parsing (see reading.py for the rest)."""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from . import guard

log = logging.getLogger(__name__)

Upload = bytes | BinaryIO
Row = tuple[int, Sequence[Any]]  # (row number as Excel shows it, cell values)

NOT_A_SPREADSHEET = "文件不是Excel（.xlsx）或CSV表格"
DAMAGED = "Excel文件已损坏，无法读取：请在Excel中打开并另存为.xlsx后再导入"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_OOXML_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class RowError:
    """One problem, located the way the user finds it in Excel."""

    sheet: str = ""
    row: int | None = None
    column: str = ""  # the header as written in the file
    letter: str = ""  # the Excel column letter, e.g. "D"
    reason: str = ""

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(_("工作表“%(s)s”") % {"s": self.sheet})
        if self.row:
            where.append(_("第%(n)d行") % {"n": self.row})
        if self.column:
            where.append(_("“%(c)s”列") % {"c": self.column})
        elif self.letter:
            where.append(_("%(l)s列") % {"l": self.letter})
        return f"{''.join(where)}：{self.reason}" if where else self.reason


class ImportRefused(Exception):
    """The whole file cannot be used (not a spreadsheet, too big, no header, ...)."""

    def __init__(self, reason: str, *, sheet: str = "", row: int | None = None, letter: str = ""):
        super().__init__(reason)
        self.error = RowError(sheet=sheet, row=row, letter=letter, reason=reason)


# --- reading bytes --------------------------------------------------------------------------


def limit_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB"


def read_bytes(upload: Upload) -> bytes:
    """The upload's bytes, refusing an empty or oversized file before reading more than the limit."""
    limit = settings.ZHIBU_IMPORT_MAX_BYTES
    too_big = _("文件大小超过%(limit)s，请删去无关的工作表或分批导入") % {"limit": limit_text(limit)}
    if isinstance(upload, bytes | bytearray):
        data = bytes(upload)
    else:
        size = getattr(upload, "size", None)
        if size is not None and size > limit:
            raise ImportRefused(too_big)
        if hasattr(upload, "seek"):
            upload.seek(0)
        data = upload.read(limit + 1)
    if len(data) > limit:
        raise ImportRefused(too_big)
    if not data.strip():
        raise ImportRefused(_("文件是空的"))
    return data


def sheet_name_for_csv(filename: str) -> str:
    # Excel names a CSV's only sheet after the file, so that is what the user sees in the tab.
    return PurePath(filename).stem if filename else "Sheet1"


def iter_sheets(data: bytes, filename: str = "") -> Iterator[tuple[str, Iterator[Row]]]:
    """(sheet name, rows) for every sheet, detected by content, not by the file name."""
    if data.startswith(_ZIP):
        yield from _xlsx_sheets(data)
    elif data.startswith(_OLE2):
        raise ImportRefused(
            _("这是旧版Excel（.xls）文件或设置了密码的文件，请在Excel中“另存为”Excel工作簿（.xlsx）后再导入")
        )
    else:
        sheet = sheet_name_for_csv(filename)
        yield sheet, _bounded(sheet, _csv_rows(decode_text(data)), guard.deadline())


def _xlsx_sheets(data: bytes) -> Iterator[tuple[str, Iterator[Row]]]:
    ends_at = guard.deadline()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportRefused(_(NOT_A_SPREADSHEET)) from None
    if not all(part in names for part in _OOXML_PARTS):
        raise ImportRefused(_(NOT_A_SPREADSHEET))
    try:
        unpacked = guard.UNZIP_FACTOR * settings.ZHIBU_IMPORT_MAX_BYTES
        guard.check_archive(archive, max_total=unpacked, what=_("Excel文件"))
        guard.check_parts(archive, ends_at)
    except guard.Refusal as refusal:
        title = guard.sheet_titles(archive).get(refusal.part, "") if refusal.row else ""
        raise ImportRefused(refusal.reason, sheet=title, row=refusal.row, letter=refusal.letter) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for damaged files; all mean the same to the user
        log.info("unreadable xlsx upload", exc_info=True)
        raise ImportRefused(_(DAMAGED)) from None
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "iter_rows"):  # chartsheets
                continue
            # Dimensions written by some tools are wrong; forgetting them makes openpyxl read every row.
            sheet.reset_dimensions()
            yield sheet.title, _bounded(sheet.title, _numbered(sheet.iter_rows(values_only=True)), ends_at)
    finally:
        workbook.close()


def _numbered(rows: Iterator[Sequence[Any]]) -> Iterator[Row]:
    try:
        yield from enumerate(rows, start=1)
    except Exception:  # a damaged sheet part fails only while it is being read
        log.info("unreadable xlsx sheet", exc_info=True)
        raise ImportRefused(_(DAMAGED)) from None


def _bounded(sheet: str, rows: Iterator[Row], ends_at: float) -> Iterator[Row]:
    """The rows while they stay within guard's bounds; a refusal names the sheet, row and column.
    The same bounds as guard.check_parts, for CSV and as a second line for .xlsx."""
    for number, values in rows:
        if number % 1000 == 0 and time.monotonic() > ends_at:
            raise ImportRefused(guard.too_slow().reason, sheet=sheet, row=number)
        problem = _row_problem(number, values)
        if problem is not None:
            raise ImportRefused(problem.reason, sheet=sheet, row=number, letter=problem.letter)
        yield number, values


def _row_problem(number: int, values: Sequence[Any]) -> guard.Refusal | None:
    if number > guard.MAX_ROWS:
        return guard.Refusal(guard.too_many_rows())
    for column, value in enumerate(values, start=1):
        if column > guard.MAX_COLUMNS and value not in (None, ""):
            return guard.Refusal(guard.too_many_columns(), column=guard.MAX_COLUMNS + 1)
        if isinstance(value, str) and len(value) > guard.MAX_CELL_CHARS:
            return guard.Refusal(guard.cell_too_long(), column=column)
    return None


def decode_text(data: bytes) -> str:
    """Strict UTF-8 (BOM or not) first, then GB18030; binary files are refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode 文本" (tab-separated UTF-16) is a spreadsheet too.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefused(_(NOT_A_SPREADSHEET)) from None
    elif b"\x00" in data or data.startswith(b"%PDF"):
        raise ImportRefused(_(NOT_A_SPREADSHEET))
    else:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportRefused(_(NOT_A_SPREADSHEET))
    if _CONTROL.search(text) or text.lstrip().startswith("<"):
        # Control characters: a binary file that happened to decode. "<": the HTML some systems
        # save with an .xls name.
        raise ImportRefused(_(NOT_A_SPREADSHEET))
    return text


def _csv_rows(text: str) -> Iterator[Row]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        # One record is one Excel row even when a quoted cell spans several lines.
        for number, values in enumerate(reader, start=1):
            yield number, values
    except csv.Error as exc:
        if "field limit" in str(exc):  # the csv module's own cap (131,072 characters) on one cell
            raise ImportRefused(guard.cell_too_long(), row=number + 1) from None
        raise ImportRefused(_("CSV文件格式有误，无法读取"), row=number + 1) from None
