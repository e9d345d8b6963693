"""Roster export read back from real files: stroke order, masked ID numbers, formula escaping."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from urllib.parse import unquote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhibu.core import downloads
from zhibu.core.models import AuditEntry
from zhibu.core.spreadsheets import writing as exports
from zhibu.core.strokes import name_sort_key
from zhibu.core.tests.factories import PersonFactory
from zhibu.people.audit_actions import PeopleAction
from zhibu.people.services.persons import person_create
from zhibu.people.services.roster import roster_export
from zhibu.people.tests.roster_files import id_for

EXPORT = reverse("people:export") + "?org=yucai"
HYPERLINK = '=HYPERLINK("http://evil.example/","点我")'


@pytest.fixture
def roster(world):
    """Adds people whose fields would be formulas in Excel, plus one with a full ID number."""
    made = {}
    for name, phone, unit in [
        (HYPERLINK, "+1", "育才学校"),
        ("王五", "-1", "@SUM(A1:A9)"),
        ("丁一", "\t13900000000", "=1+1"),
    ]:
        made[name] = person_create(
            actor=world.secretary,
            organisation=world.branch,
            data={"name": name, "gender": "F", "phone": phone, "unit": unit},
        )
    made["id"] = person_create(
        actor=world.secretary,
        organisation=world.branch,
        data={"name": "李四", "gender": "F", "id_number": id_for(5, date(1985, 6, 15), "女")},
        party_status="full",
        status_since=date(2010, 7, 1),
    )
    return made


def read_xlsx(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_export_is_in_stroke_order_and_masks_id_numbers(world, roster):
    rendered = roster_export(actor=world.secretary, organisation=world.branch)
    rows = read_xlsx(rendered.content)
    note, header, data = rows[0], rows[1], rows[2:]
    assert load_workbook(io.BytesIO(rendered.content)).worksheets[0].freeze_panes == "A3"
    assert "身份证号已隐去中间8位，导出文件不含完整身份证号" in note[0]
    assert header[:5] == ("序号", "姓名", "性别", "出生日期", "身份证号（已隐去中间8位）")
    names = [r[1] for r in data]
    plain = [n for n in names if not n.startswith("'")]
    assert plain == sorted(plain, key=name_sort_key)
    # Surname stroke counts: 丁 2 < 于 3 < 王 4 < 刘 6 (pinyin order would put 丁 after 于 and 刘 first).
    assert plain.index("丁一") < plain.index("于雪华") < plain.index("王五") < plain.index("刘丹")
    assert [r[0] for r in data] == list(range(1, len(data) + 1))
    li = next(r for r in data if r[1] == "李四")
    full = roster["id"].id_number
    assert li[4] == f"{full[:6]}********{full[-4:]}"
    assert li[6] == "正式党员" and li[7].date() == date(2010, 7, 1)
    with zipfile.ZipFile(io.BytesIO(rendered.content)) as archive:
        assert not any(full.encode() in archive.read(name) for name in archive.namelist())


def test_xlsx_export_escapes_formula_cells(world, roster):
    data = read_xlsx(roster_export(actor=world.secretary, organisation=world.branch).content)[2:]
    by_name = {r[1]: r for r in data}
    assert "'" + HYPERLINK in by_name
    assert by_name["'" + HYPERLINK][5] == "'+1"
    assert by_name["王五"][5] == "'-1" and by_name["王五"][8] == "'@SUM(A1:A9)"
    assert by_name["丁一"][5] == "'\t13900000000" and by_name["丁一"][8] == "'=1+1"
    sheet = load_workbook(io.BytesIO(roster_export(actor=world.secretary, organisation=world.branch).content))
    assert not any(cell.data_type == "f" for row in sheet.worksheets[0].iter_rows() for cell in row)


def test_csv_export_is_utf8_with_bom_and_escaped(world, roster):
    rendered = roster_export(actor=world.secretary, organisation=world.branch, fmt="csv")
    assert rendered.filename.endswith(".csv")
    assert rendered.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(rendered.content.decode("utf-8-sig"), newline="")))
    assert rows[0][1] == "姓名" and rows[0][4] == "身份证号（已隐去中间8位）"
    names = [r[1] for r in rows[1:]]
    assert "'" + HYPERLINK in names
    plain = [n for n in names if not n.startswith("'")]
    assert plain == sorted(plain, key=name_sort_key)
    assert roster["id"].id_number not in rendered.content.decode("utf-8-sig")


def test_export_is_audited(world, roster):
    roster_export(actor=world.committee, organisation=world.branch, fmt="csv")
    entry = AuditEntry.objects.get(action="people.roster.exported")
    assert entry.actor == world.committee and entry.organisation == world.branch
    assert entry.after == {"format": "csv", "rows": 8}  # 4 personas of the world + 4 added here


def test_export_view_xlsx_and_csv(world, login, roster):
    client = login(world.secretary)
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_TYPE
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    response = client.get(EXPORT + "&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")


def test_export_view_files_read_back_with_chinese_names(world, login, roster):
    """The view goes through the exporter registry and core.downloads: real files, RFC 5987 names,
    no caching, and one audit entry per download with the format and the row count."""
    client = login(world.secretary)
    xlsx = client.get(EXPORT)
    name = unquote(xlsx["Content-Disposition"].removeprefix("attachment; filename*=utf-8''"))
    assert name.startswith(world.branch.name + "人员名册") and name.endswith(".xlsx")
    assert xlsx["Cache-Control"] == "no-store" and xlsx["X-Content-Type-Options"] == "nosniff"
    rows = read_xlsx(xlsx.content)
    assert rows[1][1] == "姓名" and len(rows[2:]) == 8
    csv_response = client.get(EXPORT + "&format=csv")
    assert csv_response["Content-Disposition"].endswith(".csv")
    data = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"), newline="")))
    assert csv_response.content.startswith(b"\xef\xbb\xbf") and data[0][1] == "姓名" and len(data[1:]) == 8
    assert [r[1] for r in data[1:]] == [r[1] for r in rows[2:]]
    entries = AuditEntry.objects.filter(action=PeopleAction.ROSTER_EXPORTED).order_by("pk")
    assert [e.after for e in entries] == [{"format": "xlsx", "rows": 8}, {"format": "csv", "rows": 8}]
    assert all(e.actor == world.secretary and e.organisation == world.branch for e in entries)
    # An unknown format falls back to the exporter's default, as it always did.
    assert client.get(EXPORT + "&format=exe")["Content-Type"] == exports.XLSX_TYPE


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_roster_export_reports_progress(world, roster, monkeypatch, fmt):
    """The hook a background job will use: (done, total) every PROGRESS_EVERY rows, then the end."""
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 3)
    calls: list[tuple[int, int | None]] = []
    downloads.export_file(
        world.secretary,
        "people.roster",
        fmt,
        obj=world.branch,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(3, 8), (6, 8), (8, 8)]
    done = [d for d, _total in calls]
    assert done == sorted(done) and len(set(done)) == len(done)


def test_bureau_exports_the_whole_tree(world, login):
    rows = read_xlsx(login(world.bureau).get(reverse("people:export") + "?org=bureau").content)[2:]
    assert {r[11] for r in rows} == {world.branch.name, world.other_branch.name}


def test_member_gets_403_and_other_branch_404(world, login):
    assert login(world.member).get(EXPORT).status_code == 403
    assert login(world.outsider).get(EXPORT).status_code == 404
    assert not AuditEntry.objects.filter(action="people.roster.exported").exists()


def test_export_query_count_does_not_grow_with_rows(world, django_assert_max_num_queries, login):
    client = login(world.secretary)
    PersonFactory.create_batch(5, organisation=world.branch)
    with django_assert_max_num_queries(12) as few:
        client.get(EXPORT)
    PersonFactory.create_batch(40, organisation=world.branch)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(EXPORT)


def test_escape_formula_leaves_other_values_alone():
    assert exports.escape_formula("=A1") == "'=A1"
    assert exports.escape_formula("\r=A1") == "'\r=A1"
    assert exports.escape_formula("张三") == "张三"
    assert exports.escape_formula(-1) == -1
    assert exports.escape_formula("a=b") == "a=b"
