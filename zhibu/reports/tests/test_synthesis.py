"""Parts 三 and 四 from findings (reports/synthesis.py): practices, aggregate clauses, the same fact
once, at most six weaknesses and eight intentions, obligations merged from the rules."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine

from zhibu.core.periods import Period
from zhibu.core.registries import findings, sections
from zhibu.core.registries.findings import Finding
from zhibu.reports import synthesis
from zhibu.reports.figures import FINDINGS_COUNT
from zhibu.study.tests.helpers import check, meeting, note

YEAR = Period.year(2023)


def _plain(text: str) -> str:
    """A clause with its count references shown as [n]: what the tests compare."""
    return re.sub(r"\{fig:findings\.count[^}]*\}", "[n]", text)


def test_every_rule_names_a_registered_practice_and_an_aggregate_clause():
    known = {p.code for p in findings.practices()}
    for spec in findings.all():
        assert spec.practice in known, spec.code
        assert spec.summary, spec.code
        for covering in spec.covered_by:
            assert findings.get(covering).practice == spec.practice, spec.code


def test_a_finding_is_said_in_aggregate_without_the_names_in_its_message(world):
    found = [
        Finding("刘丹 2023年学时20小时，少于32小时", [world.people["member"]], code="study.hours_target"),
        Finding(
            "于雪华 2023年学时10小时，少于56小时", [world.people["committee"]], code="study.hours_target"
        ),
    ]
    for f in found:
        f.organisation, f.period, f.severity = world.branch, YEAR, "warning"
    [text] = synthesis.weakness_texts(found)
    assert _plain(text) == "学习教育抓得还不够实：[n]人次年度学时未达标。"
    assert "刘丹" not in text and "于雪华" not in text
    assert fig_count(text) == [("study.hours_target", "")]


def fig_count(text: str) -> list[tuple[str, str]]:
    return [
        (re.search(r"rule=([a-z_.]+)", t).group(1), (re.search(r"fact=([^|}]*)", t) or [None, ""])[1])
        for t in re.findall(r"\{fig:findings\.count[^}]*\}", text)
    ]


@time_machine.travel(date(2023, 7, 1))
def test_a_month_the_office_never_checked_is_one_fact_not_two(world):
    member = world.people["member"]
    note(world.branch, member, date(2023, 3, 10))
    note(world.branch, member, date(2023, 4, 10))
    check(world.branch, member, date(2023, 4, 1))
    period = Period.span(date(2023, 3, 1), date(2023, 4, 30))
    found = list(
        findings.run(world.branch, period, codes=["study.note_check_missing", "study.notes_unchecked"])
    )
    assert {f.code for f in found} == {"study.note_check_missing", "study.notes_unchecked"}
    [text] = synthesis.weakness_texts(found)
    assert _plain(text) == "学习教育抓得还不够实：有[n]个月学习笔记未经校办公室检查。"
    value = findings_value(world.branch, period, "study.note_check_missing")
    assert value == 1  # March; April was checked


def findings_value(org, period, rule, fact=""):
    from zhibu.core.registries import figures

    params = {"rule": rule, **({"fact": fact} if fact else {})}
    return figures.compute(FINDINGS_COUNT, org, period, **params).value


@time_machine.travel(date(2024, 2, 1))
def test_a_branch_keeping_no_notes_is_told_once_not_every_month(world):
    found = list(findings.run(world.branch, YEAR, codes=["study.note_check_missing"]))
    assert len(found) == 1 and found[0].fact == {"variant": "none"}
    [text] = synthesis.weakness_texts(found)
    assert _plain(text) == "学习教育抓得还不够实：没有记学习笔记，校办公室也未检查。"


@pytest.fixture
def eight_practices(monkeypatch):
    """Eight practices with one rule each, weights falling: the registries' own dicts, restored."""
    registry = findings._REGISTRY
    found = []
    for n in range(8):
        code = f"fake{n}.rule"
        monkeypatch.setitem(
            registry._practices,
            f"fake{n}",
            findings.PracticeSpec(f"fake{n}", f"做法{n}", f"做法{n}还有不足", 500 + n),
        )
        severity = "critical" if n == 0 else "warning"
        registry.register(
            code, label=f"问题{n}", severity=severity, practice=f"fake{n}", summary="%(n)s项问题"
        )(lambda org, period: [])
        monkeypatch.setitem(sections._REGISTRY._remedies, code, f"整改措施{n}。")
        found.append(Finding(f"问题{n}", code=code, severity=severity))
    yield found
    for n in range(8):
        registry._specs.pop(f"fake{n}.rule", None)


def test_at_most_six_weaknesses_the_gravest_first_the_rest_gathered(eight_practices, world):
    texts = [_plain(t) for t in synthesis.weakness_texts(eight_practices)]
    assert len(texts) == 6
    assert texts[0] == "做法0还有不足：[n]项问题。"
    assert texts[-1].startswith("此外，做法5、做法6、做法7等方面也还存在薄弱环节：")
    plans = synthesis.intention_texts(world.branch, YEAR, eight_practices)
    assert len(plans) <= 8
    assert plans[0] == "（1）整改措施0。"
    assert plans[-1].endswith("按照上级党组织的党建工作部署，认真做好各项党建工作。")


def test_nothing_found_says_so_once(world):
    assert synthesis.weakness_texts([]) == [str(synthesis.NOTHING_FOUND)]


@time_machine.travel(date(2024, 2, 1))
def test_plans_merge_the_cadences_from_the_rules_not_from_later_records(world):
    # a meeting already held in the next period does not change what the plan promises
    meeting(world.branch, "2024年1月支委会", date(2024, 1, 10))
    plans = synthesis.intention_texts(world.branch, YEAR, [])
    meetings = [p for p in plans if "严格落实“三会一课”制度" in p]
    assert len(meetings) == 1
    assert "按月召开" in meetings[0] and "支委会" in meetings[0]
    assert not re.search(r"共\d+次|（\d{4}年", meetings[0])


@time_machine.travel(date(2024, 2, 1))
def test_a_practice_with_findings_and_obligations_is_one_intention(world):
    found = list(findings.run(world.branch, YEAR, codes=["meetings.cadence_missed"]))
    assert found
    plans = synthesis.intention_texts(world.branch, YEAR, found)
    meetings = [p for p in plans if "三会一课" in p]
    assert len(meetings) == 1
    assert meetings[0].startswith("（1）严格落实“三会一课”制度，按月召开")
    assert "按规定周期召开支委会、党员大会等会议" not in meetings[0]  # replaced by the cadences
