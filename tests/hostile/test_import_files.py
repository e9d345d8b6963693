"""Hostile files through the roster import (the service every spreadsheet import shares): each one
refused with a Chinese message that names what is wrong (and the sheet, row and column where there
is one), in bounded time and memory, with nothing written."""

from __future__ import annotations

from pathlib import Path

import defusedxml
import openpyxl
import pytest
from openpyxl import load_workbook

from zhibu.core.models import AuditEntry, PartyStatusChange, Person
from zhibu.core.spreadsheets.files import NOT_A_SPREADSHEET
from zhibu.core.spreadsheets.reading import parse_upload
from zhibu.people.roster import roster_spec
from zhibu.people.services.roster import roster_import

from . import make_corpus
from .conftest import bounded

BOMB = "可能是“压缩炸弹”，已拒绝"
DTD = "Excel文件中含有XML实体声明（DOCTYPE），正常的工作簿不会有，已拒绝"

# (file in the corpus, the whole message or a part of it)
REFUSED = [
    ("blank_rows_bomb.xlsx", "“xl/worksheets/sheet1.xml”解压后是压缩时的"),
    ("huge_cell.xlsx", "“xl/worksheets/sheet1.xml”解压后是压缩时的"),
    ("zip_bomb.xlsx", "“xl/media/zeros.bin”解压后是压缩时的"),
    (
        "blank_rows_stored.xlsx",
        "工作表“花名册”第100001行：工作表的行数（含空行）超过100000行，请删除多余的行或分批导入",
    ),
    (
        "huge_cell_stored.xlsx",
        "工作表“花名册”第2行A列：单元格内容超过32767个字符（Excel单元格的上限），文件可能已损坏",
    ),
    ("wide_row.xlsx", "工作表“花名册”第5行KN列：有内容超出了第256列（IV列），请删除多余的列后再导入"),
    ("many_entries.xlsx", "Excel文件中包含10006个内部文件，超过上限2000个，不是正常的文件"),
    ("billion_laughs.xlsx", DTD),
    ("external_entity.xlsx", DTD),
    ("path_traversal.xlsx", "Excel文件中有异常的内部路径“../zhibu-hostile-x”，已拒绝"),
    ("program.exe.xlsx", NOT_A_SPREADSHEET),
    ("document.docx.xlsx", NOT_A_SPREADSHEET),
    ("empty.xlsx", "文件是空的"),
    ("garbage.csv", NOT_A_SPREADSHEET),
]


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), PartyStatusChange.objects.count(), AuditEntry.objects.count()


@pytest.mark.parametrize(("name", "message"), REFUSED, ids=[name for name, _m in REFUSED])
def test_hostile_file_is_refused_bounded_and_writes_nothing(world, corpus, name, message):
    data = corpus(name)
    before = counts()
    result = bounded(
        f"{name} ({len(data) / 1024:.0f} KB)",
        lambda: roster_import(actor=world.secretary, organisation=world.branch, upload=data, filename=name),
    )
    messages = [str(e) for e in result.errors]
    assert len(messages) == 1 and message in messages[0], messages
    assert result.created == 0
    assert counts() == before


def test_bombs_of_the_issue_keep_their_size(corpus):
    """The corpus's bombs are the issue's: about 340 KB → 230 MB and 199 KB → 200 MB."""
    assert 300_000 < len(corpus("blank_rows_bomb.xlsx")) < 400_000
    assert 150_000 < len(corpus("huge_cell.xlsx")) < 250_000


