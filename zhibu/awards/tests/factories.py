"""factory_boy factories for 评先评优, with Chinese data. `CampaignFactory` opens a window around
today (so a test can vote) unless told otherwise; `kinds` adds its default kinds."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from zhibu.awards.models import (
    AwardKind,
    Ballot,
    BallotChoice,
    Campaign,
    Criterion,
    CriterionScore,
    Nomination,
    Scope,
    Source,
    VoterMark,
)
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory

TITLES = ["庆“七一”评先评优", "年度评先评优", "包教工作先进个人评选"]


def _today() -> date:
    return timezone.localdate()


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"{2022 + n % 3}年{TITLES[n % len(TITLES)]}")
    year = 2023
    scope = Scope.BRANCH
    opens_on = factory.LazyFunction(lambda: _today() - timedelta(days=2))
    closes_on = factory.LazyFunction(lambda: _today() + timedelta(days=5))
    ballot_weight = Decimal(100)
    note = "按照党员评先评优办法进行。"


class AwardKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardKind

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.SelfAttribute("campaign.organisation")
    name = factory.Sequence(
        lambda n: ["优秀共产党员", "包教工作先进个人", "优秀党务工作者"][n % 3] + ("" if n < 3 else str(n))
    )
    quota = 2
    honour_kind = "excellent_member"
    honour_title = factory.LazyAttribute(lambda k: f"校级{k.name}")
    order = 0


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.SelfAttribute("campaign.organisation")
    name = factory.Sequence(
        lambda n: ["日常工作表现", "活动参与度", "理论学习", "护学岗", "亮剑活动"][n % 5] + str(n)
    )
    weight = Decimal(50)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    kind = factory.SubFactory(AwardKindFactory)
    campaign = factory.SelfAttribute("kind.campaign")
    organisation = factory.SelfAttribute("kind.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    source = Source.COMMITTEE
    reason = "工作踏实，起到党员先锋模范作用。"


class CriterionScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriterionScore

    nomination = factory.SubFactory(NominationFactory)
    criterion = factory.SubFactory(CriterionFactory, campaign=factory.SelfAttribute("..nomination.campaign"))
    organisation = factory.SelfAttribute("nomination.organisation")
    score = Decimal("92.50")


class BallotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ballot

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.SelfAttribute("campaign.organisation")


class BallotChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BallotChoice

    nomination = factory.SubFactory(NominationFactory)
    ballot = factory.SubFactory(BallotFactory, campaign=factory.SelfAttribute("..nomination.campaign"))
    organisation = factory.SelfAttribute("nomination.organisation")


class VoterMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoterMark

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.SelfAttribute("campaign.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
