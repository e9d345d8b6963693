"""Points equal a hand count on fixed data (fixed_data.py): several sources, caps that bite (one
used up before the period began), a rule coming into force and one going out of force mid-period,
and adjustments; ranking with ties. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.appraisal import scoring, selectors
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.registries import points as registry

from . import fixed_data

pytestmark = pytest.mark.django_db
PERIOD = fixed_data.PERIOD


@pytest.fixture
def ledger(world):
    return fixed_data.ledgers(world)


def test_the_ledgers_register_their_sources():
    assert {
        "meetings.attended",
        "study.self_study_done",
        "study.book_read",
        "study.session_attended",
        "service.volunteered",
        "service.tutored",
        "care.visited",
        "mentoring.session",
    } <= registry.codes()


def test_points_equal_the_hand_count(world, ledger):
    people = selectors.members_of(world.branch, PERIOD.end)
    totals = scoring.totals(world.branch, people, PERIOD.start, PERIOD.end)
    assert {p.name: totals[p.pk] for p in people} == fixed_data.EXPECTED


def test_the_explanation_adds_up_line_by_line(world, ledger):
    explanation = selectors.explain(world.branch, ledger["member"], PERIOD)
    assert explanation.total == Decimal("12.50")
    by_source: dict[str, Decimal] = {}
    for line in explanation.lines:
        by_source[line.source] = by_source.get(line.source, Decimal("0")) + line.points
    assert by_source == {
        "参加组织生活": Decimal("5.5"),
        "读完一本书": Decimal("3"),
        "参加志愿服务": Decimal("2"),
        "包教辅导": Decimal("1.5"),
        "走访慰问": Decimal("1"),
        "积分调整": Decimal("-0.5"),
    }
    capped = [(line.day, line.points) for line in explanation.lines if line.capped]
    assert capped == [
        (date(2023, 3, 16), Decimal("1.0")),
        (date(2023, 3, 25), Decimal("0.0")),
        (date(2023, 4, 10), Decimal("1")),
    ]
    meeting_lines = [line for line in explanation.lines if line.source == "参加组织生活"]
    assert all(line.url.startswith("/meetings/") for line in meeting_lines)
    mentoring = [line for line in explanation.lines if line.source == "包教辅导"]
    assert {line.title for line in mentoring} == {"包教辅导"}  # never the student


def test_months_add_up_to_the_whole(world, ledger):
    people = selectors.members_of(world.branch, PERIOD.end)
    whole = scoring.totals(world.branch, people, PERIOD.start, PERIOD.end)
    march = scoring.totals(world.branch, people, date(2023, 3, 1), date(2023, 3, 31))
    april = scoring.totals(world.branch, people, date(2023, 4, 1), date(2023, 4, 30))
    assert {pk: march[pk] + april[pk] for pk in whole} == whole


def test_ranking_shares_a_rank_and_skips_the_next(world, ledger):
    ranking = selectors.ranking(world.branch, PERIOD)
    assert [(r.rank, r.person.name) for r in ranking] == fixed_data.RANKS


def test_the_figure_is_the_sum(world, ledger):
    value = figures.compute("appraisal.points_total", world.branch, PERIOD)
    assert value.value == Decimal("22.50")
    assert {p.name for p in value.records} == {"刘丹", "张文华", "于雪华"}
    # the bureau's total is the branches' totals: branch B has no rules
    assert figures.compute("appraisal.points_total", world.bureau_org, PERIOD).value == Decimal("22.50")


def test_a_ranking_costs_one_query_per_source(world, ledger):
    with CaptureQueriesContext(connection) as few:
        selectors.ranking(world.branch, PERIOD)
    fixed_data.PersonFactory.create_batch(12, organisation=world.branch)
    with CaptureQueriesContext(connection) as many:
        selectors.ranking(world.branch, PERIOD)
    assert len(few.captured_queries) == len(many.captured_queries) <= 10


def test_no_rules_no_points(world):
    people = selectors.members_of(world.branch, PERIOD.end)
    assert set(scoring.totals(world.branch, people, PERIOD.start, PERIOD.end).values()) == {Decimal("0.00")}


def test_cap_windows():
    assert scoring.cap_window("term", date(2023, 1, 10)) == (date(2022, 9, 1), date(2023, 1, 31))
    assert scoring.cap_window("term", date(2023, 8, 10)) == (date(2023, 8, 1), date(2023, 8, 31))
    assert scoring.cap_window("year", date(2023, 8, 10)) == (date(2023, 1, 1), date(2023, 12, 31))
    assert Period.month(2023, 2).start == scoring.cap_window("month", date(2023, 2, 28))[0]


def test_facts_are_counted_by_month_only_where_the_rules_allow_it(world, ledger):
    """The hand count above holds on both paths: month by month for rules starting and ending with
    a month (the term cap used up in February included), day by day for the rule in force from
    15 March."""
    people = selectors.members_of(world.branch, PERIOD.end)
    ctx = scoring.context(world.branch, people, PERIOD.start, PERIOD.end)
    monthly = {s.code: scoring._by_month(ctx, s, PERIOD.start) for s in ctx.sources}
    assert monthly["meetings.attended"] and monthly["study.book_read"] and monthly["care.visited"]
    assert not monthly["service.volunteered"]
    # months earning alone (a monthly cap, or none): the hand count holds on that path too
    alone = {s.code: scoring._months_alone(ctx, s, PERIOD.start) for s in ctx.sources}
    assert alone["meetings.attended"] and alone["care.visited"]
    assert not alone["study.book_read"]  # its term cap spans months
    assert not alone["service.volunteered"]
    # a total starting mid-month counts every source day by day
    assert not any(scoring._by_month(ctx, s, date(2023, 3, 2)) for s in ctx.sources)