def test_zip_entries_named_outside_the_folder_are_never_written(world, corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    roster_import(actor=world.secretary, organisation=world.branch, upload=corpus("path_traversal.xlsx"))
    assert not (tmp_path.parent / "zhibu-hostile-x").exists()
    assert not Path("/tmp/zhibu-hostile-x").exists()


def test_openpyxl_reads_xml_through_defusedxml(corpus):
    """A second line behind guard.py: openpyxl itself refuses entity declarations."""
    from io import BytesIO

    from defusedxml.common import DefusedXmlException

    assert openpyxl.DEFUSEDXML is True and defusedxml.__version__
    for name in ("billion_laughs.xlsx", "external_entity.xlsx"):
        with pytest.raises(Exception) as caught:  # noqa: PT011 - openpyxl wraps it in a ValueError
            book = load_workbook(BytesIO(corpus(name)), read_only=True)
            for sheet in book.worksheets:
                list(sheet.iter_rows(values_only=True))
        chain, error = [], caught.value
        while error is not None:
            chain.append(error)
            error = error.__cause__ or error.__context__
        assert any(isinstance(e, DefusedXmlException) for e in chain), (name, chain)


def test_the_wall_clock_budget_stops_reading(corpus, settings):
    settings.ZHIBU_IMPORT_MAX_SECONDS = 0
    result = parse_upload(corpus("blank_rows_stored.xlsx"), roster_spec(), filename="x.xlsx")
    assert [str(e) for e in result.errors] == [
        "读取文件超过0秒仍未完成，文件过大或结构异常，请删去无关的工作表或分批导入"
    ]
    line = ",".join(make_corpus.ROWS[0])
    rows = "\r\n".join([",".join(make_corpus.HEADER)] + [line] * 1500)
    result = parse_upload(rows.encode(), roster_spec(), filename="花名册.csv")
    assert [str(e) for e in result.errors] == [
        "工作表“花名册”第1000行：读取文件超过0秒仍未完成，文件过大或结构异常，请删去无关的工作表或分批导入"
    ]


def test_a_csv_cell_over_excels_limit_names_its_row(world):
    data = ("姓名,性别\r\n王丽,女\r\n" + "张" * 40_000 + ",女\r\n").encode("utf-8")
    result = parse_upload(data, roster_spec(), filename="花名册.csv")
    assert [str(e) for e in result.errors] == [
        "工作表“花名册”第3行A列：单元格内容超过32767个字符（Excel单元格的上限），文件可能已损坏"
    ]
    data = ("姓名,性别\r\n" + "张" * 200_000 + ",女\r\n").encode("utf-8")
    result = parse_upload(data, roster_spec(), filename="花名册.csv")
    assert [str(e) for e in result.errors] == [
        "第2行：单元格内容超过32767个字符（Excel单元格的上限），文件可能已损坏"
    ]


# --- CSV encodings --------------------------------------------------------------------------------

ENCODINGS = ["roster-utf8.csv", "roster-utf8-bom.csv", "roster-gbk.csv", "roster-gb18030.csv"]


def test_the_four_encodings_read_identically(corpus):
    parsed = [parse_upload(corpus(name), roster_spec(), filename="花名册.csv") for name in ENCODINGS]
    assert all(p.ok for p in parsed), [[str(e) for e in p.errors] for p in parsed]
    values = [[r.values for r in p.rows] for p in parsed]
    assert all(v == values[0] for v in values)
    assert [v["name"] for v in values[0]] == ["苑蓉晖", "郑浩", "丁一凡", "龚燕"]
    # Three different files: GB18030 writes GBK's characters with GBK's bytes.
    assert len({corpus(name) for name in ENCODINGS}) == 3


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_imports_the_same_people(world, corpus, name):
    result = roster_import(
        actor=world.secretary, organisation=world.branch, upload=corpus(name), filename=name
    )
    assert result.ok, [str(e) for e in result.errors]
    names = set(Person.objects.filter(organisation=world.branch).values_list("name", flat=True))
    assert {"苑蓉晖", "郑浩", "丁一凡", "龚燕"} <= names
    assert result.created == 4


def test_the_valid_workbook_of_the_corpus_imports(world, corpus):
    """The hand-built workbook is a real one: the refusals above are about the hostile parts only."""
    result = roster_import(
        actor=world.secretary, organisation=world.branch, upload=corpus("valid_roster.xlsx")
    )
    assert result.ok, [str(e) for e in result.errors]
    assert result.created == len(make_corpus.ROWS)
