"""factory_boy factories for the elections ledger, with Chinese data. An ElectionFactory opens its
own committee term; results take a holding only when given one (the services make both)."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.models import Post
from zhibu.core.tests.factories import CommitteeTermFactory, OrganisationFactory, PersonFactory
from zhibu.elections.models import Election, Kind, Result


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Kind.REGULAR
    held_on = date(2021, 9, 1)
    term = factory.SubFactory(
        CommitteeTermFactory,
        organisation=factory.SelfAttribute("..organisation"),
        started_on=factory.SelfAttribute("..held_on"),
    )
    term_years = 3
    presided_by = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    ballots_cast = 14
    reason = "支部党员大会换届选举"


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    election = factory.SubFactory(ElectionFactory)
    organisation = factory.SelfAttribute("election.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    post = Post.ORGANISATION
    votes = 13
    holding = None
