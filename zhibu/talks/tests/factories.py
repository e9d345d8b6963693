"""factory_boy factories for the talks ledger, with Chinese data."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.talks.models import Talk, TalkSettings


class TalkSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TalkSettings

    organisation = factory.SubFactory(OrganisationFactory)
    monthly_quota = 3


class TalkFactory(factory.django.DjangoModelFactory):
    """A talk of the organisation's people; make the talker a committee member (PostHolding) when
    the code under test checks it."""

    class Meta:
        model = Talk

    organisation = factory.SubFactory(OrganisationFactory)
    held_on = date(2023, 3, 10)
    talker = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    talked_with = factory.SubFactory(
        PersonFactory, organisation=factory.SelfAttribute("..organisation"), party_status="activist"
    )
    topic = "思想动态"
    content = "交流近期思想和工作情况，谈到班级管理压力较大。"
    follow_up = "一个月后回访。"
