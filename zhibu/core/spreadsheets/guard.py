"""Bounds on an uploaded .xlsx, checked before openpyxl reads it, so that one hostile or broken file
cannot stall a shared server (issue 16: a 340 KB file of blank rows once cost 110 s and 3.7 GB).

Two passes, both in constant memory:

1. the zip directory (`check_archive`): how many entries, their names (no ../ or absolute paths),
   the unpacked size of each and of all, and each entry's compression ratio (a zip bomb);
2. every XML part, streamed through expat in small chunks (`check_parts`): no DTD (billion laughs,
   external entities: an OOXML part never has one), a bounded number of elements, rows, columns
   and cells per worksheet, and no text run longer than Excel's own cell limit. A worksheet's
   problem names the sheet, row and column the way Excel shows them.

Reading then streams rows (files.py) with the same row, column and cell bounds and a wall-clock
budget (settings.ZHIBU_IMPORT_MAX_SECONDS), as a second line. The same zip checks guard every other
place that opens an uploaded zip (disclosure/scrub.py).
"""

from __future__ import annotations

import posixpath
import re
import time
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

# Unpacked size allowed relative to the upload limit (ordinary workbooks compress 5-15 times).
UNZIP_FACTOR = 25
MAX_ENTRIES = 2000  # an ordinary workbook has 10-30 parts, a few hundred with many pictures
MAX_RATIO = 200  # ordinary XML compresses 5-30 times; only entries over RATIO_FLOOR are judged
RATIO_FLOOR = 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024  # one XML part unpacked
MAX_ELEMENTS = 3_000_000  # XML elements in all parts together
MAX_ROWS = 100_000  # rows of one worksheet, blank ones included (an import takes 5,000 data rows)
MAX_COLUMNS = 256  # Excel 2003's last column, IV
MAX_CELLS = 2_000_000  # cells of one worksheet, counting up to each row's last cell
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
CHUNK = 64 * 1024
CHECK_EVERY = 10_000  # elements between two looks at the clock

_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_LETTERS = re.compile(r"^([A-Za-z]{1,3})")


class Refusal(Exception):
    """A bound was crossed; `part`, `row`, `column` locate it (the caller names the sheet)."""

    def __init__(self, reason: str, *, part: str = "", row: int | None = None, column: int | None = None):
        super().__init__(reason)
        self.reason, self.part, self.row, self.column = reason, part, row, column

    @property
    def letter(self) -> str:
        return get_column_letter(self.column) if self.column else ""


# --- the reasons, shared with files.py's streaming checks -------------------------------------


def too_many_rows() -> str:
    return _("工作表的行数（含空行）超过%(n)d行，请删除多余的行或分批导入") % {"n": MAX_ROWS}


def too_many_columns() -> str:
    return _("有内容超出了第%(n)d列（%(l)s列），请删除多余的列后再导入") % {
        "n": MAX_COLUMNS,
        "l": get_column_letter(MAX_COLUMNS),
    }


def too_many_cells() -> str:
    return _("工作表的单元格过多（超过%(n)d个），请删去无关的内容或分批导入") % {"n": MAX_CELLS}


def cell_too_long() -> str:
    return _("单元格内容超过%(n)d个字符（Excel单元格的上限），文件可能已损坏") % {"n": MAX_CELL_CHARS}


def deadline() -> float:
    return time.monotonic() + settings.ZHIBU_IMPORT_MAX_SECONDS


def too_slow() -> Refusal:
    return Refusal(
        _("读取文件超过%(s)d秒仍未完成，文件过大或结构异常，请删去无关的工作表或分批导入")
        % {"s": settings.ZHIBU_IMPORT_MAX_SECONDS}
    )


