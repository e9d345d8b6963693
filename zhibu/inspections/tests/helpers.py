"""A plan of the world's bureau with items, and scores written straight to the table."""

from __future__ import annotations

from decimal import Decimal

from zhibu.inspections.models import InspectionPlan, PlanState, Score

from .factories import InspectionPlanFactory, PlanItemFactory

ITEMS = [("德育活动", "15"), ("学案导学", "20"), ("党员包教", "15"), ("体艺", "10"), ("规范办学", "40")]


def make_plan(world, state: str = PlanState.OPEN, items=ITEMS, **kwargs) -> InspectionPlan:
    plan = InspectionPlanFactory(
        organisation=world.bureau_org,
        title="2023年度市直学校党建重点工作检查",
        year=2023,
        state=state,
        **kwargs,
    )
    for n, (name, top) in enumerate(items):
        PlanItemFactory(plan=plan, name=name, max_score=Decimal(top), order=n)
    return plan


def give(plan: InspectionPlan, branch, *scores) -> None:
    """Scores of one branch, item by item in order (None leaves an item unscored)."""
    for item, value in zip(plan.items.order_by("order"), scores, strict=False):
        if value is not None:
            Score.objects.create(plan=plan, item=item, organisation=branch, score=Decimal(str(value)))
