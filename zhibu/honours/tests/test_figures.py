"""Figures on fixed data: honours by level and kind; members' part in the rounds, judged on each
round's day; the participation rate as a percentage."""

from datetime import date
from decimal import Decimal

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory

from .factories import CompetitionRoundFactory, HonourFactory, ParticipantFactory

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


def value(code, org, period=SPAN, **params):
    return figures.compute(code, org, period, **params).value


def test_honours_count_by_level_and_kind_within_the_period(world):
    b = world.branch
    HonourFactory(organisation=b, level="bureau", kind="advanced_branch", recipient="branch", person=None)
    HonourFactory(organisation=b, level="bureau", person=world.people["member"])
    HonourFactory(organisation=b, level="province", kind="advanced_unit", recipient="school", person=None)
    HonourFactory(organisation=b, level="city", kind="paper", person=world.people["committee"])
    HonourFactory(organisation=b, level="city", awarded_on=date(2021, 8, 31), person=world.people["member"])
    HonourFactory(organisation=world.other_branch, level="bureau", person=world.people["other_member"])
    assert value("honours.count", b) == 4
    assert value("honours.count", b, level="bureau") == 2
    assert value("honours.count", b, level="city") == 1
    assert value("honours.count", b, kind="paper") == 1
    assert value("honours.count", b, level="national") == 0
    # The bureau's figure adds its branches up.
    assert value("honours.count", world.bureau_org) == 5


@pytest.fixture
def five_members(world):
    """Branch A: the world's secretary, committee and member, two more members, a retired member,
    a member who joined only in 2023, and a non-member teacher."""
    b = world.branch
    extra = [PersonFactory(organisation=b, name=n) for n in ("王春华", "孙宁")]
    members = [world.people["secretary"], world.people["committee"], world.people["member"], *extra]
    retired = PersonFactory(organisation=b, name="万福业", is_retired=True)
    late = PersonFactory(organisation=b, name="吴静", history=date(2023, 1, 10))
    teacher = PersonFactory(organisation=b, name="石磊", party_status="none")
    return members, retired, late, teacher


def test_members_rate_and_awards_over_rounds(world, five_members):
    members, retired, late, teacher = five_members
    b = world.branch
    # Two rounds, 5 serving members on each day: 4 + 4 member entries of 10 expected = 80.0%.
    r1 = CompetitionRoundFactory(organisation=b, kind="lesson", held_on=date(2022, 4, 20))
    r2 = CompetitionRoundFactory(organisation=b, kind="study_plan", held_on=date(2022, 11, 16))
    for person in members[:4]:
        ParticipantFactory(round=r1, person=person)
    for person in members[1:]:
        ParticipantFactory(round=r2, person=person, award="first" if person in members[1:3] else "")
    # Neither a retired member, nor a teacher, nor someone not yet a member counts as a member.
    for person in (retired, teacher, late):
        ParticipantFactory(round=r2, person=person, award="second")
    # A round outside the period, another branch's round: not counted.
    ParticipantFactory(
        round=CompetitionRoundFactory(organisation=b, held_on=date(2023, 9, 1)), person=members[0]
    )
    CompetitionRoundFactory(organisation=world.other_branch, held_on=date(2022, 5, 1))

    assert value("honours.competition_rounds", b) == 2
    assert value("honours.competition_rounds", b, kind="lesson") == 1
    assert value("honours.competition_members", b) == 5
    assert value("honours.competition_members", b, kind="lesson") == 4
    assert value("honours.competition_rate", b) == Decimal("80.0")
    assert value("honours.competition_rate", b, kind="lesson") == Decimal("80.0")
    awards = figures.compute("honours.competition_awards", b, SPAN, kind="study_plan")
    assert awards.value == 2 and {r.person.name for r in awards.records} == {"于雪华", "刘丹"}
    rate = figures.compute("honours.competition_rate", b, SPAN)
    assert rate.records.count() == 8 and str(rate) == "80.0%"


def test_rate_rounds_to_one_decimal_and_is_zero_without_rounds(world, five_members):
    members, *_ = five_members
    b = world.branch
    assert value("honours.competition_rate", b) == Decimal("0.0")
    r = CompetitionRoundFactory(organisation=b, held_on=date(2022, 4, 20))
    ParticipantFactory(round=r, person=members[0])
    ParticipantFactory(
        round=CompetitionRoundFactory(organisation=b, held_on=date(2022, 5, 20)), person=members[0]
    )
    ParticipantFactory(
        round=CompetitionRoundFactory(organisation=b, held_on=date(2022, 6, 20)), person=members[1]
    )
    # 3 entries of 15 expected.
    assert value("honours.competition_rate", b) == Decimal("20.0")
    assert value("honours.competition_members", b) == 2
