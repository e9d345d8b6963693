"""factory_boy factories for the people ledger's own rows (transfers, 党籍 marks), with Chinese data.
Person and the committee rows are core's: zhibu/core/tests/factories.py."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.people.models import Direction, MarkKind, StatusMark, Transfer


class TransferFactory(factory.django.DjangoModelFactory):
    """A transfer out of a member of the organisation (the person's left date is the service's)."""

    class Meta:
        model = Transfer

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    direction = Direction.OUT
    transferred_on = date(2023, 6, 20)
    other_name = "XX市第二十中学党支部"
    letter_number = factory.Sequence(lambda n: f"育才组转〔2023〕{n + 1}号")
    note = "工作调动"


class StatusMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusMark

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    kind = MarkKind.MOBILE
    started_on = date(2023, 3, 1)
    ended_on = None
    reason = "外出支教"
