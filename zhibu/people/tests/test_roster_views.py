"""Import page, template download and the people list buttons, through the HTTP client."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from zhibu.core.models import AuditEntry, Job, PartyStatusChange, Person
from zhibu.people.roster import roster_spec
from zhibu.people.tests.roster_files import csv_bytes, sample_rows, xlsx_bytes

IMPORT = reverse("people:import") + "?org=yucai"


def counts() -> tuple[int, int, int]:
    """People, status history and audit entries — the job's own started/failed entries aside."""
    audit = AuditEntry.objects.exclude(action__startswith="core.job.")
    return Person.objects.count(), PartyStatusChange.objects.count(), audit.count()


def upload(data: bytes, name: str = "花名册.xlsx") -> dict:
    return {"file": SimpleUploadedFile(name, data)}


def test_import_page_shows_the_form_and_columns(world, login):
    response = login(world.secretary).get(IMPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert reverse("people:import_template") in page
    assert "公民身份号码" in page  # the aliases are listed


def test_import_runs_as_a_job_whose_page_shows_the_count_and_the_way_back(world, login):
    before = counts()
    response = login(world.secretary).post(IMPORT, upload(xlsx_bytes(sample_rows(3))), follow=True)
    job = Job.objects.get()
    assert response.redirect_chain[-1][0] == reverse("core:job", args=[job.pk])
    page = response.content.decode()
    assert "已导入3人" in page and "已完成" in page
    assert f'href="{reverse("people:list")}?org=yucai"' in page
    assert (job.status, job.done, job.total) == (Job.Status.DONE, 3, 3)
    assert not job.upload  # the uploaded file is not kept once read
    assert counts()[0] == before[0] + 3


def test_ignored_columns_are_named_after_import(world, login):
    header = ["序号", "姓名", "性别", "政治面貌", "备注"]
    data = xlsx_bytes([[1, "丁一凡", "男", "群众", "新调入"]], header=header)
    response = login(world.secretary).post(IMPORT, upload(data), follow=True)
    page = response.content.decode()
    assert "已导入1人" in page and "以下列不在花名册中，没有导入：序号、备注" in page


def test_bad_upload_shows_the_error_table_and_writes_nothing(world, login):
    rows = sample_rows(4)
    rows[3][2] = "1985/02/30"
    before = counts()
    response = login(world.secretary).post(
        IMPORT, upload(csv_bytes(rows, encoding="gbk"), "Sheet1.csv"), follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("<th>工作表</th>", "<th>行</th>", "<th>列</th>", "<th>问题</th>"):
        assert heading in page
    assert "<td>Sheet1</td><td>第5行</td><td>出生日期（C列）</td><td>日期“1985/02/30”不存在</td>" in page
    assert "发现1处问题，一个人也没有导入" in page
    assert counts() == before


def test_not_a_spreadsheet_upload_shows_the_message(world, login):
    before = counts()
    response = login(world.secretary).post(
        IMPORT, upload(b"\x89PNG\r\n\x1a\n\x00\x00", "照片.xlsx"), follow=True
    )
    assert "文件不是Excel（.xlsx）或CSV表格" in response.content.decode()
    assert counts() == before


def test_20_mb_upload_is_refused_by_its_size(world, login):
    before = counts()
    data = b"\xe5\xa7\x93\xe5\x90\x8d," * (20 * 1024 * 1024 // 7 + 1)
    response = login(world.secretary).post(IMPORT, upload(data, "花名册.csv"))
    assert "文件大小超过10 MB" in response.content.decode()
    assert counts() == before


def test_committee_gets_403_and_writes_nothing(world, login):
    before = counts()
    response = login(world.committee).post(IMPORT, upload(xlsx_bytes(sample_rows(2))))
    assert response.status_code == 403
    assert counts() == before


def test_other_branch_gets_404_and_writes_nothing(world, login):
    before = counts()
    response = login(world.outsider).post(IMPORT, upload(xlsx_bytes(sample_rows(2))))
    assert response.status_code == 404
    assert counts() == before


def test_template_has_header_example_and_notes(world, login):
    response = login(world.secretary).get(reverse("people:import_template") + "?org=yucai")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["花名册", "说明"]
    sheet = wb["花名册"]
    header = [c.value for c in sheet[1]]
    assert header == [c.label for c in roster_spec().columns]
    example = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert example["姓名"] == "王丽华" and example["政治面貌"] == "中共党员"
    assert sheet["D3"].number_format == "@"  # ID numbers stay text when typed into the template
    notes = [row[0] for row in wb["说明"].iter_rows(values_only=True)]
    assert "身份证号" in notes and any("一行也不导入" in (n or "") for n in notes)


def test_filled_in_template_imports(world, login):
    """The round trip users make: download, replace the example row, upload."""
    client = login(world.secretary)
    wb = load_workbook(io.BytesIO(client.get(reverse("people:import_template") + "?org=yucai").content))
    sheet = wb["花名册"]
    person = sample_rows(1)[0]
    for column, value in enumerate([*person[:8], "在职", "否"], start=1):
        sheet.cell(row=2, column=column, value=value)
    out = io.BytesIO()
    wb.save(out)
    response = client.post(IMPORT, upload(out.getvalue()), follow=True)
    assert "已导入1人" in response.content.decode()
    assert Person.objects.filter(name=person[0]).exists()


def test_people_list_buttons_follow_the_permissions(world, login):
    url = reverse("people:list") + "?org=yucai"
    secretary_page = login(world.secretary).get(url).content.decode()
    assert reverse("people:import") in secretary_page
    assert reverse("people:export") in secretary_page
    committee_page = login(world.committee).get(url).content.decode()
    assert reverse("people:import") not in committee_page
    assert reverse("people:export") in committee_page
