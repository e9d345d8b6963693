"""Every figure and finding on fixed data: 2023's first half in branch A, judged on 2023-07-15."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core import memo
from zhibu.core.models import Person
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.tests.factories import PersonFactory, make_org
from zhibu.meetings.models import Meeting

from .factories import AttendanceFactory
from .helpers import at, make_meeting

H1 = Period.span(date(2023, 1, 1), date(2023, 6, 30))
TODAY = at(2023, 7, 15, 10, 0)


@pytest.fixture
def data(world):
    """支委会 every month but May; one 主题党日 that is also the quarter's 党课; a quorate 党员大会
    in March and one without quorum in June; a planned (not held) meeting; one late record."""
    with time_machine.travel(TODAY, tick=False):
        committee = [
            make_meeting(world.branch, "committee_meeting", held_at=at(2023, m, 6), topic=f"支委会{m}月")
            for m in (1, 2, 3, 4, 6)
        ]
        combined = make_meeting(world.branch, "theme_day", "party_lecture", held_at=at(2023, 3, 15))
        general = make_meeting(world.branch, "general_meeting", held_at=at(2023, 3, 22))
        thin = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 21), topic="党员大会六月")
        thin.attendance.exclude(person=world.people["secretary"]).update(status="leave", reason="外出培训")
        planned = make_meeting(world.branch, "party_lecture", held_at=at(2023, 8, 1), held=False)
        make_meeting(world.other_branch, "committee_meeting", held_at=at(2023, 5, 8))  # not ours
    # Entered in bulk on TODAY, all would be late: only the January 支委会 is meant to be.
    Meeting.objects.update(recorded_late=False)
    Meeting.objects.filter(pk=committee[0].pk).update(recorded_late=True)
    return {
        "committee": committee,
        "combined": combined,
        "general": general,
        "thin": thin,
        "planned": planned,
    }


def pks(value) -> set[int]:
    return set(value.records.values_list("pk", flat=True))


def test_held_counts_a_meeting_once_for_each_type(world, data):
    committee = figures.compute("meetings.held", world.branch, H1, kind="committee_meeting")
    assert committee.value == 5 and pks(committee) == {m.pk for m in data["committee"]}
    lectures = figures.compute("meetings.held", world.branch, H1, kind="party_lecture")
    days = figures.compute("meetings.held", world.branch, H1, kind="theme_day")
    assert pks(lectures) == pks(days) == {data["combined"].pk}  # the planned lecture is not held
    every = figures.compute("meetings.held", world.branch, H1)
    assert every.value == 8  # 5 + 1 + 2 distinct meetings


@pytest.mark.parametrize(
    "code,expected",
    [
        ("meetings.committee_meetings", 5),
        ("meetings.party_lectures", 1),
        ("meetings.theme_days", 1),
        ("meetings.general_meetings", 2),
        ("meetings.forums", 0),
        ("meetings.theory_group_sessions", 0),
        ("meetings.democratic_and_topical", 0),
        ("meetings.late_records", 1),
    ],
)
@pytest.mark.parametrize("in_a_draft", [False, True])
def test_per_type_figures(world, data, code, expected, in_a_draft):
    # within a draft the types are counted by one grouped query (counted_by): the same numbers
    with memo.memoised() if in_a_draft else nullcontext():
        value = figures.compute(code, world.branch, H1)
    assert value.value == expected == value.records.count()


def test_within_a_draft_every_type_is_counted_by_one_query(world, data, django_assert_num_queries):
    codes = [c for c in figures.codes_counted_by() if c.startswith("meetings.")]
    assert len(codes) >= 10
    alone = {code: figures.compute(code, world.bureau_org, H1).value for code in codes}
    kinds = {k: figures.compute("meetings.held", world.branch, H1, kind=k).value for k in ("theme_day", "x")}
    # the bureau's counts, the branch's, and meetings.held of every kind (a meeting of two types once)
    with memo.memoised(), django_assert_num_queries(3):
        assert {code: figures.compute(code, world.bureau_org, H1).value for code in codes} == alone
        assert {k: figures.compute("meetings.held", world.branch, H1, kind=k).value for k in kinds} == kinds
    assert alone["meetings.committee_meetings"] == 6 and kinds == {"theme_day": 1, "x": 0}


def test_bureau_figure_sums_the_subtree(world, data):
    value = figures.compute("meetings.committee_meetings", world.bureau_org, H1)
    assert value.value == 6


def test_attendance_rate(world, data):
    value = figures.compute("meetings.attendance_rate", world.branch, H1)
    # 8 meetings x 3 members = 24 rows, 2 on leave: 22/24 = 91.7 %
    assert value.value == Decimal("91.7")
    assert value.records.count() == 24
    assert value.records.filter(status="leave").count() == 2


def test_within_a_draft_the_attendance_rate_reads_the_low_participation_counts(world, data):
    """The same rate inside a unit of work as outside (列席 guests left out, retired members
    counted), and the low-participation rule then reads no attendance of its own."""
    guest = PersonFactory(organisation=world.branch, name="列席人员", party_status="none")
    AttendanceFactory(
        meeting=data["thin"], organisation=world.branch, person=guest, is_guest=True, status="absent"
    )
    Person.objects.filter(pk=world.people["member"].pk).update(is_retired=True)
    outside = figures.compute("meetings.attendance_rate", world.branch, H1).value
    with memo.memoised():
        inside = figures.compute("meetings.attendance_rate", world.branch, H1).value
        with CaptureQueriesContext(connection) as queries:
            list(findings.run(world.branch, H1, ["study.low_participation"]))
    assert inside == outside == Decimal("91.7")
    assert not [q for q in queries if "meetings_attendance" in q["sql"]]


def test_cadence_missed(world, data):
    with time_machine.travel(TODAY, tick=False):
        found = [f for f in findings.run(world.branch, H1, ["meetings.cadence_missed"])]
    messages = [f.message for f in found]
    assert [m for m in messages if m.startswith("支委会")] == ["支委会2023年5月未召开"]
    assert "支部党员大会2023年第1季度未召开" not in messages
    assert "党课2023年第2季度未召开" in messages
    assert [m for m in messages if m.startswith("主题党日")] == [
        f"主题党日2023年{m}月未召开" for m in (1, 2, 4, 5, 6)
    ]
    may = next(f for f in found if f.message == "支委会2023年5月未召开")
    assert may.period == Period.month(2023, 5) and may.evidence == []


def test_cadence_missed_ignores_periods_not_yet_over(world, data):
    with time_machine.travel(at(2023, 5, 20), tick=False):
        messages = [f.message for f in findings.run(world.branch, H1, ["meetings.cadence_missed"])]
    assert not any(m.startswith("支委会") for m in messages)


def test_late_records_finding(world, data):
    found = list(findings.run(world.branch, H1, ["meetings.late_records"]))
    assert len(found) == 1 and found[0].evidence == [data["committee"][0]]
    assert "有1次会议记录在会后7天以上才录入" in found[0].message


def test_low_attendance_finding(world, data):
    found = list(findings.run(world.branch, H1, ["meetings.low_attendance"]))
    assert [f.evidence for f in found] == [[data["thin"]]]
    assert "应到会有表决权党员3人，实到1人，未过半数" in found[0].message


def test_subtree_findings_take_a_bounded_number_of_queries(world, data):
    def count() -> int:
        with time_machine.travel(TODAY, tick=False), CaptureQueriesContext(connection) as ctx:
            list(findings.run(world.bureau_org, H1, ["meetings.cadence_missed", "meetings.low_attendance"]))
        return len(ctx)

    before = count()
    for n in range(4):
        branch = make_org(f"extra-{n}", f"XX市第{n}中学党支部", parent=world.bureau_org)
        with time_machine.travel(TODAY, tick=False):
            make_meeting(branch, "general_meeting", held_at=at(2023, 2, 1))
            make_meeting(branch, "committee_meeting", held_at=at(2023, 2, 2))
    assert count() == before


def test_the_points_source_places_a_meeting_on_its_local_day(world):
    """meetings.attended between two days: the meetings of the branches' subtree held on those
    local days (the instants' bounds are local midnights), present rows only."""
    from zhibu.meetings.points import attended

    edges = {
        "before": at(2023, 2, 28, 23, 59),
        "first": at(2023, 3, 1, 0, 0),
        "last": at(2023, 3, 31, 23, 59),
        "after": at(2023, 4, 1, 0, 0),
    }
    made = {name: make_meeting(world.branch, held_at=moment, topic=name) for name, moment in edges.items()}
    make_meeting(world.other_branch, held_at=at(2023, 3, 15), topic="other")
    absent = made["first"].attendance.first()
    absent.status = "absent"
    absent.save()
    rows = list(attended([world.branch.pk], date(2023, 3, 1), date(2023, 3, 31)))
    assert {r["title"] for r in rows} == {"first", "last"}
    assert {r["day"] for r in rows} == {date(2023, 3, 1), date(2023, 3, 31)}
    present = made["first"].attendance.filter(status="present").count()
    assert len(rows) == present + made["last"].attendance.count()
