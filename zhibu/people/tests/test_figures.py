"""Roster figures: the member counts of a day, alone and shared within a unit of work."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core import memo
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
COUNTS = ("people.members", "people.serving_members", "people.retired_members")


@pytest.fixture
def roster(world):
    """Beside the personas: a retiree, a member who is not staff, one who left, a 积极分子, and a
    member who joined the party after the day counted."""
    PersonFactory(organisation=world.branch, name="万福业", is_retired=True, is_staff_member=False)
    PersonFactory(organisation=world.branch, name="周建国", is_staff_member=False)
    PersonFactory(organisation=world.branch, name="郑红梅", left_on=date(2023, 2, 1))
    PersonFactory(organisation=world.branch, name="孙小雨", party_status="activist")
    PersonFactory(organisation=world.other_branch, name="冯志远", history=date(2023, 5, 1))
    return world


@pytest.mark.parametrize("day", [date(2023, 3, 31), date(2023, 12, 31)])
def test_the_member_counts_of_a_day_are_one_grouped_query_and_the_same(roster, day):
    period = Period.span(date(2023, 1, 1), day)
    for org in (roster.branch, roster.bureau_org):
        alone = {code: figures.compute(code, org, period) for code in COUNTS}
        with memo.memoised(), CaptureQueriesContext(connection) as ctx:
            shared = {code: figures.compute(code, org, period).value for code in COUNTS}
        assert shared == {code: value.value for code, value in alone.items()}
        assert all(value.value == value.records.count() for value in alone.values())
        assert len(ctx.captured_queries) == 1
    branch = {code: figures.compute(code, roster.branch, period).value for code in COUNTS}
    members, serving, retired = (branch[code] for code in COUNTS)
    assert retired == 1 and members == serving + retired + 1  # + the member who is not staff
