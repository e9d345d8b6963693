"""factory_boy factories for the appraisal app, with Chinese data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from zhibu.appraisal.models import Appraisal, CapPeriod, PeerRating, PointAdjustment, PointRule, Rating
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory


class PointRuleFactory(factory.django.DjangoModelFactory):
    """参加组织生活 1 分一次, at most 4 a month, from 2020."""

    class Meta:
        model = PointRule

    organisation = factory.SubFactory(OrganisationFactory)
    source = "meetings.attended"
    points = Decimal("1.00")
    cap = Decimal("4.00")
    cap_period = CapPeriod.MONTH
    effective_from = date(2020, 1, 1)
    effective_until = None
    note = "参加“三会一课”和主题党日"


class PointAdjustmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PointAdjustment

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    day = date(2023, 3, 20)
    points = Decimal("2.00")
    reason = "疫情防控志愿值守表现突出"


class AppraisalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appraisal

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    year = 2023
    self_assessment = "一年来认真学习党的理论，积极参加组织生活，完成包教任务。"
    decision = ""
    decided_on = None
    comment = ""


class PeerRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerRating

    appraisal = factory.SubFactory(AppraisalFactory)
    organisation = factory.SelfAttribute("appraisal.organisation")
    rater = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    rating = Rating.QUALIFIED
