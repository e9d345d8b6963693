"""The booklet .docx, read back: pseudonyms by default, real names only when ticked AND
confirmed (and that choice is audited), Chinese text intact, chapters by mentor 按姓氏笔画."""

import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from zhibu.core.models import AuditEntry

from .factories import make_case, make_log, make_student

ARTIFACTS = Path(__file__).resolve().parents[3] / "var" / "test-artifacts"


@pytest.fixture
def booklet_cases(world):
    xiaochuan = make_case(world.people["member"], student=make_student(world.branch, name="王小川"))
    siqi = make_case(world.people["secretary"], student=make_student(world.branch, name="李思琪"))
    make_log(
        xiaochuan, date(2023, 3, 2), text="课间与小川谈心，讨论与同学的矛盾", observation="王小川答应道歉"
    )
    make_log(siqi, date(2023, 3, 9), text="辅导数学作业", dimension="study")
    return xiaochuan, siqi


def _text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    return "\n".join(p.text for p in doc.paragraphs)


def _post(client, **data):
    return client.post(reverse("mentoring:booklet") + "?org=yucai", data)


def test_default_booklet_has_no_real_names(world, booklet_cases, client):
    xiaochuan, siqi = booklet_cases
    client.force_login(world.users["secretary"])
    response = _post(client)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = _text(response.content)
    assert "春风化雨 启迪心灵" in text and "党员包教工作记录" in text and "目  录" in text
    assert xiaochuan.student.pseudonym in text and siqi.student.pseudonym in text
    for name in ("王小川", "李思琪", "小川", "思琪"):
        assert name not in text, name
    assert "课间与学生A01谈心" in text  # the name inside the note is replaced too
    assert "2023年3月2日【学习】" in text
    # One chapter per mentor, 按姓氏笔画: 刘 (6 strokes) before 张 (7 strokes).
    assert text.index("刘丹老师包教记录") < text.index("张文华老师包教记录")
    entry = AuditEntry.objects.get(action="mentoring.booklet.exported")
    assert entry.after["real_names"] is False and sorted(entry.after["cases"]) == sorted(
        [xiaochuan.pk, siqi.pk]
    )


def test_real_names_need_confirmation(world, booklet_cases, client):
    client.force_login(world.users["secretary"])
    response = _post(client, real_names="on")
    assert response.status_code == 200 and "须勾选确认" in response.content.decode()
    assert not AuditEntry.objects.filter(action="mentoring.booklet.exported").exists()


def test_real_names_when_confirmed_and_audited(world, booklet_cases, client):
    client.force_login(world.users["secretary"])
    response = _post(client, real_names="on", confirm="on")
    text = _text(response.content)
    assert "王小川（学生A01）" in text and "课间与小川谈心" in text and "仅限支部内部使用" in text
    entry = AuditEntry.objects.get(action="mentoring.booklet.exported")
    assert entry.after["real_names"] is True and entry.actor == world.users["secretary"]


def test_selected_cases_only(world, booklet_cases, client):
    xiaochuan, siqi = booklet_cases
    client.force_login(world.users["secretary"])
    text = _text(_post(client, cases=[siqi.pk]).content)
    assert siqi.student.pseudonym in text and xiaochuan.student.pseudonym not in text


def test_fonts_and_page(world, booklet_cases, client):
    client.force_login(world.users["secretary"])
    doc = Document(BytesIO(_post(client).content))
    normal = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    heading = doc.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "黑体"
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_no_cases_gives_a_message(world, client):
    client.force_login(world.users["secretary"])
    response = _post(client)
    assert response.status_code == 200 and "请先新建包教记录" in response.content.decode()


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_booklet_opens_in_libreoffice(world, booklet_cases, client, tmp_path):
    client.force_login(world.users["secretary"])
    source = tmp_path / "booklet.docx"
    source.write_bytes(_post(client).content)
    subprocess.run(  # noqa: S603
        [
            shutil.which("soffice"),
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "booklet.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
        assert "春风化雨" in text and "王小川" not in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / "mentoring-booklet.pdf")
