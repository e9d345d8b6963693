"""factory_boy factories for 检查评比, with Chinese data. A plan's items and scores belong to the
plan's organisation and the scored branch, as the services write them."""

from __future__ import annotations

from decimal import Decimal

import factory

from zhibu.core.tests.factories import OrganisationFactory
from zhibu.inspections.models import InspectionPlan, PlanItem, PlanState, Score

ITEM_NAMES = ["德育活动", "学案导学", "党员包教", "体艺", "规范办学", "师德师风", "收费"]


class InspectionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionPlan

    organisation = factory.SubFactory(OrganisationFactory, kind="committee", name="XX市教育体育局党委")
    title = factory.Sequence(lambda n: f"{2020 + n % 7}年度市直学校党建工作考核")
    year = factory.LazyAttribute(lambda plan: int(plan.title[:4]))
    scope_label = "市直"
    state = PlanState.OPEN


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(InspectionPlanFactory)
    organisation = factory.LazyAttribute(lambda item: item.plan.organisation)
    name = factory.Sequence(lambda n: f"{ITEM_NAMES[n % len(ITEM_NAMES)]}{n // len(ITEM_NAMES) or ''}")
    max_score = Decimal("15")
    weight = Decimal("1")
    order = factory.Sequence(lambda n: n)


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    item = factory.SubFactory(PlanItemFactory)
    plan = factory.LazyAttribute(lambda score: score.item.plan)
    organisation = factory.SubFactory(
        OrganisationFactory, parent=factory.SelfAttribute("..item.plan.organisation")
    )
    score = Decimal("13.5")
    remark = "活动记录齐全，台账规范"