def unsafe_name(name: str) -> bool:
    """An entry name that would leave the folder it were unpacked into: ../x, /etc/x, C:\\x."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in posixpath.normpath(name).split("/") or "\x00" in name


def check_archive(archive: zipfile.ZipFile, *, max_total: int, what: str) -> None:
    """The zip directory alone: refuse before a byte is unpacked. `what` names the file kind."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise Refusal(
            _("%(what)s中包含%(n)d个内部文件，超过上限%(max)d个，不是正常的文件")
            % {"what": what, "n": len(entries), "max": MAX_ENTRIES}
        )
    for info in entries:
        if unsafe_name(info.filename):
            raise Refusal(
                _("%(what)s中有异常的内部路径“%(name)s”，已拒绝") % {"what": what, "name": info.filename[:80]}
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise Refusal(
                _("%(what)s的压缩比异常（“%(name)s”解压后是压缩时的%(r)d倍），可能是“压缩炸弹”，已拒绝")
                % {"what": what, "name": info.filename[:80], "r": ratio}
            )
    if sum(info.file_size for info in entries) > max_total:
        raise Refusal(_("%(what)s解压后内容过大，请删去无关的内容后再上传") % {"what": what})


@dataclass
class _Scan:
    """The running counts of one pass over the XML parts."""

    ends_at: float
    elements: int = 0
    part: str = ""
    worksheet: bool = False
    row: int = 0
    column: int = 0
    cells: int = 0
    rows: int = 0
    text: int = 0
    open_tags: list[str] = field(default_factory=list)

    def refuse(self, reason: str, *, located: bool = True) -> Refusal:
        if not located:
            return Refusal(reason, part=self.part)
        return Refusal(reason, part=self.part, row=self.row or None, column=self.column or None)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        self.text = 0
        if self.elements > MAX_ELEMENTS:
            raise self.refuse(
                _("Excel文件的结构过于复杂（XML元素超过%(n)d个），请在Excel中另存为.xlsx或分批导入")
                % {"n": MAX_ELEMENTS},
                located=False,
            )
        if self.elements % CHECK_EVERY == 0 and time.monotonic() > self.ends_at:
            raise too_slow()
        if not self.worksheet:
            return
        local = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        if local == "row":
            self._row(attrs)
        elif local == "c":
            self._cell(attrs)

    def _row(self, attrs: dict[str, str]) -> None:
        self.cells += self.column  # the previous row, as wide as openpyxl will make it
        number = attrs.get("r", "")
        self.row = int(number) if number.isdigit() else self.row + 1
        self.column = 0
        self.rows += 1
        if self.row > MAX_ROWS or self.rows > MAX_ROWS:
            raise self.refuse(too_many_rows())
        if self.cells > MAX_CELLS:
            raise self.refuse(too_many_cells())

    def _cell(self, attrs: dict[str, str]) -> None:
        letters = _LETTERS.match(attrs.get("r", ""))
        self.column = column_index(letters[1]) if letters else self.column + 1
        if self.column > MAX_COLUMNS:
            raise self.refuse(too_many_columns())

    def characters(self, data: str) -> None:
        self.text += len(data)
        if self.text > MAX_CELL_CHARS:
            raise self.refuse(cell_too_long(), located=self.worksheet)


def column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def _refuse_dtd(*_args) -> None:
    raise Refusal(_("Excel文件中含有XML实体声明（DOCTYPE），正常的工作簿不会有，已拒绝"))


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, scan: _Scan) -> None:
    scan.part, scan.worksheet = info.filename, bool(_WORKSHEET.match(info.filename))
    scan.row = scan.column = scan.cells = scan.rows = scan.text = 0
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    parser.StartElementHandler = scan.start
    parser.CharacterDataHandler = scan.characters
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    scan.cells += scan.column
    if scan.worksheet and scan.cells > MAX_CELLS:
        raise scan.refuse(too_many_cells())


def check_parts(archive: zipfile.ZipFile, ends_at: float) -> None:
    """Stream every XML part once through expat, refusing at the first bound crossed.
    Damaged XML is left for openpyxl to report (its message is the "damaged file" one)."""
    scan = _Scan(ends_at)
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue  # pictures, printer settings, VBA: openpyxl never parses them
        if info.file_size > MAX_PART_BYTES:
            raise Refusal(_("Excel文件解压后内容过大，请删去无关的工作表或分批导入"), part=info.filename)
        try:
            _scan_part(archive, info, scan)
        except expat.ExpatError:
            continue


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet's title, so a refusal names the tab the user sees. Read with
    defusedxml, after check_parts has bounded the parts; {} when the workbook does not say."""
    from defusedxml import ElementTree

    try:
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    except Exception:  # any damage: the message then names no sheet
        return {}
    targets = {}
    for rel in rels.iter(f"{_PKG}Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        targets[rel.get("Id")] = target
    return {
        targets.get(sheet.get(f"{_REL}id"), ""): sheet.get("name", "") for sheet in book.iter(f"{_MAIN}sheet")
    }
