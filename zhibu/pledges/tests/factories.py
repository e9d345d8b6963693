"""factory_boy factories for the pledges ledger, with Chinese data."""

from __future__ import annotations

from datetime import date

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.pledges.models import ClosingKind, Duty, ItemClosing, ItemProgress, Pledge, PledgeItem, Scope

ITEMS = ["上好一节党员示范课", "包教一名学困生", "参加一次社区志愿服务", "撰写一篇教学反思"]


class PledgeFactory(factory.django.DjangoModelFactory):
    """A member's pledge for the 2022—2023 school year (scope="branch", person=None for the branch's)."""

    class Meta:
        model = Pledge

    organisation = factory.SubFactory(OrganisationFactory)
    scope = Scope.MEMBER
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    title = "2022—2023学年党员公开承诺"
    identity = "中共党员、初二语文教师"
    starts_on = date(2022, 9, 15)
    ends_on = date(2023, 7, 10)


class PledgeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeItem

    pledge = factory.SubFactory(PledgeFactory)
    organisation = factory.SelfAttribute("pledge.organisation")
    content = factory.Sequence(lambda n: ITEMS[n % len(ITEMS)])
    due_on = date(2023, 4, 30)


class ItemProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ItemProgress

    item = factory.SubFactory(PledgeItemFactory)
    organisation = factory.SelfAttribute("item.organisation")
    noted_on = date(2023, 3, 1)
    text = "已确定包教学生，每周辅导两次。"


class ItemClosingFactory(factory.django.DjangoModelFactory):
    """A 销号 row only (the item's current state is the service's to set; see close_item)."""

    class Meta:
        model = ItemClosing

    item = factory.SubFactory(PledgeItemFactory)
    organisation = factory.SelfAttribute("item.organisation")
    kind = ClosingKind.CLOSED
    day = date(2023, 4, 20)
    verifier = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    evidence = "示范课已上，教研组评课记录在案。"


class DutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Duty

    organisation = factory.SubFactory(OrganisationFactory)
    scope = Scope.MEMBER
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    post = "组织委员"
    content = "负责组织发展、党员教育管理、党费收缴和组织关系接转。"
    starts_on = date(2020, 9, 1)


def closed_item(verifier, day: date = date(2023, 4, 20), **kwargs) -> PledgeItem:
    """An item closed as the service leaves it: its state and its 销号 row."""
    item = PledgeItemFactory(closed_on=day, verifier=verifier, **kwargs)
    ItemClosingFactory(item=item, day=day, verifier=verifier)
    return item
