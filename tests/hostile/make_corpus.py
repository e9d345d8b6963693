"""The hostile-file corpus (issue 16): every file built here, byte for byte, from the standard library.

`python tests/hostile/make_corpus.py [DIR]` writes the whole corpus into DIR (default
tests/hostile/corpus, git-ignored). Tests build the same files through these functions: the small
ones directly, the large ones (bombs, 50 MB upload) once per session in a temporary folder
(tests/hostile/conftest.py). Sizes are parameters so a test can make a bomb just big enough to
cross a bound, and the measurements (bench/hostile_files.py) the full-size ones of the issue.

Workbooks are written by hand, part by part, not by openpyxl: a hostile file is exactly what a
writer library refuses to produce.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository's root is not on the path yet
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from zhibu.people.tests import roster_files  # noqa: E402 - after the path above

FIXED_TIME = (2024, 1, 1, 0, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER = tuple(roster_files.HEADER)
ROWS = (
    ("苑蓉晖", "女", "1979-11-02", "", "13800000001", "群众", "", "育才学校", "在职"),
    ("郑浩", "男", "1992-04-18", "", "13800000002", "群众", "", "实验小学", "在职"),
    ("丁一凡", "男", "1990-01-01", "", "", "群众", "", "第二中学", "在职"),
)
SCRIPT = "<script>alert(1)</script>"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
    '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


# --- building blocks ------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _column(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number: int, values: Iterable[str]) -> str:
    cells = "".join(
        f'<c r="{_column(i)}{number}" t="inlineStr"><is><t>{_escape(v)}</t></is></c>'
        for i, v in enumerate(values, start=1)
        if v
    )
    return f'<row r="{number}">{cells}</row>'


def roster_rows() -> Iterator[str]:
    yield row_xml(1, HEADER)
    for number, values in enumerate(ROWS, start=2):
        yield row_xml(number, values)


def sheet_xml(rows: Iterable[str], *, prologue: str = "") -> Iterator[bytes]:
    """A worksheet streamed in pieces, so a bomb is never whole in memory while it is written."""
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prologue}'.encode()
    yield f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>'.encode()
    for row in rows:
        yield row.encode()
    yield b"</sheetData></worksheet>"


def xlsx(
    sheet: Iterable[bytes] | None = None,
    *,
    extra: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
    parts: dict[str, str] | None = None,
) -> bytes:
    """A minimal workbook whose one worksheet is `sheet` (default: a valid three-person roster)."""
    out = io.BytesIO()
    base = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        **(parts or {}),
    }
    with zipfile.ZipFile(out, "w", compression, compresslevel=9 if compression else None) as archive:
        for name, text in base.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), text.encode(), compression)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_TIME)
        info.compress_type = compression
        with archive.open(info, "w", force_zip64=True) as stream:
            for piece in sheet if sheet is not None else sheet_xml(roster_rows()):
                stream.write(piece)
        for name, data in (extra or {}).items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, compression)
    return out.getvalue()


# --- the corpus -----------------------------------------------------------------------------------


def valid_roster() -> bytes:
    return xlsx()


def blank_rows_bomb(unpacked: int = 230 * 1024 * 1024, *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Rows with nothing in them, `unpacked` bytes of worksheet XML: the issue's 340 KB file was
    230 MB of these. Stored (not deflated), it has no suspicious ratio and tests the row bound."""
    row = b"<row/>"
    filler = (row * 4096 for _ in range(unpacked // (len(row) * 4096)))
    header = (row_xml(1, HEADER).encode(),)
    return xlsx(_pieces(header, filler), compression=compression)


def huge_cell(chars: int = 200 * 1024 * 1024, *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """One cell of `chars` characters under a valid header: the issue's 199 KB file held 200 MB."""
    start = f'{row_xml(1, HEADER)}<row r="2"><c r="A2" t="inlineStr"><is><t>'.encode()
    body = (b"A" * (1024 * 1024) for _ in range(chars // (1024 * 1024)))
    return xlsx(_pieces((start,), body, (b"</t></is></c></row>",)), compression=compression)


def _pieces(*groups: Iterable[bytes]) -> Iterator[bytes]:
    prologue = sheet_xml(())
    yield next(prologue)
    yield next(prologue)
    for group in groups:
        yield from group
    yield b"</sheetData></worksheet>"


def wide_row(columns: int = 300) -> bytes:
    """A cell far to the right of the roster's columns: openpyxl pads every such row to its width."""
    return xlsx(sheet_xml([*roster_rows(), f'<row r="5"><c r="{_column(columns)}5"><v>1</v></c></row>']))


def many_entries(count: int = 10_001) -> bytes:
    """A valid roster with `count` extra tiny entries in the zip."""
    return xlsx(extra={f"xl/media/image{i}.png": b"" for i in range(count)})


def zip_bomb(unpacked: int = 64 * 1024 * 1024) -> bytes:
    """A valid roster carrying one entry of zeros that deflates about 1000 to 1."""
    out = io.BytesIO(xlsx())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("xl/media/zeros.bin", FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            block = b"\x00" * (1024 * 1024)
            for _ in range(unpacked // len(block)):
                stream.write(block)
    return out.getvalue()


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>\n"
)
XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def billion_laughs() -> bytes:
    """The worksheet declares nested entities; its first cell expands them a billion times."""
    rows = [row_xml(1, HEADER), '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>']
    return xlsx(sheet_xml(rows, prologue=BILLION_LAUGHS))


def external_entity() -> bytes:
    """The shared strings part pulls /etc/passwd into a cell through an external entity."""
    strings = (
        f'<?xml version="1.0"?>\n{XXE}<sst xmlns="{MAIN}" count="1" uniqueCount="1">'
        "<si><t>&xxe;</t></si></sst>"
    )
    rows = [row_xml(1, HEADER), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']
    types = CONTENT_TYPES.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts = {"[Content_Types].xml": types}
    return xlsx(sheet_xml(rows), extra={"xl/sharedStrings.xml": strings.encode()}, parts=parts)


def path_traversal() -> bytes:
    """A valid roster with entries named ../x and /tmp/x: nothing may ever be written there."""
    return xlsx(extra={"../zhibu-hostile-x": b"x", "/tmp/zhibu-hostile-x": b"x"})


def exe_renamed() -> bytes:
    """A DOS/PE header, as a Windows program starts (MZ ... PE\\0\\0)."""
    head = bytearray(b"MZ" + b"\x90\x00" * 29 + b"\x00\x00" + b"\x80\x00\x00\x00")
    head += b"\x00" * (0x80 - len(head)) + b"PE\x00\x00" + bytes(range(256)) * 4
    return bytes(head)


def docx_renamed() -> bytes:
    """A Word document (word/document.xml, no xl/workbook.xml)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", FIXED_TIME), CONTENT_TYPES)
        archive.writestr(
            zipfile.ZipInfo("word/document.xml", FIXED_TIME),
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>{{ ''.__class__.__mro__[1].__subclasses__() }}</w:t></w:r></w:p>"
            "</w:body></w:document>",
        )
    return out.getvalue()


def csv_text() -> str:
    lines = [",".join(HEADER), *(",".join(r) for r in ROWS), "龚燕,女,1985-06-15,,,群众,,第一中学,在职"]
    return "\r\n".join(lines) + "\r\n"


def csv_in(encoding: str) -> bytes:
    """The same roster as CSV in "utf-8", "utf-8-sig", "gbk" or "gb18030": four files, one content."""
    return csv_text().encode(encoding)


def binary_garbage() -> bytes:
    """Random-looking bytes with controls and no NUL (what a damaged download looks like)."""
    return bytes((i * 7919 + 13) % 255 + 1 for i in range(4096))


def fifty_mb(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """A 50 MB CSV-looking file, written to `path` in blocks."""
    line = (",".join(ROWS[0]) + "\r\n").encode("utf-8")
    with path.open("wb") as out:
        out.write((",".join(HEADER) + "\r\n").encode("utf-8"))
        while out.tell() < size:
            out.write(line * 1000)
    return path


SMALL = {
    "valid_roster.xlsx": valid_roster,
    "billion_laughs.xlsx": billion_laughs,
    "external_entity.xlsx": external_entity,
    "path_traversal.xlsx": path_traversal,
    "wide_row.xlsx": wide_row,
    "program.exe.xlsx": exe_renamed,
    "document.docx.xlsx": docx_renamed,
    "empty.xlsx": lambda: b"",
    "roster-utf8.csv": lambda: csv_in("utf-8"),
    "roster-utf8-bom.csv": lambda: csv_in("utf-8-sig"),
    "roster-gb18030.csv": lambda: csv_in("gb18030"),
    "roster-gbk.csv": lambda: csv_in("gbk"),
    "garbage.csv": binary_garbage,
}
STORED_BYTES = 9 * 1024 * 1024  # under the 10 MB upload limit, with no suspicious compression ratio
LARGE = {
    "blank_rows_bomb.xlsx": blank_rows_bomb,
    "huge_cell.xlsx": huge_cell,
    "blank_rows_stored.xlsx": lambda: blank_rows_bomb(STORED_BYTES, compression=zipfile.ZIP_STORED),
    "huge_cell_stored.xlsx": lambda: huge_cell(STORED_BYTES, compression=zipfile.ZIP_STORED),
    "many_entries.xlsx": many_entries,
    "zip_bomb.xlsx": zip_bomb,
}


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in {**SMALL, **LARGE}.items():
        (folder / name).write_bytes(make())
    fifty_mb(folder / "fifty_mb.csv")
    for path in sorted(folder.iterdir()):
        print(f"{path.stat().st_size:>12,}  {path.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("corpus"))
