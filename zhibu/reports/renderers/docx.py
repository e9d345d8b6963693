"""公文 .docx per GB/T 9704-2012: A4, margins 37/35/28/26 mm, title 方正小标宋简体 二号 centred, body
仿宋_GB2312 三号 with exact 28 pt lines and a two-character first-line indent, headings 黑体 "一、"
and 楷体_GB2312 "（一）", page numbers "— 1 —" at the bottom outside (odd right, even left).

Word picks a CJK run's face from w:eastAsia, not w:ascii, so every style and every run sets all
four rFonts attributes; the theme-font attributes the default template carries are removed, or
they would win over the named face.
"""

from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from zhibu.core.periods import cn_date

from ..document import Document, FigureRun, Heading, Paragraph, SignatureBlock, Table
from .registry import register
from .titles import title_lines

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
LINE = Pt(28)
INDENT_2_CHARS = Pt(32)  # two 三号 characters


def set_fonts(element, face: str) -> None:
    """Name `face` for ascii, hAnsi, eastAsia and cs on a run or style's rPr; drop theme fonts."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), face)
    lang = rpr.find(qn("w:lang"))
    if lang is None:  # Simplified-Chinese glyph forms when a font collection covers several regions
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style(doc, name: str, face: str, size, *, align=None, indent=True, line=LINE):
    style = doc.styles[name]
    style.font.size = size
    style.font.bold = False
    style.font.italic = False
    style.font.color.rgb = None
    set_fonts(style.element, face)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = INDENT_2_CHARS if indent else Pt(0)
    fmt.keep_with_next = name.startswith("Heading") or name == "Title"
    if align is not None:
        fmt.alignment = align
    return style


def _setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28) - Pt(14)  # 页码 sits about 7 mm below the type area
    _style(doc, "Normal", BODY_FONT, SIZE_3, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _style(doc, "Title", TITLE_FONT, SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=Pt(36))
    title = doc.styles["Title"].element.pPr
    border = title.find(qn("w:pBdr"))
    if border is not None:  # the default template underlines its Title
        title.remove(border)
    _style(doc, "Heading 1", H1_FONT, SIZE_3)
    _style(doc, "Heading 2", H2_FONT, SIZE_3)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _field(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    code = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code._r.append(text)
    end_run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    end_run._r.append(end)
    for r in (run, code, end_run):
        _font(r, PAGE_NUMBER_FONT, SIZE_4)


def _page_number(footer, align) -> None:
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Pt(0)
    # "— 1 —" with one space inside the dashes; a 四号 space outside keeps the number off the edge
    _font(paragraph.add_run("— "), PAGE_NUMBER_FONT, SIZE_4)
    _field(paragraph, "PAGE")
    _font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, SIZE_4)


def _font(run, face: str, size=None) -> None:
    set_fonts(run._r, face)
    if size is not None:
        run.font.size = size


def _runs(paragraph_out, paragraph: Paragraph, face: str) -> None:
    for run in paragraph.runs or [paragraph.text]:
        text = run.text if isinstance(run, FigureRun) else run
        out = paragraph_out.add_run(text)
        _font(out, face)
        if isinstance(run, FigureRun) and run.changed:
            out.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _table(doc, table: Table) -> None:
    out = doc.add_table(rows=1, cols=max(1, len(table.headers)))
    out.style = doc.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(out.rows[0].cells, table.headers, strict=False):
        _cell(cell, str(header), bold=True)
    for row in table.cells or [["" if v is None else str(v) for v in r] for r in table.rows]:
        cells = out.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            _cell(cell, value)


def _cell(cell, value: str | Paragraph, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for text in [value] if isinstance(value, str) else _texts(value):
        run = paragraph.add_run(text)
        _font(run, BODY_FONT, Pt(12))
        run.font.bold = bold


def _texts(paragraph: Paragraph) -> list[str]:
    return [r.text if isinstance(r, FigureRun) else r for r in paragraph.runs or [paragraph.text]]


@register(
    "docx",
    label=".docx（公文格式）",
    content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    order=10,
)
def render_docx(document: Document) -> bytes:
    doc = new_docx()
    _setup(doc)
    title = doc.add_paragraph(style="Title")
    for number, line in enumerate(title_lines(document.title, getattr(document.org, "name", ""))):
        run = title.add_run()
        if number:
            run.add_break()  # a line break inside the one title paragraph
        run.add_text(line)
        _font(run, TITLE_FONT)
    doc.add_paragraph()  # GB/T 9704: one blank line between title and body
    faces = {1: ("Heading 1", H1_FONT), 2: ("Heading 2", H2_FONT)}
    for block in document.blocks:
        if isinstance(block, Heading):
            style, face = faces.get(block.level, faces[2])
            _font(doc.add_paragraph(style=style).add_run(block.text), face)
        elif isinstance(block, Paragraph):
            out = doc.add_paragraph(style="Normal")
            if block.style == "lead":
                out.paragraph_format.first_line_indent = Pt(0)
            _runs(out, block, BODY_FONT)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, SignatureBlock):
            _signature(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _signature(doc, block: SignatureBlock) -> None:
    doc.add_paragraph()
    doc.add_paragraph()
    for text in (block.org_name, cn_date(block.on)):
        paragraph = doc.add_paragraph(style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = INDENT_2_CHARS * 2  # 右空四字
        _font(paragraph.add_run(text), BODY_FONT)
