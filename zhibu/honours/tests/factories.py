"""factory_boy factories for the honours ledger, with Chinese data."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.honours.models import (
    Award,
    CompetitionKind,
    CompetitionRound,
    Honour,
    HonourKind,
    Level,
    Participant,
    Recipient,
)

ROUND_TITLES = ["党员示范课评比", "学案导学优质课评比", "党员教师学案评比", "青年教师优质课评比"]


class HonourFactory(factory.django.DjangoModelFactory):
    """A member's honour unless told otherwise (recipient="branch" with person=None for a unit's)."""

    class Meta:
        model = Honour

    organisation = factory.SubFactory(OrganisationFactory)
    title = "局优秀共产党员"
    kind = HonourKind.EXCELLENT_MEMBER
    level = Level.BUREAU
    issuer = "XX市教育体育局党委"
    awarded_on = date(2023, 6, 28)
    occasion = "2023年教育体育局党委“两先一优”评比"
    recipient = Recipient.PERSON
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    note = ""


class CompetitionRoundFactory(factory.django.DjangoModelFactory):
    """A round; `entrants` takes people, each entered without an award."""

    class Meta:
        model = CompetitionRound
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: ROUND_TITLES[n % len(ROUND_TITLES)])
    kind = CompetitionKind.LESSON
    held_on = date(2022, 11, 16)
    organiser = "党支部、教务处"
    note = ""

    @factory.post_generation
    def entrants(obj, create, extracted, **kwargs):
        if create and extracted:
            for person in extracted:
                ParticipantFactory(round=obj, person=person)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    round = factory.SubFactory(CompetitionRoundFactory)
    organisation = factory.SelfAttribute("round.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    entry = "《背影》学案导学课"
    result = ""
    award = Award.NONE
