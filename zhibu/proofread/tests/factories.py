"""factory_boy factories for the proofreader, with Chinese data."""

from __future__ import annotations

import factory

from zhibu.core.tests.factories import OrganisationFactory
from zhibu.proofread.models import ConfusionEntry


class ConfusionEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConfusionEntry

    organisation = factory.SubFactory(OrganisationFactory)
    wrong = "带头人物"
    right = "带头人"
    before = ""
    after = ""
    note = "本支部常见的误写"
