"""Reading uploaded spreadsheets for imports: one mechanism every ledger reuses.

An import declares an `ImportSpec` (its columns: Chinese header, aliases, parser, required,
unique). `parse_upload(upload, spec)` then

1. refuses what is not a spreadsheet before parsing anything: an empty file, a file over
   settings.ZHIBU_IMPORT_MAX_BYTES, anything that is neither an .xlsx (a zip holding the OOXML
   workbook parts, read by openpyxl in read-only mode) nor text that decodes as strict UTF-8 (with
   or without BOM) or GB18030 (which covers GBK, what Chinese Excel saves as "CSV");
2. finds the header row (the first of the first ten non-empty rows that names every required
   column, so a title line above the header is fine) and maps headers to columns by name;
3. parses every row and collects *every* problem as a `RowError(sheet, row, column, reason)`,
   with rows numbered as Excel numbers them.

The caller (a service) adds its own checks against the database with `result.add_error` and
writes only when `result.ok`. Nothing here touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from .cells import CellError, Parser, as_text, is_blank, text_cell
from .files import ImportRefused, Row, RowError, Upload, iter_sheets, read_bytes

_HEADER_NOISE = re.compile(r"[\s\u3000*＊:：]+")
_HEADER_NOTE = re.compile(r"[（(][^（()）]*[）)]$")


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header the template writes
    parse: Parser = field(default_factory=text_cell)
    required: bool = False  # the column must be present and every cell filled
    aliases: tuple[str, ...] = ()  # other headers users' own sheets use for the same column
    unique: bool = False  # no two rows of the file may share a value
    default: Any = None  # for blank cells and absent optional columns
    example: Any = ""  # the template's example row
    help: str = ""  # the template's 说明 sheet
    text_format: bool = False  # the template formats the column as text (ID numbers, phones)
    choices: tuple[str, ...] = ()  # the template offers these in a drop-down


@dataclass(frozen=True)
class ImportSpec:
    """What one import expects. Declared once, as data, beside the service that writes the rows."""

    code: str
    title: str  # the template's sheet name and file name, e.g. 花名册
    columns: tuple[Column, ...]
    max_rows: int = 5000
    header_scan_rows: int = 10

    def index(self) -> dict[str, Column]:
        table: dict[str, Column] = {}
        for column in self.columns:
            for name in (column.label, *column.aliases):
                table[normalise_header(name)] = column
        return table

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]
    failed: set[str] = field(default_factory=set)  # keys whose cell was already reported

    def usable(self, *keys: str) -> bool:
        """True when none of the keys failed, so a cross-field check does not repeat a cell's error."""
        return not self.failed.intersection(keys)


@dataclass
class ImportResult:
    sheet: str = ""
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # key → (header as written, letter): so a service's own errors name the column as the user wrote it
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    created: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def add_error(self, row: int | None, key: str | None, reason: str, *, label: str = "") -> None:
        header, letter = self.columns.get(key or "", (label, ""))
        self.errors.append(RowError(sheet=self.sheet, row=row, column=header, letter=letter, reason=reason))

    def sort_errors(self) -> None:
        self.errors.sort(key=lambda e: (e.row or 0, e.letter.rjust(3)))


def normalise_header(text: Any) -> str:
    """ "出生日期（格式2023-04-18）", " 姓 名 *" and "身份证号：" match 出生日期, 姓名, 身份证号."""
    cleaned = _HEADER_NOISE.sub("", as_text(text)) if text is not None else ""
    return _HEADER_NOTE.sub("", cleaned)


# --- header and rows --------------------------------------------------------------------------


def _blank_row(values: Sequence[Any]) -> bool:
    return all(is_blank(v) for v in values)


@dataclass
class _Header:
    row: int
    found: dict[str, tuple[int, str]]  # key → (0-based index, header as written)
    duplicates: list[RowError]
    ignored: list[str]


def _match_header(spec: ImportSpec, sheet: str, number: int, values: Sequence[Any]) -> _Header:
    index = spec.index()
    found: dict[str, tuple[int, str]] = {}
    duplicates: list[RowError] = []
    ignored: list[str] = []
    for i, raw in enumerate(values):
        if is_blank(raw):
            continue
        column = index.get(normalise_header(raw))
        if column is None:
            ignored.append(as_text(raw))
        elif column.key in found:
            first = get_column_letter(found[column.key][0] + 1)
            reason = _("“%(c)s”列重复出现（%(a)s列和%(b)s列），请只保留一列") % {
                "c": column.label,
                "a": first,
                "b": get_column_letter(i + 1),
            }
            duplicates.append(RowError(sheet, number, as_text(raw), get_column_letter(i + 1), reason))
        else:
            found[column.key] = (i, as_text(raw))
    return _Header(number, found, duplicates, ignored)


