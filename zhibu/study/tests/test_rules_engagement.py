"""The seed's qualitative weaknesses as findings: 活动载体少、形式单一 and 少数人认识不高."""

from __future__ import annotations

from datetime import date, datetime, time

import time_machine

from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.tests.factories import PersonFactory
from zhibu.meetings.tests.factories import AttendanceFactory, MeetingFactory
from zhibu.study.models import StudySettings

from .helpers import TZ, session

YEAR = Period.year(2023)
KINDS = ["study.few_activity_kinds"]
PARTICIPATION = ["study.low_participation"]


def _held(org, day: date, types=("committee_meeting",), present=(), absent=()):
    m = MeetingFactory(
        organisation=org, held_at=datetime.combine(day, time(15, 30), TZ), types=types, attendees=present
    )
    for person in absent:
        AttendanceFactory(meeting=m, organisation=org, person=person, status="absent")
    return m


@time_machine.travel(date(2024, 2, 1))
def test_few_kinds_of_activity_fall_below_the_branchs_minimum(world):
    _held(world.branch, date(2023, 3, 1))
    session(world.branch, "tutorial", date(2023, 4, 1))
    [found] = findings.run(world.branch, YEAR, codes=KINDS)
    assert sorted(found.evidence) == ["支委会", "集中辅导"]
    assert "只有2种" in found.message and "少于4种" in found.message
    # the threshold is the branch's setting
    StudySettings.objects.create(organisation=world.branch, min_activity_kinds=2)
    assert list(findings.run(world.branch, YEAR, codes=KINDS)) == []


@time_machine.travel(date(2024, 2, 1))
def test_fewer_kinds_than_the_period_before(world):
    StudySettings.objects.create(organisation=world.branch, min_activity_kinds=1)
    for form in ("tutorial", "forum", "seminar", "exemplar_report"):
        session(world.branch, form, date(2022, 5, 1))
    session(world.branch, "tutorial", date(2023, 5, 1))
    session(world.branch, "forum", date(2023, 5, 2))
    [found] = findings.run(world.branch, YEAR, codes=KINDS)
    assert found.fact == {"variant": "fewer"} and "比上一期间少2种" in found.message
    session(world.branch, "seminar", date(2023, 5, 3))  # one fewer is chance, not a weakness
    assert list(findings.run(world.branch, YEAR, codes=KINDS)) == []


@time_machine.travel(date(2024, 2, 1))
def test_a_month_is_too_short_to_judge(world):
    _held(world.branch, date(2023, 3, 1))
    assert list(findings.run(world.branch, Period.month(2023, 3), codes=KINDS + PARTICIPATION)) == []


@time_machine.travel(date(2024, 2, 1))
def test_members_below_the_attendance_rate_are_counted(world):
    member, committee = world.people["member"], world.people["committee"]
    retired = PersonFactory(organisation=world.branch, name="万福业", is_retired=True)
    for month in (3, 4, 5, 6):
        # the member came once in four; the retired member is excused and never judged
        present = [committee, member] if month == 3 else [committee]
        _held(world.branch, date(2023, month, 2), present=present, absent=[member, retired][month == 3 :])
    [found] = findings.run(world.branch, YEAR, codes=PARTICIPATION)
    assert found.evidence == [member]
    assert found.fact == {"rate": "60"}
    StudySettings.objects.create(organisation=world.branch, min_attendance_rate=20)
    assert list(findings.run(world.branch, YEAR, codes=PARTICIPATION)) == []


@time_machine.travel(date(2024, 2, 1))
def test_two_meetings_are_too_few_to_judge_a_member(world):
    member = world.people["member"]
    _held(world.branch, date(2023, 3, 2), absent=[member])
    _held(world.branch, date(2023, 4, 2), absent=[member])
    assert list(findings.run(world.branch, YEAR, codes=PARTICIPATION)) == []
