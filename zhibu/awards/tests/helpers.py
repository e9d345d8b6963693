"""A branch campaign with nominees, for the tests (setup, not the code under test)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from .factories import AwardKindFactory, CampaignFactory, CriterionFactory, NominationFactory


def campaign_with_nominees(world, *, quota=2, closed=False, criteria=False, nominees=3):
    today = timezone.localdate()
    extra = {"opens_on": today - timedelta(days=9), "closes_on": today - timedelta(days=1)} if closed else {}
    campaign = CampaignFactory(
        organisation=world.branch, ballot_weight=Decimal(60 if criteria else 100), **extra
    )
    kind = AwardKindFactory(
        campaign=campaign, name="优秀共产党员", quota=quota, honour_title="校级优秀共产党员"
    )
    people = [world.people["member"], world.people["committee"], world.people["secretary"]][:nominees]
    nominations = [NominationFactory(kind=kind, person=p) for p in people]
    if criteria:
        for name, weight in (("日常工作表现", 60), ("理论学习", 40)):
            CriterionFactory(campaign=campaign, name=name, weight=Decimal(weight))
    return campaign, kind, nominations
