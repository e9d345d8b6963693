import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory, make_org
from zhibu.reports.builders.common import ledgers_without_section
from zhibu.reports.document import Heading, Paragraph, SignatureBlock
from zhibu.reports.drafting import draft

YEAR = Period.year(2023)
CAMPAIGN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


def _text(doc) -> str:
    return "\n".join(
        "".join(r.text if hasattr(r, "code") else r for r in b.runs)
        if isinstance(b, Paragraph)
        else getattr(b, "text", "")
        for b in doc.blocks
    )


def test_annual_has_four_parts_signature_and_people_figures(world):
    doc, values = draft("annual", world.branch, CAMPAIGN)
    level1 = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == ["一、基本情况和主要做法", "二、取得的成绩", "三、存在的不足", "四、今后的打算"]
    assert [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 2][0].startswith("（一）")
    assert isinstance(doc.blocks[-1], SignatureBlock) and doc.blocks[-1].on == date(2023, 7, 31)
    serving = figures.compute("people.serving_members", world.branch, CAMPAIGN).value
    run = next(r for r in doc.figure_runs() if r.code == "people.serving_members")
    assert run.value == str(serving) == "3"  # secretary, committee, member; the checker is an activist
    assert f"我校现有在校党员{serving}人" in _text(doc)
    assert values["people.serving_members"]["value"] == "3"


def test_annual_weakness_about_development_is_computed_not_typed(world):
    doc, _v = draft("annual", world.branch, CAMPAIGN)
    text = _text(doc)
    weak = text.split("三、存在的不足")[1].split("四、今后的打算")[0]
    assert "组织发展工作抓得不紧：近两年没有发展党员，积极分子培养还需加强。" in weak
    assert "加强入党积极分子的培养教育" in text.split("四、今后的打算")[1]


def test_development_weakness_disappears_once_someone_became_probationary(world):
    PersonFactory(
        organisation=world.branch, name="郑浩", party_status="probationary", history=date(2022, 6, 1)
    )
    doc, _v = draft("annual", world.branch, CAMPAIGN)
    assert "近两年没有发展党员" not in _text(doc)
    run = next(r for r in doc.figure_runs() if r.code == "people.new_probationary")
    assert run.value == "1"


def test_new_ledger_reaches_every_document_without_report_code(world, fake_ledger, visit):
    assert "fakecare" in ledgers_without_section("annual")
    annual, _v = draft("annual", world.branch, YEAR)
    # its own numbered sub-section, wherever the registered ledgers put it
    assert re.search(r"（[一二三四五六七八九十]+）送温暖献爱心", _text(annual))
    assert "送温暖献爱心：捐款0元，走访慰问1人次。" in _text(annual)
    monthly, _v = draft("monthly", world.branch, Period.month(2023, 3))
    assert "走访慰问1人次" in _text(monthly)
    weekly, _v = draft("weekly", world.branch, Period.week(date(2023, 3, 8)))
    assert "走访慰问1人次" in _text(weekly) and "捐款" not in _text(weekly)  # weekly: only what happened
    quiet_week, _v = draft("weekly", world.branch, Period.week(date(2023, 5, 8)))
    assert "走访慰问" not in _text(quiet_week)
    ledger, _v = draft("ledger", world.branch, YEAR)
    assert "送温暖献爱心" in [b.text for b in ledger.blocks if isinstance(b, Heading)]


def test_registered_section_replaces_generic_paragraph_and_feeds_plans(world, fake_section, visit):
    annual, _v = draft("annual", world.branch, YEAR)
    text = _text(annual)
    assert "节假日走访慰问困难教工和学生1人次。" in text
    assert "送温暖献爱心：" not in text
    monthly, _v = draft("monthly", world.branch, Period.month(2023, 3))
    plans = _text(monthly).split("四、下月工作安排")[1]
    assert "2023年4月1日前开展节日走访慰问" in plans


def test_monthly_and_weekly_structure(world):
    monthly, _v = draft("monthly", world.branch, Period.month(2023, 5))
    assert monthly.title == "XX市育才学校党支部2023年5月工作总结"
    assert [b.text for b in monthly.blocks if isinstance(b, Heading) and b.level == 1] == [
        "一、主要数据",
        "二、工作开展情况",
        "三、存在的问题",
        "四、下月工作安排",
    ]
    weekly, _v = draft("weekly", world.branch, Period.week(date(2023, 5, 10)))
    assert weekly.title.startswith("XX市育才学校党支部工作周信息")
    assert "本周各台账无新增工作记录。" in _text(weekly)


def _bureau_with(n: int):
    bureau = make_org(f"b{n}", f"局党委{n}", kind="committee")
    for i in range(n):
        branch = make_org(f"b{n}-s{i}", f"第{i}学校党支部", parent=bureau)
        for _j in range(3):
            PersonFactory(organisation=branch)
    return bureau


def _queries_for_all_figures(org) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as ctx:
        values = {s.code: figures.compute(s.code, org, YEAR).value for s in figures.all()}
    return len(ctx.captured_queries), values


def test_figures_over_a_subtree_sum_in_bounded_queries(db):
    small, large = _bureau_with(2), _bureau_with(6)
    q_small, v_small = _queries_for_all_figures(small)
    q_large, v_large = _queries_for_all_figures(large)
    assert q_small == q_large  # not one query per branch
    assert v_small["people.members"] == 6 and v_large["people.members"] == 18
    assert v_large["people.staff"] == 18


def test_two_dates_make_a_named_period_when_they_can():
    from zhibu.reports.drafting import period_between

    assert period_between(date(2023, 1, 1), date(2023, 12, 31)).kind == "year"
    term = period_between(date(2022, 9, 1), date(2023, 1, 31))
    assert term.kind == "term" and term.label == "2022—2023学年度第一学期"
    assert period_between(date(2021, 9, 1), date(2023, 7, 31)).kind == "span"
