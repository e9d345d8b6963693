"""The obligations calendar: states against the clock, dated rule changes, bounded queries."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core.periods import Period
from zhibu.meetings import obligations, services

from .factories import CadenceRuleFactory
from .helpers import at, make_meeting, mtype

Y2023 = Period.year(2023)


def states(org, code: str, today: date, span: Period = Y2023) -> dict[str, str]:
    rows = obligations.obligations(org, span, today)
    row = next(r for r in rows if r.meeting_type.code == code and r.organisation == org)
    return {s.short_label: s.state for s in row.slots}


@pytest.fixture
def committee_2023(world):
    with time_machine.travel(at(2023, 7, 20), tick=False):
        for month in (1, 2, 3, 4, 6):
            make_meeting(world.branch, "committee_meeting", held_at=at(2023, month, 6))


def test_states_follow_the_clock(world, committee_2023):
    may = states(world.branch, "committee_meeting", date(2023, 5, 20))
    assert may["4月"] == "held" and may["5月"] == "due" and may["6月"] == "held" and may["7月"] == "upcoming"
    june = states(world.branch, "committee_meeting", date(2023, 6, 15))
    assert june["5月"] == "overdue" and june["6月"] == "held" and june["7月"] == "upcoming"
    assert [s for s in june.values()].count("overdue") == 1


def test_held_slot_lists_its_meetings_and_late_mark(world, committee_2023):
    rows = obligations.obligations(world.branch, Y2023, date(2023, 7, 20))
    row = next(r for r in rows if r.meeting_type.code == "committee_meeting")
    january = row.slots[0]
    assert len(january.meetings) == 1 and january.meetings[0].recorded_late  # entered in July
    assert january.label == "2023年1月"


def test_a_meeting_counts_for_each_of_its_types(world):
    with time_machine.travel(at(2023, 4, 1), tick=False):
        make_meeting(world.branch, "theme_day", "party_lecture", held_at=at(2023, 3, 15))
    today = date(2023, 4, 1)
    assert states(world.branch, "theme_day", today)["3月"] == "held"
    assert states(world.branch, "party_lecture", today)["第1季度"] == "held"


def test_group_meetings_bind_party_groups_only(world):
    rows = obligations.obligations(world.branch, Y2023, date(2023, 7, 1))
    assert not any(r.meeting_type.code == "group_meeting" for r in rows)
    from zhibu.core.tests.factories import make_org

    group = make_org("yucai-g1", "第一党小组", kind="group", parent=world.branch)
    rows = obligations.obligations(world.branch, Y2023, date(2023, 7, 1))
    groups = [r for r in rows if r.meeting_type.code == "group_meeting"]
    assert [r.organisation for r in groups] == [group] and len(groups[0].slots) == 12


def test_theory_group_is_weekly_in_term_time(world):
    rows = obligations.obligations(world.branch, Y2023, date(2023, 12, 31))
    theory = next(r for r in rows if r.meeting_type.code == "theory_group")
    assert theory.slots[0].rule.every == "week"
    assert all(s.period.start.month != 8 or s.period.end.month == 9 for s in theory.slots)
    assert 45 <= len(theory.slots) <= 49


def test_rule_change_keeps_past_periods(world, committee_2023):
    before = states(world.branch, "committee_meeting", date(2023, 6, 20))
    with time_machine.travel(at(2023, 6, 20), tick=False):
        services.cadence_rule_set(
            actor=world.bureau,
            meeting_type=mtype("committee_meeting"),
            organisation=None,
            every="quarter",
            times=1,
            effective_from=date(2023, 7, 1),
            basis="局党委调整",
        )
    after = states(world.branch, "committee_meeting", date(2023, 6, 20))
    past = [f"{m}月" for m in range(1, 7)]
    assert {k: after[k] for k in past} == {k: before[k] for k in past}
    assert after["第3季度"] == "upcoming" and "7月" not in after and "第4季度" in after


def test_branch_rule_overrides_default_for_that_branch_only(world):
    CadenceRuleFactory(
        meeting_type=mtype("party_lecture"),
        organisation=world.branch,
        every="month",
        times=1,
        effective_from=date(2023, 1, 1),
        basis="",
    )
    today = date(2023, 3, 1)
    assert "1月" in states(world.branch, "party_lecture", today)
    assert "第1季度" in states(world.other_branch, "party_lecture", today)


def test_calendar_queries_do_not_grow_with_meetings(world):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            obligations.obligations(world.bureau_org, Y2023, date(2023, 12, 31))
        return len(ctx)

    with time_machine.travel(at(2023, 12, 31), tick=False):
        make_meeting(world.branch, "committee_meeting", held_at=at(2023, 1, 6))
        first = count()
        for month in range(2, 13):
            make_meeting(world.branch, "committee_meeting", "theme_day", held_at=at(2023, month, 6))
            make_meeting(world.other_branch, "general_meeting", held_at=at(2023, month, 9))
    assert count() == first <= 4
