"""Totals, levels and competition ranking, computed in the database."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core.tests.factories import make_org
from zhibu.inspections import selectors
from zhibu.inspections.models import Level
from zhibu.inspections.ranks import cn_rank

from .factories import PlanItemFactory
from .helpers import give, make_plan

pytestmark = pytest.mark.django_db


def _branches(world, n: int, prefix: str = "s"):
    return [make_org(f"{prefix}{i}", f"XX市第{i}中学党支部", parent=world.bureau_org) for i in range(n)]


def test_ties_share_a_rank_and_the_next_rank_is_skipped(world):
    plan = make_plan(world)
    a, b, c, d = _branches(world, 4)
    give(plan, a, 15, 20, 15, 10, 36.5)  # 96.5
    give(plan, b, 14, 19, 14, 9, 38)  # 94
    give(plan, c, 15, 18, 14, 9, 38)  # 94
    give(plan, d, 13.5, 18, 14.5, 9, 37)  # 92
    rows = selectors.results(plan)
    assert [(r.branch_id, r.rank) for r in rows] == [(a.pk, 1), (b.pk, 2), (c.pk, 2), (d.pk, 4)]
    assert [r.total for r in rows] == [Decimal("96.50"), Decimal("94.00"), Decimal("94.00"), Decimal("92.00")]
    assert {r.of for r in rows} == {4}


def test_levels_follow_the_thresholds_inclusively(world):
    plan = make_plan(world, items=[("综合", "100")])
    branches = _branches(world, 5)
    for branch, value in zip(branches, [90, 89.99, 80, 60, 59.5], strict=True):
        give(plan, branch, value)
    levels = [r.level for r in selectors.results(plan, sort="name")]
    assert levels == [Level.EXCELLENT, Level.GOOD, Level.GOOD, Level.PASS, Level.FAIL]


def test_weights_normalise_the_total_to_100(world):
    """total = 100 × Σ score×weight / Σ max×weight; unscored items count 0."""
    plan = make_plan(world, items=[])
    PlanItemFactory(plan=plan, name="德育活动", max_score=Decimal("10"), weight=Decimal("3"))
    PlanItemFactory(plan=plan, name="收费", max_score=Decimal("10"), weight=Decimal("1"))
    a, b = _branches(world, 2)
    give(plan, a, 10, 0)  # 100 × 30 / 40 = 75
    give(plan, b, None, 10)  # 100 × 10 / 40 = 25
    totals = {r.branch_id: r.total for r in selectors.results(plan)}
    assert totals == {a.pk: Decimal("75.00"), b.pk: Decimal("25.00")}


def test_a_branch_result_is_ranked_among_all(world):
    plan = make_plan(world)
    a, b, c = _branches(world, 3)
    give(plan, a, 15, 20, 15, 10, 40)
    give(plan, b, 10)
    give(plan, c, 10)
    row = selectors.branch_result(plan, c, selectors.items_of(plan))
    assert (row.rank, row.of) == (2, 3)


def test_sorting_by_total_ascending(world):
    plan = make_plan(world)
    a, b = _branches(world, 2)
    give(plan, a, 15)
    give(plan, b, 5)
    assert [r.branch_id for r in selectors.results(plan, sort="total")] == [b.pk, a.pk]


def _queries(plan) -> int:
    with CaptureQueriesContext(connection) as ctx:
        selectors.results(plan)
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_branches(world):
    small, large = make_plan(world), make_plan(world)
    for branch in _branches(world, 3):
        give(small, branch, 10, 10, 10, 10, 10)
    for n, branch in enumerate(_branches(world, 30, prefix="t")):
        give(large, branch, 10, 10, 10, n % 10, 10)
    assert len(selectors.results(large)) == 30
    assert _queries(small) == _queries(large) == 2  # the items, the ranked totals


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "一"), (4, "四"), (10, "十"), (12, "十二"), (20, "二十"), (35, "三十五"), (120, "120")],
)
def test_rank_in_words(n, words):
    assert cn_rank(n) == words
