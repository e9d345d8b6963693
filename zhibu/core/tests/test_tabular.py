"""The generic import mechanism: cell parsers, encodings, header matching (no database)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from zhibu.core.spreadsheets.cells import (
    CellError,
    bool_cell,
    choice_cell,
    date_cell,
    name_cell,
    phone_cell,
    text_cell,
)
from zhibu.core.spreadsheets.files import decode_text
from zhibu.core.spreadsheets.reading import Column, ImportSpec, normalise_header, parse_upload
from zhibu.people.tests.roster_files import xlsx_bytes

SPEC = ImportSpec(
    code="test",
    title="测试",
    columns=(
        Column("name", "姓名", name_cell(), required=True, aliases=("名字",)),
        Column("day", "日期", date_cell(), aliases=("时间",)),
        Column("flag", "是否", bool_cell(), default=False),
        Column("code", "编号", text_cell(10), unique=True),
    ),
    max_rows=3,
)


@pytest.mark.parametrize(
    "raw",
    [
        "2023-04-18",
        "2023/4/18",
        "2023.4.18",
        "2023年4月18日",
        " 2023 年 4 月 18 日 ",
        "20230418",
        20230418,
        45034,  # Excel's serial number of 2023-04-18, from a cell formatted as a number
        dt.datetime(2023, 4, 18, 0, 0),
        dt.date(2023, 4, 18),
    ],
)
def test_dates_in_every_form_users_type(raw):
    assert date_cell()(raw) == dt.date(2023, 4, 18)


@pytest.mark.parametrize("raw", ["1985.06", "1985-6", "1985年6月", 1985.06])
def test_year_and_month_only_where_allowed(raw):
    assert date_cell(allow_month=True)(raw) == dt.date(1985, 6, 1)
    with pytest.raises(CellError):
        date_cell()(raw)


def test_excel_drops_the_zero_of_october():
    assert date_cell(allow_month=True)(1985.1) == dt.date(1985, 10, 1)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("2023-02-30", "日期“2023-02-30”不存在"),
        ("昨天", "无法识别的日期“昨天”，请写成2023-04-18"),
        ("1850-01-01", "日期“1850-01-01”的年份不合理"),
        (3, "无法识别的日期“3”，请写成2023-04-18"),
    ],
)
def test_bad_dates_say_why(raw, message):
    with pytest.raises(CellError) as caught:
        date_cell()(raw)
    assert str(caught.value) == message


def test_future_dates_are_refused():
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    with pytest.raises(CellError, match="晚于今天"):
        date_cell()(tomorrow.isoformat())


def test_booleans_choices_names_phones_text():
    assert bool_cell()("是") is True and bool_cell()(" 否 ") is False and bool_cell()("√") is True
    with pytest.raises(CellError, match="应填写“是”或“否”"):
        bool_cell()("也许")
    party = choice_cell({"中共党员": "full", "群众": "none"})
    assert party("中共 党员") == "full"
    with pytest.raises(CellError, match="可填：中共党员、群众"):
        party("党外")
    assert name_cell()("张　 三") == "张三" and name_cell()("玛丽·居里") == "玛丽·居里"
    assert name_cell()(" Mary  Smith ") == "Mary Smith"
    with pytest.raises(CellError, match="姓名中不应有数字"):
        name_cell()("张3")
    assert phone_cell()(13912345678.0) == "13912345678"
    with pytest.raises(CellError):
        phone_cell()("打我电话")
    with pytest.raises(CellError, match="最多10个字"):
        text_cell(10)("一二三四五六七八九十一")


def test_headers_match_with_notes_stars_and_spaces():
    assert normalise_header(" 姓 名 *") == "姓名"
    assert normalise_header("出生日期（格式2023-04-18）") == "出生日期"
    assert normalise_header("身份证号：") == "身份证号"


def test_encodings_strict_utf8_first_then_gb18030():
    text = "姓名,日期\r\n张三,2023-04-18\r\n"
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(text.encode("utf-8-sig")) == text
    assert decode_text(text.encode("gbk")) == text
    assert decode_text(text.encode("utf-16")) == text  # Excel's "Unicode 文本"


def test_tab_separated_utf16_file_reads():
    data = "姓名\t日期\r\n张三\t2023-04-18\r\n".encode("utf-16")
    result = parse_upload(data, SPEC, filename="名单.txt")
    assert result.ok and result.rows[0].values["day"] == dt.date(2023, 4, 18)
    assert result.sheet == "名单"


def test_alias_header_duplicate_column_unique_and_row_limit():
    result = parse_upload(xlsx_bytes([["张三", "2023-04-18", "A1"]], header=["名字", "时间", "编号"]), SPEC)
    assert result.ok and result.rows[0].values == {
        "name": "张三",
        "day": dt.date(2023, 4, 18),
        "flag": False,
        "code": "A1",
    }
    result = parse_upload(xlsx_bytes([["张三", "李四"]], header=["姓名", "名字"]), SPEC)
    assert [e.reason for e in result.errors] == ["“姓名”列重复出现（A列和B列），请只保留一列"]
    result = parse_upload(
        xlsx_bytes([["张三", "", "", "A1"], ["李四", "", "", "A1"]], header=["姓名", "日期", "是否", "编号"]),
        SPEC,
    )
    assert [(e.row, e.column, e.reason) for e in result.errors] == [(3, "编号", "与第2行重复")]
    result = parse_upload(xlsx_bytes([["张三"]] * 4, header=["姓名"]), SPEC)
    assert [str(e) for e in result.errors] == ["工作表“花名册”第5行：数据超过3行，请分批导入"]


def test_blank_rows_are_skipped_but_rows_keep_their_excel_numbers():
    result = parse_upload(
        xlsx_bytes([["张三"], [None], ["", " "], ["李四", "不是日期"]], header=["姓名", "日期"]), SPEC
    )
    assert [(e.row, e.column) for e in result.errors] == [(5, "日期")]
    assert [r.row for r in result.rows] == [2, 5]


@override_settings(ZHIBU_IMPORT_MAX_BYTES=1024)
def test_size_limit_comes_from_settings():
    result = parse_upload(b"x" * 2048, SPEC)
    assert [e.reason for e in result.errors] == ["文件大小超过1 KB，请删去无关的工作表或分批导入"]
