"""factory_boy factories for the service ledger, with Chinese data. A row's organisation follows
its parent (the event's, the pair's …) as the services would set it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.service.models import (
    AssistancePair,
    AssistanceVisit,
    ContactKind,
    EventKind,
    Liaison,
    LiaisonClass,
    LiaisonContact,
    Participation,
    PartnerClass,
    PartnerSession,
    TutoringSeries,
    TutoringSession,
    VolunteerEvent,
    VolunteerGroup,
)

CLASSES = ["七年级一班", "七年级二班", "八年级一班", "八年级二班", "九年级一班"]


class VolunteerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerGroup

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"爱心义工群{n}")
    leader = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    founded_on = date(2019, 3, 5)
    description = "组织社会爱心人士开展义务服务。"


class VolunteerEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerEvent

    organisation = factory.SubFactory(OrganisationFactory)
    kind = EventKind.SNOW
    title = "清扫校园积雪"
    held_on = date(2022, 12, 2)
    place = "校园"
    campaign = ""
    group = None
    outside_helpers = 0
    note = ""


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(VolunteerEventFactory)
    organisation = factory.SelfAttribute("event.organisation")
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    hours = Decimal("2.0")


class TutoringSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TutoringSeries

    organisation = factory.SubFactory(OrganisationFactory)
    tutor = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    subject = "数学"
    students = 3
    minutes = 45
    weekday = 1
    starts_on = date(2023, 3, 1)
    ends_on = date(2023, 6, 30)


class TutoringSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TutoringSession

    organisation = factory.SubFactory(OrganisationFactory)
    tutor = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    held_on = date(2023, 3, 14)
    subject = "语文"
    students = 2
    minutes = 45
    note = ""
    series = None


class AssistancePairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssistancePair

    organisation = factory.SubFactory(OrganisationFactory)
    helper = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    household = factory.Sequence(lambda n: f"困难家庭{n}")
    hardship = "母亲久病卧床"
    started_on = date(2021, 10, 1)
    ended_on = None


class AssistanceVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssistanceVisit

    pair = factory.SubFactory(AssistancePairFactory)
    organisation = factory.SelfAttribute("pair.organisation")
    visited_on = date(2022, 1, 20)
    help_given = "春节前入户慰问"
    money = Decimal("300.00")
    note = ""


class LiaisonClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiaisonClass

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"{CLASSES[n % len(CLASSES)]}{n}")
    active = True


class LiaisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Liaison

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..organisation"))
    school_class = factory.SubFactory(
        LiaisonClassFactory, organisation=factory.SelfAttribute("..organisation")
    )
    term_start = date(2023, 2, 1)
    head_teacher = "刘晓筱"


class LiaisonContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiaisonContact

    liaison = factory.SubFactory(LiaisonFactory)
    organisation = factory.SelfAttribute("liaison.organisation")
    contacted_on = date(2023, 3, 10)
    kind = ContactKind.HEAD_TEACHER
    content = "与班主任交流班级管理"


class PartnerClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerClass

    organisation = factory.SubFactory(OrganisationFactory)
    name = "“文明使者在行动 文明礼仪伴我行”阳光协作班"
    partner_school = "XX市第十四中学"
    opened_on = date(2023, 4, 18)
    note = ""


class PartnerSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerSession

    partner = factory.SubFactory(PartnerClassFactory)
    organisation = factory.SelfAttribute("partner.organisation")
    held_on = date(2023, 5, 9)
    content = "文明礼仪专题课"
    students = 30
