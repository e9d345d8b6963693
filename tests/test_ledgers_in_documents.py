"""Integration: ledger paragraphs and obligations reach the documents through the sections registry."""

from datetime import date

import pytest
import time_machine

from zhibu.core.periods import Period
from zhibu.core.registries import figures, sections
from zhibu.meetings.tests.helpers import at, make_meeting
from zhibu.reports.drafting import draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2023(world):
    make_meeting(world.branch, "general_meeting", held_at=at(2023, 3, 20))
    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 3, 6))
    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 4, 3))
    make_meeting(world.branch, "theme_day", "party_lecture", held_at=at(2023, 4, 28))
    make_meeting(world.branch, "forum", held_at=at(2023, 6, 16))
    return Period.year(2023)


def _text(document) -> str:
    """The paragraphs as a reader sees them: references replaced by their values."""
    return "\n".join(
        "".join(run if isinstance(run, str) else run.text for run in p.runs) for p in document.paragraphs()
    )


@time_machine.travel(date(2024, 2, 1))
def test_annual_summary_drafts_the_meetings_paragraph_from_figures(world, year_2023):
    document, values = draft("annual", world.branch, year_2023)
    text = _text(document)
    assert "召开支部党员大会1次、支委会2次，讲党课1次，开展主题党日1次" in text
    assert "坚持党内民主，召开民主座谈会1次。" in text
    # every number the paragraph shows is the registered figure's value
    for code in ("meetings.general_meetings", "meetings.committee_meetings", "meetings.forums"):
        assert values[code]["value"] == str(figures.compute(code, world.branch, year_2023).value)


@time_machine.travel(date(2024, 2, 1))
def test_annual_plans_name_the_cadence_not_every_slot(world, year_2023):
    lines = [o.text for o in sections.obligations_for(world.branch, Period.year(2024))]
    assert "按月召开支委会" in lines
    assert not any("召开支委会（2024年3月）" in line for line in lines)
    # a cadence, never a count of future meetings
    assert not any("共" in line for line in lines)


@time_machine.travel(date(2023, 11, 20))
def test_monthly_plans_itemise_each_meeting_due(world, year_2023):
    lines = [o.text for o in sections.obligations_for(world.branch, Period.month(2023, 12))]
    assert "召开支委会（2023年12月）" in lines
    assert "召开组织生活会（2023年）" in lines


@time_machine.travel(date(2023, 4, 5))
def test_weekly_bulletin_mentions_only_what_happened(world, year_2023):
    quiet, _ = draft("weekly", world.branch, Period.week(date(2023, 5, 8)))
    assert "本周召开" not in _text(quiet)
    busy, _ = draft("weekly", world.branch, Period.week(date(2023, 4, 3)))
    assert "本周召开支委会1次" in _text(busy)


@time_machine.travel(date(2024, 2, 1))
def test_annual_summary_drafts_the_study_paragraph_like_the_seed(world):
    from zhibu.study.tests import helpers as study

    for month in (3, 5):
        study.session(world.branch, "party_lecture", date(2023, month, 8), subject="党史")
    study.session(world.branch, "exemplar_report", date(2023, 4, 12))
    study.task(world.branch, "自学《中国共产党章程》", date(2023, 3, 1), date(2023, 3, 31))
    study.book(world.branch, world.people["member"], "红岩", date(2023, 4, 20))
    document, values = draft("annual", world.branch, Period.year(2023))
    text = _text(document)
    assert "其中支部成员以讲党课的形式学习党史2次，学习先进人物的事迹报告1次；另布置任务自学1次" in text
    assert "党员共读书1本" in text
    assert values["study.sessions|form=party_lecture|subject=党史"]["value"] == "2"


@time_machine.travel(date(2024, 2, 1))
def test_annual_summary_counts_mentoring_without_naming_anyone(world):
    from zhibu.mentoring.tests.factories import make_case, make_log

    case = make_case(world.people["member"], started_on=date(2023, 3, 1), student_kind="problem")
    make_log(case, date(2023, 3, 9), text="与学生谈心，了解家庭情况")
    document, _values = draft("annual", world.branch, Period.year(2023))
    text = _text(document)
    assert "党员包教问题学生1人" in text and "记录包教过程1条" in text
    assert case.student.pseudonym not in text and "与学生谈心" not in text
