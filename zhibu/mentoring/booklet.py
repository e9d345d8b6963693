"""The booklet 春风化雨 启迪心灵——党员包教工作记录: selected cases' plans and logs, one chapter per
mentor (按姓氏笔画), as a .docx. Pseudonyms by default; real names only when the secretary ticks
the choice AND confirms it, and that choice is written to the audit trail.

Fonts: body 仿宋_GB2312, headings 黑体, set on w:eastAsia so Word and LibreOffice pick the CJK face;
where those fonts are not installed LibreOffice falls back to the system CJK font (Noto CJK).
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from zhibu.core import audit, policy, writes
from zhibu.core.models import Organisation, User
from zhibu.core.periods import cn_date
from zhibu.core.strokes import name_sort_key

from . import access
from .audit_actions import MentoringAction
from .models import MentoringCase
from .selectors import booklet_cases

TITLE = "春风化雨 启迪心灵"
SUBTITLE = "——党员包教工作记录"
BODY_FONT, HEADING_FONT, TITLE_FONT = "仿宋_GB2312", "黑体", "方正小标宋简体"
CN_NUMERALS = "一二三四五六七八九十"


def _cn_number(n: int) -> str:
    if n <= 10:
        return CN_NUMERALS[n - 1]
    if n < 20:
        return "十" + CN_NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return CN_NUMERALS[tens - 1] + "十" + (CN_NUMERALS[ones - 1] if ones else "")


def _set_font(style_or_run, name: str, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = name
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)  # a theme font would override the explicit face
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _set_font(doc.styles["Normal"], BODY_FONT, 16)
    for name, size in (("Heading 1", 16), ("Heading 2", 16), ("Title", 22)):
        style = doc.styles[name]
        _set_font(style, TITLE_FONT if name == "Title" else HEADING_FONT, size, bold=False)
        style.font.color.rgb = None
    _page_number_footer(section)


def _page_number_footer(section) -> None:
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    para._p.append(field)


def _para(doc, text: str, *, bold: bool = False, align=None, size: float | None = None, font: str = ""):
    para = doc.add_paragraph()
    run = para.add_run(text)
    if bold or size or font:
        _set_font(run, font or BODY_FONT, size, bold=bold or None)
    if align is not None:
        para.alignment = align
    return para


def _cover(doc, org: Organisation, real_names: bool) -> None:
    for _i in range(5):
        doc.add_paragraph()
    _para(doc, TITLE, align=WD_ALIGN_PARAGRAPH.CENTER, size=26, font=TITLE_FONT)
    _para(doc, SUBTITLE, align=WD_ALIGN_PARAGRAPH.CENTER, size=18, font=HEADING_FONT)
    for _i in range(6):
        doc.add_paragraph()
    _para(doc, org.name, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, cn_date(timezone.localdate()), align=WD_ALIGN_PARAGRAPH.CENTER)
    note = _("本册含学生真实姓名，仅限支部内部使用，不得外传。") if real_names else _("本册学生均使用化名。")
    _para(doc, note, align=WD_ALIGN_PARAGRAPH.CENTER, size=12)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _student_label(case: MentoringCase, real_names: bool) -> str:
    student = case.student
    if real_names:
        return f"{student.name}（{student.pseudonym}）"
    return student.pseudonym


def _scrub(text: str, case: MentoringCase, real_names: bool) -> str:
    """Mentors sometimes write the child's name inside a note; the pseudonymised booklet replaces
    the full name (and a given name of two or more characters) with the pseudonym."""
    if real_names or not text:
        return text
    name = case.student.name or ""
    for token in sorted({name, name[1:] if len(name) >= 3 else ""} - {""}, key=len, reverse=True):
        text = text.replace(token, case.student.pseudonym)
    return text


def _chapters(cases: Iterable[MentoringCase]) -> list[tuple[str, list[MentoringCase]]]:
    by_mentor: dict[str, list[MentoringCase]] = defaultdict(list)
    for case in cases:
        by_mentor[case.mentor.name].append(case)
    return [
        (name, sorted(by_mentor[name], key=lambda c: (c.started_on, c.pk)))
        for name in sorted(by_mentor, key=name_sort_key)
    ]


def _contents(doc, chapters, real_names: bool) -> None:
    doc.add_heading(_("目  录"), level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, (mentor, cases) in enumerate(chapters, start=1):
        students = "、".join(_student_label(c, real_names) for c in cases)
        _para(doc, f"{_cn_number(index)}、{mentor}老师包教记录（{students}）")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _case_section(doc, case: MentoringCase, real_names: bool) -> None:
    span = cn_date(case.started_on) + "至" + (cn_date(case.ended_on) if case.ended_on else "今")
    facts = f"{case.student.class_name}，{case.get_scheme_display()}，{span}"
    doc.add_heading(f"{_student_label(case, real_names)}（{facts}）", level=2)
    _para(doc, _("包教方案"), bold=True, font=HEADING_FONT)
    for label, text in case.plan_by_dimension():
        if text:
            _para(doc, f"【{label}】{_scrub(text, case, real_names)}")
    _para(doc, _("帮教记录"), bold=True, font=HEADING_FONT)
    logs = getattr(case, "ordered_logs", None) or list(case.logs.order_by("on", "pk"))
    written = [log for log in logs if not log.purged]
    if not written:
        _para(doc, _("（无记录）"))
    for log in written:
        line = f"{cn_date(log.on)}【{log.get_dimension_display()}】{_scrub(log.text, case, real_names)}"
        if log.observation:
            line += f" 观察：{_scrub(log.observation, case, real_names)}"
        _para(doc, line)
    outcome = f"{_('转化情况')}：{case.get_outcome_display()}"
    if case.outcome_on:
        outcome += f"（{cn_date(case.outcome_on)}）"
    if case.outcome_evidence:
        outcome += f" {_scrub(case.outcome_evidence, case, real_names)}"
    _para(doc, outcome)


def render(org: Organisation, cases: list[MentoringCase], *, real_names: bool) -> bytes:
    doc = Document()
    _setup(doc)
    doc.core_properties.title = TITLE + SUBTITLE
    doc.core_properties.author = org.name
    _cover(doc, org, real_names)
    chapters = _chapters(cases)
    _contents(doc, chapters, real_names)
    for index, (mentor, mentor_cases) in enumerate(chapters, start=1):
        if index > 1:
            doc.add_section(WD_SECTION.NEW_PAGE)
        doc.add_heading(f"{_cn_number(index)}、{mentor}老师包教记录", level=1)
        for case in mentor_cases:
            _case_section(doc, case, real_names)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@writes.service
def booklet_export(
    *, actor: User, organisation: Organisation, case_ids: list[int], real_names: bool, confirm: bool
) -> bytes:
    policy.require(actor, access.MANAGE, organisation)
    if real_names and not confirm:
        raise ValidationError({"confirm": _("使用学生真实姓名须勾选确认。")})
    cases = list(booklet_cases(actor, organisation, case_ids))
    if not cases:
        raise ValidationError(_("没有可编入小册子的包教记录，请先新建包教记录。"))
    data = render(organisation, cases, real_names=real_names)
    audit.record(
        actor,
        MentoringAction.BOOKLET_EXPORTED,
        None,
        organisation=organisation,
        object_repr=TITLE,
        after={"real_names": bool(real_names), "cases": [c.pk for c in cases]},
    )
    return data
