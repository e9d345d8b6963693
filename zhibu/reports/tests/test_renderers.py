import io
from datetime import date

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import load_workbook

from zhibu.core.models import Person
from zhibu.core.periods import Period
from zhibu.core.registries import figures, sections
from zhibu.core.spreadsheets.writing import escape_formula as cell
from zhibu.reports import pdf
from zhibu.reports.drafting import draft
from zhibu.reports.renderers import render

CAMPAIGN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def annual_docx(world):
    doc, _v = draft("annual", world.branch, CAMPAIGN)
    return read_docx(io.BytesIO(render("docx", doc))), doc


def _east(element) -> str | None:
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia"))


def test_docx_page_and_margins_follow_gbt9704(annual_docx):
    out, _doc = annual_docx
    section = out.sections[0]
    measured = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    measured += [section.left_margin, section.right_margin]
    for got, want in zip(measured, [210, 297, 37, 35, 28, 26], strict=True):
        assert abs(got - Mm(want)) < Mm(0.05)  # .docx stores twentieths of a point


def test_docx_styles_name_east_asian_fonts(annual_docx):
    out, _doc = annual_docx
    expected = {
        "Normal": ("仿宋_GB2312", 16),
        "Title": ("方正小标宋简体", 22),
        "Heading 1": ("黑体", 16),
        "Heading 2": ("楷体_GB2312", 16),
    }
    for name, (face, size) in expected.items():
        style = out.styles[name]
        assert _east(style.element) == face, name
        assert style.font.size == Pt(size), name
    normal = out.styles["Normal"].paragraph_format
    assert normal.line_spacing == Pt(28) and normal.first_line_indent == Pt(32)


def test_docx_every_run_sets_east_asia_and_headings_are_numbered(annual_docx):
    out, _doc = annual_docx
    title = out.paragraphs[0]
    assert title.style.name == "Title" and title.style.paragraph_format.alignment == 1  # centred
    for paragraph in out.paragraphs:
        for run in paragraph.runs:
            assert run._r.rPr.rFonts.get(qn("w:eastAsia")), paragraph.text
    h1 = [p.text for p in out.paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in out.paragraphs if p.style.name == "Heading 2"]
    assert h1 == ["一、基本情况和主要做法", "二、取得的成绩", "三、存在的不足", "四、今后的打算"]
    assert h2 and all(t.startswith("（") for t in h2)
    assert all(_east_of_runs(p) == "黑体" for p in out.paragraphs if p.style.name == "Heading 1")


def _east_of_runs(paragraph) -> str:
    return paragraph.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_figures_equal_registry_and_signature(annual_docx, world):
    out, doc = annual_docx
    body = "\n".join(p.text for p in out.paragraphs)
    for run in doc.figure_runs():
        value = figures.compute(run.code, world.branch, CAMPAIGN, **run.params).value
        assert run.value == str(value)
        assert f"{value}{run.unit}" in body
    assert "我校现有在校党员3人" in body
    assert "近两年没有发展党员" in body
    tail = [p for p in out.paragraphs if p.text][-2:]
    assert [p.text for p in tail] == ["XX市育才学校党支部", "2023年7月31日"]
    assert all(p.alignment == 2 for p in tail)  # right


def test_docx_footer_has_page_field_outside(annual_docx):
    out, _doc = annual_docx
    section = out.sections[0]
    for footer, align in ((section.footer, 2), (section.even_page_footer, 0)):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml and " —" in xml
        assert footer.paragraphs[0].alignment == align
    assert out.settings.odd_and_even_pages_header_footer


def test_html_links_each_figure_to_its_records(world):
    doc, _v = draft("annual", world.branch, CAMPAIGN)
    html = render("html", doc).decode()
    assert (
        '<a class="fig" href="/figures/people.serving_members/'
        '?org=yucai&amp;from=2021-09-01&amp;to=2023-07-31"' in html
    )
    assert html.count('class="fig') == len(doc.figure_runs())


def test_markdown_output(world):
    doc, _v = draft("annual", world.branch, CAMPAIGN)
    md = render("md", doc).decode()
    assert md.startswith("# XX市育才学校党支部2021—2023年工作总结")
    assert "## 一、基本情况和主要做法" in md and "### （一）" in md
    assert "[3人](/figures/people.serving_members/?org=yucai&from=2021-09-01&to=2023-07-31)" in md


def test_ledger_workbook_sheet_per_ledger_and_escaped_cells(world, fake_ledger):
    Person.objects.filter(pk=world.people["member"].pk).update(name="=HYPERLINK(1)")
    doc, _v = draft("ledger", world.branch, Period.year(2023))
    book = load_workbook(io.BytesIO(render("xlsx", doc)))
    assert book.sheetnames[0] == "统计汇总"
    ledgers = {sections.ledger_label(spec.ledger) for spec in figures.all()}
    assert {"党员队伍", "送温暖献爱心"} <= ledgers  # core's people and the test-only ledger
    assert sorted(book.sheetnames[1:]) == sorted(ledgers)
    people = book["党员队伍"]
    values = [c.value for row in people.iter_rows() for c in row if c.value]
    assert "姓名" in values  # the model's own verbose header
    assert "'=HYPERLINK(1)" in values and "=HYPERLINK(1)" not in values
    summary = [[c.value for c in row] for row in book["统计汇总"].iter_rows(min_row=4)]
    assert ["党员队伍", "党员人数", 3, "人", "people.members"] in summary


def test_escaping_helper():
    assert cell("=1+1") == "'=1+1" and cell("@x") == "'@x" and cell("-2") == "'-2"
    assert cell("张文华") == "张文华" and cell(3) == 3 and cell(None) == ""
    assert cell("＝1+1") == "'＝1+1" and cell("\n=1") == "'\n=1"


@pytest.mark.skipif(not pdf.available(), reason="LibreOffice not installed")
def test_pdf_conversion_with_font_aliases(world):
    doc, _v = draft("weekly", world.branch, Period.week(date(2023, 5, 8)))
    body = pdf.convert(render("docx", doc))
    assert body.startswith(b"%PDF")
    assert "方正小标宋简体" in pdf.FONTCONFIG_TEXT and "Noto Serif CJK SC" in pdf.FONTCONFIG_TEXT
