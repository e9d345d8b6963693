"""Each figure proved on fixed rows, the liaison rules, and the drafted paragraphs."""

from datetime import date
from decimal import Decimal

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.registries.sections import SectionContext
from zhibu.service import sections

from .factories import (
    AssistancePairFactory,
    AssistanceVisitFactory,
    LiaisonClassFactory,
    LiaisonContactFactory,
    LiaisonFactory,
    ParticipationFactory,
    PartnerClassFactory,
    PartnerSessionFactory,
    TutoringSessionFactory,
    VolunteerEventFactory,
    VolunteerGroupFactory,
)

pytestmark = pytest.mark.django_db
TERM = Period.term(2022, "spring")  # 2023-02-01..2023-07-31


def _value(code, org, period=TERM, **params):
    return figures.compute(code, org, period, **params).value


@pytest.fixture
def rows(world):
    org, member, staff = world.branch, world.people["member"], world.people["checker"]
    labour = VolunteerEventFactory(organisation=org, kind="planting", held_on=date(2023, 4, 21))
    ParticipationFactory(event=labour, organisation=org, person=member, hours=Decimal("3"))
    ParticipationFactory(event=labour, organisation=org, person=staff, hours=Decimal("2.5"))
    VolunteerEventFactory(organisation=org, kind="park", held_on=date(2023, 5, 13), campaign="文明使者在行动")
    VolunteerEventFactory(organisation=org, kind="community", held_on=date(2023, 5, 20))
    group = VolunteerGroupFactory(organisation=org, name="XX义工群", leader=world.people["committee"])
    VolunteerEventFactory(
        organisation=org, kind="charity", title="去敬老院为老人包饺子", held_on=date(2023, 3, 5), group=group
    )
    VolunteerEventFactory(organisation=org, kind="snow", held_on=date(2022, 12, 2))  # the term before
    VolunteerEventFactory(organisation=world.other_branch, kind="snow", held_on=date(2023, 3, 2))  # elsewhere
    for day in (date(2023, 3, 7), date(2023, 3, 14), date(2023, 3, 21)):
        TutoringSessionFactory(organisation=org, tutor=member, held_on=day, students=2, minutes=40)
    pair = AssistancePairFactory(
        organisation=org, helper=world.people["secretary"], started_on=date(2021, 10, 1)
    )
    AssistanceVisitFactory(pair=pair, organisation=org, visited_on=date(2023, 3, 1), money=Decimal("300.50"))
    AssistanceVisitFactory(pair=pair, organisation=org, visited_on=date(2023, 6, 1), money=Decimal("0"))
    partner = PartnerClassFactory(organisation=org, opened_on=date(2023, 4, 18))
    PartnerSessionFactory(partner=partner, organisation=org, held_on=date(2023, 5, 9))
    return org


def test_volunteering_figures(rows):
    assert _value("service.volunteer_events", rows) == 4
    assert _value("service.campus_labour", rows) == 1
    assert _value("service.civic_actions", rows) == 2
    assert _value("service.civic_actions", rows, kind="park") == 1
    assert _value("service.group_activities", rows) == 1
    assert _value("service.volunteer_hours", rows) == Decimal("5.5")
    assert _value("service.volunteer_people", rows) == 2


def test_tutoring_figures(rows):
    assert _value("service.tutoring_sessions", rows) == 3
    assert _value("service.tutoring_hours", rows) == Decimal("2.0")
    assert _value("service.tutoring_students", rows) == 6


def test_assistance_and_partner_figures(rows):
    assert _value("service.assistance_pairs", rows) == 1
    assert _value("service.assistance_visits", rows) == 2
    assert _value("service.assistance_money", rows) == Decimal("300.50")
    assert figures.get("service.assistance_visits").records_private
    assert _value("service.partner_classes", rows) == 1
    assert _value("service.partner_sessions", rows) == 1


def test_bureau_counts_the_subtree(world, rows):
    assert _value("service.volunteer_events", world.bureau_org) == 5


def test_liaison_rules_and_figures(world, branch):
    taken = LiaisonClassFactory(organisation=branch, name="七年级一班")
    LiaisonClassFactory(organisation=branch, name="八年级一班")
    liaison = LiaisonFactory(
        organisation=branch, person=world.people["committee"], school_class=taken, term_start=TERM.start
    )
    for month in (3, 4, 5, 6, 7):
        LiaisonContactFactory(liaison=liaison, organisation=branch, contacted_on=date(2023, month, 10))
    LiaisonContactFactory(liaison=liaison, organisation=branch, contacted_on=date(2023, 1, 10))  # outside
    assert _value("service.liaisons", branch) == 1
    assert _value("service.liaison_members", branch) == 1
    assert _value("service.liaison_contacts", branch) == 5
    found = list(
        findings.run(branch, TERM, codes=["service.class_without_liaison", "service.liaison_no_contact"])
    )
    assert [f.code for f in found] == ["service.class_without_liaison"]
    assert "八年级一班没有支委联系" in found[0].message
    LiaisonContactFactory._meta.model.objects.filter(contacted_on=date(2023, 4, 10)).delete()
    silent = list(findings.run(branch, TERM, codes=["service.liaison_no_contact"]))
    assert len(silent) == 1 and "2023年4月" in silent[0].message and "于雪华" in silent[0].message


def test_paragraphs_in_the_reference_register(world, rows):
    ctx = SectionContext(document="annual", org=rows, period=TERM)
    text = "".join(p.text for p in sections.volunteering(rows, TERM, ctx))
    assert "参加校园义务劳动{fig:service.campus_labour}，师生共同种地成了校园一道独特的风景。" in text
    assert "党员义工主动为学困生义务补课{fig:service.tutoring_sessions}" in text
    assert "于雪华是XX义工群的主要负责人，他组织" in text
    assert "结合“文明使者在行动”活动" in text
    care = "".join(p.text for p in sections.care(rows, TERM, ctx))
    assert "学校领导主动帮扶困难群众{fig:service.assistance_pairs}" in care
    partner = "".join(p.text for p in sections.partners(rows, TERM, ctx))
    assert "2023年4月18日，我校与XX市第十四中学" in partner


def test_nothing_to_say_without_records(world):
    ctx = SectionContext(document="annual", org=world.branch, period=TERM)
    assert sections.volunteering(world.branch, TERM, ctx) == []
    assert sections.care(world.branch, TERM, ctx) == []
    assert sections.partners(world.branch, TERM, ctx) == []
