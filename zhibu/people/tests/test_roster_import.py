"""Roster import on real files: .xlsx from openpyxl, GBK / GB18030 / UTF-8-BOM CSV bytes, and the
bad files users really upload. Every refusal asserts its Chinese message and that nothing was written."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from zhibu.core.models import AuditEntry, PartyStatusChange, Person
from zhibu.core.spreadsheets.files import NOT_A_SPREADSHEET
from zhibu.people.services.persons import person_create
from zhibu.people.services.roster import roster_import
from zhibu.people.tests.roster_files import HEADER, csv_bytes, id_for, person_row, sample_rows, xlsx_bytes


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), PartyStatusChange.objects.count(), AuditEntry.objects.count()


@pytest.fixture
def run(world):
    """run(data, filename) -> ImportResult, imported by the branch secretary."""

    def _run(data: bytes, filename: str = "花名册.xlsx"):
        return roster_import(actor=world.secretary, organisation=world.branch, upload=data, filename=filename)

    return _run


def refused(run, data: bytes, filename: str = "花名册.xlsx") -> list[str]:
    """Import expecting refusal: returns the messages, asserting nothing was written."""
    before = counts()
    result = run(data, filename)
    assert not result.ok
    assert result.created == 0
    assert counts() == before
    return [str(e) for e in result.errors]


# --- happy paths ------------------------------------------------------------------------------


def test_xlsx_imports_every_person_with_history_and_audit(world, run):
    rows = [
        person_row(1, "苑蓉晖", birth=date(1979, 11, 2), since="2004-12-01"),
        person_row(
            2, "郑浩", gender="男", birth=date(1992, 4, 18), status="入党积极分子", since="2020-09-10"
        ),
        person_row(3, "丁一凡", gender="男", birth=date(1990, 1, 1), status="群众", since=None, phone=""),
    ]
    before = counts()
    result = run(xlsx_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]
    assert result.created == 3
    assert counts()[0] == before[0] + 3
    yuan = Person.objects.get(name="苑蓉晖")
    assert (yuan.party_status, yuan.gender, yuan.birth_date) == ("full", "F", date(1979, 11, 2))
    assert yuan.id_number == id_for(1, date(1979, 11, 2), "女")
    assert yuan.organisation == world.branch and yuan.is_staff_member and not yuan.is_retired
    assert list(yuan.status_changes.values_list("status", "since")) == [("full", date(2004, 12, 1))]
    assert Person.objects.get(name="郑浩").status_changes.get().status == "activist"
    ding = Person.objects.get(name="丁一凡")
    assert ding.party_status == "none" and not ding.status_changes.exists()
    summary = AuditEntry.objects.get(action="people.roster.imported")
    assert summary.after["created"] == 3 and summary.after["members"] == 1
    assert summary.organisation == world.branch and summary.actor == world.secretary
    assert AuditEntry.objects.filter(action="people.person.created").count() == 3


def test_gbk_csv_imports(run):
    rows = [person_row(1, "欧阳晓明", gender="男", birth=date(1980, 5, 5)), person_row(2, "薛丽娟")]
    result = run(csv_bytes(rows, encoding="gbk"), "花名册.csv")
    assert result.ok, [str(e) for e in result.errors]
    assert set(Person.objects.filter(name__in=["欧阳晓明", "薛丽娟"]).values_list("name", flat=True)) == {
        "欧阳晓明",
        "薛丽娟",
    }


def test_utf8_bom_csv_imports(run):
    data = csv_bytes([person_row(1, "龚雪")], encoding="utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf")
    result = run(data, "名单.csv")
    assert result.ok, [str(e) for e in result.errors]
    assert Person.objects.filter(name="龚雪").exists()


def test_gb18030_only_characters_import(run):
    # 㐂 (CJK Ext. A) and 𠀀 (Ext. B) exist in GB18030 but not in GBK: a strict GBK reader would fail.
    names = ["王㐂", "李𠀀"]
    for name in names:
        with pytest.raises(UnicodeEncodeError):
            name.encode("gbk")
    rows = [person_row(1, names[0]), person_row(2, names[1])]
    result = run(csv_bytes(rows, encoding="gb18030"), "花名册.csv")
    assert result.ok, [str(e) for e in result.errors]
    assert set(Person.objects.filter(name__in=names).values_list("name", flat=True)) == set(names)


def test_title_row_aliases_and_excel_cell_types(run):
    header = [
        "序号",
        "姓 名",
        "性别",
        "出生年月",
        "公民身份号码",
        "手机",
        "政治面貌",
        "入党时间",
        "是否在职",
        "是否退休",
    ]
    birth = date(1950, 9, 30)
    rows = [
        [
            1,
            "卢  振东",
            "男",
            1950.09,
            id_for(7, birth, "男"),
            13900000001,
            "中共党员",
            date(1978, 12, 1),
            "否",
            "是",
        ],
        [2, "外聘老师", "女", "1988年3月", "", "", "群众", "", "否", "否"],
        [3, "张秀英", "女", 19870302, "", "010-12345678", "中共预备党员", "2025/9/1", "是", ""],
    ]
    data = xlsx_bytes(rows, header=header, above=[["育才学校教职工花名册"]])
    result = run(data)
    assert result.ok, [str(e) for e in result.errors]
    assert result.ignored_columns == ["序号"]
    lu = Person.objects.get(name="卢振东")  # spaces typed to align the name are dropped
    assert lu.birth_date == birth and lu.phone == "13900000001"
    assert lu.is_retired and lu.is_staff_member
    outside = Person.objects.get(name="外聘老师")
    assert outside.birth_date == date(1988, 3, 1) and not outside.is_staff_member
    zhang = Person.objects.get(name="张秀英")
    assert zhang.party_status == "probationary" and zhang.birth_date == date(1987, 3, 2)
    assert zhang.status_changes.get().since == date(2025, 9, 1)


# --- refusals: the whole file -----------------------------------------------------------------


def test_empty_file(run):
    assert refused(run, b"") == ["文件是空的"]


def test_header_only_file(run):
    assert refused(run, xlsx_bytes([])) == ["工作表“花名册”：表格只有表头，没有数据行"]
    assert refused(run, csv_bytes([], encoding="gbk"), "花名册.csv") == [
        "工作表“花名册”：表格只有表头，没有数据行"
    ]


def test_workbook_without_any_content(run):
    assert refused(run, xlsx_bytes([], header=[])) == ["表格是空的：没有表头，也没有数据"]


def test_wrong_header_names_the_missing_columns(run):
    header = ["名字", "性别", "出生日期", "身份证", "电话", "党员否"]
    messages = refused(run, xlsx_bytes([["张三", "男", "1980-01-01", "", "", "是"]], header=header))
    assert messages == [
        "工作表“花名册”第1行：缺少必填列：姓名、政治面貌。表头应为一行列名，可下载导入模板对照"
    ]


def tiny_png() -> bytes:
    """A real 1×1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_png_renamed_xlsx_is_not_a_spreadsheet(run):
    assert refused(run, tiny_png(), "花名册.xlsx") == [NOT_A_SPREADSHEET]