def _find_header(spec: ImportSpec, sheet: str, rows: Iterator[Row]) -> tuple[_Header | None, _Header | None]:
    """(complete header, best partial header) among the sheet's first non-empty rows."""
    best: _Header | None = None
    seen = 0
    for number, values in rows:
        if _blank_row(values):
            continue
        header = _match_header(spec, sheet, number, values)
        if all(c.key in header.found for c in spec.required):
            return header, header
        if best is None or len(header.found) > len(best.found):
            best = header
        seen += 1
        if seen >= spec.header_scan_rows:
            break
    return None, best


def _missing_columns(spec: ImportSpec, sheet: str, best: _Header | None) -> ImportRefused:
    found = best.found if best else {}
    missing = "、".join(c.label for c in spec.required if c.key not in found)
    reason = _("缺少必填列：%(cols)s。表头应为一行列名，可下载导入模板对照") % {"cols": missing}
    return ImportRefused(reason, sheet=sheet, row=best.row if best else 1)


def _locate(
    spec: ImportSpec, sheets: Iterator[tuple[str, Iterator[Row]]]
) -> tuple[str, _Header, Iterator[Row]]:
    """The first sheet whose header names every required column, and its remaining rows."""
    first_problem: ImportRefused | None = None
    any_content = False
    for sheet, rows in sheets:
        header, best = _find_header(spec, sheet, rows)
        if header is not None:
            return sheet, header, rows
        any_content = any_content or best is not None
        if best is not None and first_problem is None:
            first_problem = _missing_columns(spec, sheet, best)
    if not any_content:
        raise ImportRefused(_("表格是空的：没有表头，也没有数据"))
    assert first_problem is not None
    raise first_problem


def _is_example(spec: ImportSpec, header: _Header, values: Sequence[Any]) -> bool:
    examples = [(c, header.found.get(c.key)) for c in spec.columns if c.example not in ("", None)]
    if not examples or any(pos is None for _, pos in examples):
        return False
    return all(
        pos[0] < len(values) and as_text(values[pos[0]]) == as_text(c.example)
        for c, pos in examples
        if pos is not None
    )


def _parse_row(
    spec: ImportSpec, result: ImportResult, header: _Header, number: int, values: Sequence[Any]
) -> ParsedRow:
    parsed = ParsedRow(number, {})
    for column in spec.columns:
        position = header.found.get(column.key)
        raw = values[position[0]] if position and position[0] < len(values) else None
        if is_blank(raw):
            if column.required:
                result.add_error(number, column.key, _("不能为空"))
                parsed.failed.add(column.key)
            parsed.values[column.key] = column.default
            continue
        try:
            parsed.values[column.key] = column.parse(raw)
        except CellError as exc:
            result.add_error(number, column.key, str(exc))
            parsed.values[column.key] = None
            parsed.failed.add(column.key)
    return parsed


def _check_unique(spec: ImportSpec, result: ImportResult) -> None:
    for column in spec.columns:
        if not column.unique:
            continue
        first_row: dict[Any, int] = {}
        for row in result.rows:
            value = row.values.get(column.key)
            if value in (None, ""):
                continue
            if value in first_row:
                result.add_error(row.row, column.key, _("与第%(n)d行重复") % {"n": first_row[value]})
            else:
                first_row[value] = row.row


def parse_upload(upload: Upload, spec: ImportSpec, *, filename: str = "") -> ImportResult:
    """Read and validate every row; `result.errors` lists every problem found, `result.rows` the values."""
    filename = filename or getattr(upload, "name", "") or ""
    result = ImportResult()
    sheets = None
    try:
        # The caller holds the sheet generator so the workbook stays open while rows are read.
        sheets = iter_sheets(read_bytes(upload), filename)
        sheet, header, rows = _locate(spec, sheets)
        result.sheet = sheet
        result.columns = {k: (text, get_column_letter(i + 1)) for k, (i, text) in header.found.items()}
        result.ignored_columns = header.ignored
        result.errors.extend(header.duplicates)
        for number, values in rows:
            if _blank_row(values):
                continue
            if len(result.rows) >= spec.max_rows:
                raise ImportRefused(
                    _("数据超过%(n)d行，请分批导入") % {"n": spec.max_rows}, sheet=sheet, row=number
                )
            if _is_example(spec, header, values):
                result.add_error(number, None, _("这是导入模板中的示例行，请删除后再导入"))
                continue
            result.rows.append(_parse_row(spec, result, header, number, values))
    except ImportRefused as refused:
        return ImportResult(sheet=refused.error.sheet, errors=[refused.error])
    finally:
        if sheets is not None:
            sheets.close()
    if not result.rows and not result.errors:
        result.add_error(None, None, _("表格只有表头，没有数据行"))
    _check_unique(spec, result)
    result.sort_errors()
    return result
