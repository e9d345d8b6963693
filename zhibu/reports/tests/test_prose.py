"""Issue 14, part 一 and the layout: sentences that say only what happened, under each practice's own
name; no doubled punctuation; the monthly table of key figures; titles broken between words."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from docx import Document as read_docx

from zhibu.core.periods import Period
from zhibu.core.registries import figures, sections
from zhibu.core.registries.sections import Para
from zhibu.meetings.tests.helpers import at, make_meeting
from zhibu.mentoring import services as mentoring_services
from zhibu.mentoring.models import MentoringCase
from zhibu.mentoring.tests.factories import make_case, make_student
from zhibu.reports.document import FigureRun, Heading, Paragraph, Table, tidy
from zhibu.reports.drafting import draft
from zhibu.reports.renderers.docx import render_docx
from zhibu.reports.renderers.titles import LINE_EMS, ems, title_lines

pytestmark = pytest.mark.django_db
DOUBLED = re.compile("[、，：；。]{2,}")


def _text(document) -> str:
    return "\n".join(
        "".join(run if isinstance(run, str) else run.text for run in p.runs) for p in document.paragraphs()
    )


def _part_one(document) -> list[Paragraph]:
    """The paragraphs of 一、 (up to the heading 二、)."""
    paras, inside = [], False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text.startswith("一、")
        elif inside and isinstance(block, Paragraph):
            paras.append(block)
    return paras


# -- punctuation -------------------------------------------------------------------------------
def test_tidy_keeps_the_strongest_mark_of_a_run():
    assert tidy("坚持“三会一课”制度，，党员参加") == "坚持“三会一课”制度，党员参加"
    assert tidy("共学习3次，。另") == "共学习3次。另"
    assert tidy("甲。。乙、，丙；，丁") == "甲。乙，丙；丁"
    assert tidy("{fig:meetings.held|kind=forum}，其中") == "{fig:meetings.held|kind=forum}，其中"


@pytest.fixture
def sloppy_section():
    @sections.register("zz.sloppy", part="basic", title="测试", order=999)
    def sloppy(org, period, ctx):
        return [Para("召开会议，，共" + sections.fig("meetings.held") + "。。")]

    yield
    sections.unregister("zz.sloppy")


@time_machine.travel(date(2024, 2, 1))
def test_the_builder_collapses_doubled_punctuation_whatever_a_drafter_joins(world, sloppy_section):
    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 3, 6))
    for kind, period in (("annual", Period.year(2023)), ("monthly", Period.month(2023, 3))):
        document, _values = draft(kind, world.branch, period)
        text = _text(document)
        assert "召开会议，共" in text
        assert not DOUBLED.search(text), DOUBLED.search(text).group(0)


# -- sentences adapt to their numbers ----------------------------------------------------------
@time_machine.travel(date(2024, 2, 1))
def test_one_theory_group_session_is_not_a_weekly_habit_and_no_zero_is_claimed(world):
    make_meeting(world.branch, "theory_group", held_at=at(2023, 3, 6))
    document, _values = draft("annual", world.branch, Period.year(2023))
    text = _text(document)
    assert "中心理论组集中学习1次。" in text
    assert "坚持每周" not in text
    # neither a zero sentence nor a "，，" where the 三会一课 listing is empty
    assert "坚持“三会一课”制度，" not in text and "，，" not in text
    runs = [r for p in _part_one(document) for r in p.runs if isinstance(r, FigureRun)]
    assert runs and not [r.label for r in runs if float(r.value) == 0]


@time_machine.travel(date(2024, 2, 1))
def test_every_meeting_type_is_named(world):
    make_meeting(world.branch, "topical_meeting", held_at=at(2023, 3, 6))
    make_meeting(world.branch, "democratic_life_meeting", held_at=at(2023, 4, 6))
    make_meeting(world.branch, "forum", held_at=at(2023, 5, 6))
    text = _text(draft("annual", world.branch, Period.year(2023))[0])
    assert "坚持党内民主，召开民主生活会1次、专题组织会议1次、民主座谈会1次，共3次。" in text


@time_machine.travel(date(2024, 2, 1))
def test_every_subject_of_the_party_lectures_is_named(world):
    from zhibu.study.tests import helpers as study

    for month in (3, 4):
        study.session(world.branch, "party_lecture", date(2023, month, 8), subject="党史")
    for month in (5, 6):
        study.session(world.branch, "party_lecture", date(2023, month, 8), subject="党章")
    study.session(world.branch, "party_lecture", date(2023, 9, 8))
    study.session(world.branch, "seminar", date(2023, 10, 8))
    document, values = draft("annual", world.branch, Period.year(2023))
    text = _text(document)
    assert (
        "共开展集中学习6次，其中支部成员以讲党课的形式学习党史2次、党章2次，另讲党课1次，开展专题研讨1次"
    ) in text
    assert values["study.sessions|form=party_lecture|subject=党章"]["value"] == "2"


@time_machine.travel(date(2024, 2, 1))
def test_a_scheme_is_reported_under_its_own_name_and_kind_of_student(world):
    mentor = world.people["member"]
    for _n in range(3):
        make_case(mentor, scheme="shuanglian", student_kind="struggling", started_on=date(2023, 3, 1))
    make_case(mentor, scheme="baojiao", student_kind="problem", started_on=date(2023, 3, 1))
    text = _text(draft("annual", world.branch, Period.year(2023))[0])
    assert "党员双联学困生3人，包教问题学生1人，制定帮教方案" in text
    assert "包教问题学生3人" not in text


def test_an_unknown_kind_of_student_is_refused_and_nothing_written(world):
    student = make_student(world.branch)
    with pytest.raises(ValidationError) as refused:
        mentoring_services.case_create(
            actor=world.users["secretary"],
            organisation=world.branch,
            student=student,
            mentor=world.people["member"],
            started_on=date(2023, 3, 1),
            student_kind="genius",
        )
    assert "未知的帮教对象类别" in str(refused.value)
    assert not MentoringCase.objects.exists()


# -- the monthly summary -----------------------------------------------------------------------
@time_machine.travel(date(2024, 2, 1))
def test_monthly_summary_tables_the_key_figures_against_last_month_and_last_year(world):
    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 3, 6))
    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 2, 6))
    make_meeting(world.branch, "committee_meeting", held_at=at(2022, 3, 7))
    make_meeting(world.branch, "general_meeting", held_at=at(2022, 3, 20))
    document, _values = draft("monthly", world.branch, Period.month(2023, 3))
    assert document.title.endswith("2023年3月工作总结") and "月月" not in document.title
    table = next(b for b in document.blocks if isinstance(b, Table))
    assert table.headers[1:] == ["本月（2023年3月）", "上月（2023年2月）", "去年同月（2022年3月）"]
    rows = {row[0].text: row[1:] for row in table.cells}
    committee = rows["召开支委会"]
    assert [c.runs[0].text for c in committee] == ["1次", "1次", "1次"]
    assert "from=2023-02-01&to=2023-02-28" in committee[1].runs[0].link
    assert "from=2022-03-01&to=2022-03-31" in committee[2].runs[0].link
    assert [c.runs[0].text for c in rows["召开支部党员大会"]] == ["0次", "0次", "1次"]
    assert "讲党课" not in rows  # three zeros: left out
    assert {spec.label for spec in figures.key_figures()} >= set(rows)


# -- titles ------------------------------------------------------------------------------------
def test_a_title_breaks_between_the_organisation_and_the_period():
    org = "XX市育才学校党支部"
    assert title_lines(f"{org}2021—2023年工作总结", org) == [org, "2021—2023年工作总结"]
    assert title_lines(f"{org}2023年3月工作总结", org) == [f"{org}2023年3月工作总结"]
    long_org = "中共XX市教育体育局委员会直属机关第三党总支部第一党支部"
    lines = title_lines(f"{long_org}2023年度工作总结", long_org)
    assert lines == ["中共XX市教育体育局委员会", "直属机关第三党总支部第一党支部", "2023年度工作总结"]
    assert all(ems(line) <= LINE_EMS for line in lines)


# -- the demo school's two-year summary, read back from the .docx ------------------------------
@pytest.fixture
def demo(db, settings, tmp_path, monkeypatch):
    from django.core.management import call_command

    from zhibu.core.models import Organisation
    from zhibu.core.tests.factories import FAST_HASHERS

    settings.VAR_DIR = tmp_path
    settings.PASSWORD_HASHERS = FAST_HASHERS
    monkeypatch.setenv("ZHIBU_DEMO_PASSWORD", "Demo-Passwort-2024")
    with time_machine.travel(date(2026, 11, 25), tick=False):
        call_command("demo", stdout=io.StringIO())
        yield Organisation.objects.get(code="yucai")


def _docx(document):
    return read_docx(io.BytesIO(render_docx(document)))


def test_demo_two_year_summary_docx_says_no_zero_and_breaks_its_title(demo):
    document, _values = draft("annual", demo, Period.span(date(2021, 9, 1), date(2023, 7, 31)))
    for paragraph in _part_one(document):
        zeros = [r.label for r in paragraph.runs if isinstance(r, FigureRun) and float(r.value) == 0]
        assert not zeros, (paragraph.text, zeros)
    doc = _docx(document)
    title = doc.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == "XX市育才学校党支部\n2021—2023年工作总结"  # one paragraph, a line break inside
    assert len(title._p.xpath(".//w:br")) == 1
    text = "\n".join(p.text for p in doc.paragraphs)
    assert not DOUBLED.search(text)
    assert "尚未登记" not in text and "0人，新确定入党积极分子0人" not in text
    assert "专题组织会议" in text  # a meeting type with records is never dropped


def test_demo_monthly_summary_docx_has_the_key_figure_table(demo):
    document, _values = draft("monthly", demo, Period.month(2023, 3))
    doc = _docx(document)
    assert doc.paragraphs[0].text.endswith("2023年3月工作总结")
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "项目",
        "本月（2023年3月）",
        "上月（2023年2月）",
        "去年同月（2022年3月）",
    ]
    body = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    assert body["召开支委会"] == ["1次", "1次", "1次"]
    assert all(values != ["0次"] * 3 for values in body.values())
    weekly = _docx(draft("weekly", demo, Period.week(date(2023, 3, 6)))[0])
    lines = [p.text for p in weekly.paragraphs if re.match(r"\d+\. ", p.text)]
    assert lines and not any("：" in line.split("本周")[0] for line in lines)  # no "<ledger>：<figure dump>"