def test_zip_renamed_xlsx_is_not_a_spreadsheet(run):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("照片/1.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100)
    assert refused(run, out.getvalue(), "花名册.xlsx") == [NOT_A_SPREADSHEET]


def test_damaged_xlsx(run):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "not xml at all")
    assert refused(run, out.getvalue()) == ["Excel文件已损坏，无法读取：请在Excel中打开并另存为.xlsx后再导入"]


def test_old_xls_file(run):
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    (message,) = refused(run, ole2, "花名册.xls")
    assert "旧版Excel（.xls）" in message


def test_20_mb_file_is_refused_before_parsing(run):
    line = ",".join(person_row(1, "王丽")) + "\r\n"
    body = ",".join(HEADER) + "\r\n" + line * (20 * 1024 * 1024 // len(line.encode()) + 1)
    data = body.encode("utf-8")
    assert len(data) >= 20 * 1024 * 1024
    assert refused(run, data, "花名册.csv") == ["文件大小超过10 MB，请删去无关的工作表或分批导入"]


# --- refusals: rows ---------------------------------------------------------------------------


def test_bad_date_in_row_5_names_sheet_row_and_column(run):
    rows = sample_rows(4)
    rows[3][2] = "1985年13月1日"  # the header is row 1, so the fourth person is on Excel row 5
    (message,) = refused(run, xlsx_bytes(rows, sheet="花名册"))
    assert message == "工作表“花名册”第5行“出生日期”列：日期“1985年13月1日”不存在"
    rows[3][2] = "八五年"
    result = run(xlsx_bytes(rows, sheet="Sheet1"))
    (error,) = result.errors
    assert (error.sheet, error.row, error.column, error.letter) == ("Sheet1", 5, "出生日期", "C")
    assert error.reason == "无法识别的日期“八五年”，请写成2023-04-18"


def test_every_row_is_checked_and_all_problems_listed(run):
    rows = sample_rows(5)
    rows[0][1] = "未知"
    rows[2][5] = "党员干部"
    rows[4][0] = ""
    messages = refused(run, xlsx_bytes(rows))
    assert messages == [
        "工作表“花名册”第2行“性别”列：“未知”不是可选的值，可填：男、女",
        "工作表“花名册”第4行“政治面貌”列：“党员干部”不是可选的值，可填："
        "中共党员、中共预备党员、发展对象、入党积极分子、入党申请人、共青团员、群众",
        "工作表“花名册”第6行“姓名”列：不能为空",
    ]


def test_duplicate_id_number_within_the_file(run):
    rows = sample_rows(3)
    rows[2][3] = rows[0][3]
    rows[2][2] = rows[0][2]
    rows[2][1] = rows[0][1]
    assert refused(run, xlsx_bytes(rows)) == ["工作表“花名册”第4行“身份证号”列：与第2行重复"]


def test_duplicate_id_number_against_the_database(world, run):
    existing = person_row(1, "王丽华")
    person_create(
        actor=world.secretary,
        organisation=world.branch,
        data={"name": "王丽华", "gender": "F", "id_number": existing[3]},
    )
    other = person_row(2, "林志")
    person_create(
        actor=world.outsider,
        organisation=world.other_branch,
        data={"name": "林志", "gender": "F", "id_number": other[3]},
    )
    messages = refused(run, csv_bytes([existing, other], encoding="gbk"), "花名册.csv")
    assert messages == [
        "工作表“花名册”第2行“身份证号”列：该身份证号已登记在本支部的王丽华名下",
        # Another branch's person is not named: the secretary may not see that roster.
        "工作表“花名册”第3行“身份证号”列：该身份证号已在系统中登记（属于其他党组织）",
    ]


def test_invalid_id_checksum(run):
    rows = sample_rows(2)
    number = rows[1][3]
    rows[1][3] = number[:17] + ("0" if number[17] != "0" else "1")
    assert refused(run, xlsx_bytes(rows)) == ["工作表“花名册”第3行“身份证号”列：身份证号校验位不正确"]


def test_id_number_stored_as_a_number_is_refused(run):
    rows = sample_rows(1)
    rows[0][3] = 110101198506150000
    (message,) = refused(run, xlsx_bytes(rows))
    assert "身份证号被Excel存成了数字" in message


def test_cross_checks_against_the_id_number(run):
    rows = sample_rows(2)
    rows[0][1] = "男" if rows[0][1] == "女" else "女"
    rows[1][2] = "1970-01-01"
    messages = refused(run, xlsx_bytes(rows))
    assert messages[0].startswith("工作表“花名册”第2行“性别”列：与身份证号不一致")
    assert messages[1].startswith("工作表“花名册”第3行“出生日期”列：与身份证号中的出生日期（")


def test_member_needs_a_joining_date_and_an_adult_age(run):
    rows = [person_row(1, "王丽", since=""), person_row(2, "李娟", since="1995-07-01")]
    assert refused(run, xlsx_bytes(rows)) == [
        "工作表“花名册”第2行“政治面貌起始日期”列：政治面貌为“正式党员”时须填写政治面貌起始日期（党员即入党时间）",
        "工作表“花名册”第3行“政治面貌起始日期”列：入党时未满18周岁，请核对出生日期和入党时间",
    ]


def test_same_name_without_id_number_twice(world, run):
    rows = [
        person_row(1, "刘丹", id_number=""),
        person_row(2, "周敏", id_number=""),
        person_row(3, "周敏", id_number=""),
    ]
    assert refused(run, xlsx_bytes(rows)) == [
        "工作表“花名册”第2行“姓名”列：本支部名册中已有刘丹；如是不同的人，请填写身份证号加以区分",
        "工作表“花名册”第4行“姓名”列：与第3行同名且都未填身份证号，请填写身份证号加以区分",
    ]


def test_template_example_row_left_in(run):
    from zhibu.people.services.roster import roster_template

    assert refused(run, roster_template()) == ["工作表“花名册”第2行：这是导入模板中的示例行，请删除后再导入"]


# --- permission -------------------------------------------------------------------------------


def test_committee_may_not_import_and_outsider_gets_404(world):
    data = xlsx_bytes(sample_rows(1))
    before = counts()
    with pytest.raises(PermissionDenied):
        roster_import(actor=world.committee, organisation=world.branch, upload=data)
    with pytest.raises(Http404):
        roster_import(actor=world.outsider, organisation=world.branch, upload=data)
    assert counts() == before
