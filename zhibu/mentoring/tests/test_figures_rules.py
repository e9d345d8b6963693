"""Counts and cadence findings on fixed data; messages use pseudonyms and mentors, never names."""

from datetime import date

import pytest
import time_machine

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.meetings.models import Meeting
from zhibu.mentoring.models import CaseReview, SeminarLink

from .factories import make_case, make_log, make_student

SPRING = Period.term(2022, "spring")  # 2023-02-01 .. 2023-07-31


@pytest.fixture
def spring(world):
    """Two cases over the spring term 2023, reviewed monthly except case B in April; case B has no
    log in May; case A turned around in June; one seminar in June."""
    with time_machine.travel(date(2023, 9, 1), tick=False):
        a = make_case(world.people["member"], student=make_student(world.branch, name="王小川"))
        b = make_case(world.people["committee"], student=make_student(world.branch, name="李思琪"))
        make_case(world.people["outsider"], started_on=date(2023, 2, 1))  # another branch: not counted
        for month in SPRING.months():
            make_log(a, month.start.replace(day=10))
            if month.start != date(2023, 5, 1):
                make_log(b, month.start.replace(day=12))
            for case in (a, b):
                if (case, month.start) != (b, date(2023, 4, 1)):
                    CaseReview.objects.create(
                        case=case,
                        organisation=world.branch,
                        month=month.start,
                        reviewer=world.users["secretary"],
                    )
        a.outcome, a.outcome_on, a.outcome_evidence = "turned", date(2023, 6, 30), "成绩提高"
        a.save()
        meeting = Meeting.objects.create(
            organisation=world.branch, topic="包教工作座谈会", held_at="2023-06-20T15:00+08:00"
        )
        SeminarLink.objects.create(case=a, meeting=meeting, organisation=world.branch)
        SeminarLink.objects.create(case=b, meeting=meeting, organisation=world.branch)
        yield a, b


def _value(code, world, period=SPRING):
    return figures.compute(code, world.branch, period)


def test_figures(world, spring):
    a, b = spring
    assert _value("mentoring.active_cases", world).value == 2
    assert _value("mentoring.turnarounds", world).value == 1
    assert _value("mentoring.turnarounds", world, Period.month(2023, 5)).value == 0
    assert _value("mentoring.logs", world).value == 6 + 5
    assert _value("mentoring.reviews", world).value == 12 - 1
    assert _value("mentoring.seminars", world).value == 1
    records = _value("mentoring.active_cases", world).records
    assert sorted(str(r) for r in records) == ["学生A01", "学生A02"]
    # The bureau's whole tree counts both branches' cases.
    assert figures.compute("mentoring.active_cases", world.bureau_org, SPRING).value == 3


def test_findings(world, spring):
    a, b = spring
    with time_machine.travel(date(2023, 9, 1), tick=False):
        found = list(
            findings.run(
                world.branch, SPRING, codes=["mentoring.no_log_in_month", "mentoring.no_review_in_month"]
            )
        )
    no_log = [f for f in found if f.code == "mentoring.no_log_in_month"]
    no_review = [f for f in found if f.code == "mentoring.no_review_in_month"]
    assert [f.message for f in no_log] == ["2023年5月 包教无记录：学生A02（于雪华）"]
    assert [f.message for f in no_review] == ["2023年4月 支部未检查包教记录：学生A02（于雪华）"]
    assert no_log[0].evidence == [b] and str(no_log[0].evidence[0]) == "学生A02"
    for finding in found:
        assert "李思琪" not in finding.message and "王小川" not in finding.message


def test_open_month_is_not_a_finding(world, spring):
    with time_machine.travel(date(2023, 5, 20), tick=False):
        found = list(findings.run(world.branch, Period.month(2023, 5), codes=["mentoring.no_log_in_month"]))
    assert found == []
