"""Findings, each on its boundary: the talk within exactly one month, a 考察 every half year, the
预备期 of exactly one year, and "no one developed in N years" with the branch's own N and the
pipeline as evidence."""

from datetime import date

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.tests.factories import PersonFactory
from zhibu.development import selectors
from zhibu.development.models import Step

from . import helpers
from .factories import DevelopmentSettingsFactory, DevelopmentStepFactory

pytestmark = pytest.mark.django_db


def _found(org, code, end: date) -> list[str]:
    return [f.message for f in findings.run(org, Period.span(date(end.year - 1, 1, 1), end), codes=[code])]


@pytest.mark.parametrize(("end", "late"), [(date(2023, 4, 1), False), (date(2023, 4, 2), True)])
def test_an_applicant_not_talked_to_within_exactly_one_month(world, end, late):
    DevelopmentStepFactory(organisation=world.branch, person__name="王海燕", day=date(2023, 3, 1))
    found = _found(world.branch, "development.talk_overdue", end)
    assert bool(found) is late
    if late:
        assert "王海燕应在2023年4月1日前由党组织派人谈话" in found[0] and "一个月内" in found[0]


def test_a_talk_on_file_ends_the_finding(world):
    step = DevelopmentStepFactory(organisation=world.branch, day=date(2023, 3, 1))
    DevelopmentStepFactory(
        organisation=world.branch, person=step.person, step=Step.TALK, day=date(2023, 3, 30)
    )
    assert not _found(world.branch, "development.talk_overdue", date(2023, 12, 31))


@pytest.mark.parametrize(("end", "late"), [(date(2022, 5, 10), False), (date(2022, 5, 11), True)])
def test_an_activist_needs_a_review_every_half_year(world, end, late):
    person = helpers.walk(world, helpers.applicant(world), Step.ACTIVIST)
    helpers_review = date(2021, 11, 10)  # six months after 2021-05-10
    DevelopmentStepFactory(organisation=world.branch, person=person, step=Step.REVIEW, day=helpers_review)
    found = _found(world.branch, "development.review_overdue", end)
    assert bool(found) is late
    if late:
        assert "郑浩应在2022年5月10日前进行半年一次的考察" in found[0]


@pytest.mark.parametrize(("end", "due"), [(date(2023, 9, 6), False), (date(2023, 9, 7), True)])
def test_a_probationary_member_due_after_exactly_one_year(world, end, due):
    helpers.walk(world, helpers.applicant(world), Step.OATH)
    found = _found(world.branch, "development.confirmation_due", end)
    assert bool(found) is due
    if due:
        assert "郑浩（2023年9月7日期满）" in found[0]


def test_a_probationary_member_from_the_roster_history_is_due_too(world):
    PersonFactory(
        organisation=world.branch, name="孙宁", party_status="probationary", history=date(2022, 6, 1)
    )
    assert _found(world.branch, "development.confirmation_due", date(2023, 6, 1))


def test_no_one_developed_in_two_years_cites_the_pipeline(world):
    found = _found(world.branch, "development.no_development", date(2023, 7, 31))
    assert found == [
        "XX市育才学校党支部近两年没有发展党员，积极分子培养有待加强"
        "（发展党员纪实：现有入党申请人0人、入党积极分子1人、发展对象0人）"
    ]


def test_the_window_is_the_branch_setting(world):
    PersonFactory(organisation=world.branch, party_status="probationary", history=date(2020, 9, 1))
    end = date(2023, 7, 31)
    assert _found(world.branch, "development.no_development", end)  # 2020 is outside two years
    DevelopmentSettingsFactory(organisation=world.branch, window_years=3)
    assert not _found(world.branch, "development.no_development", end)


def test_admitting_someone_through_the_pipeline_ends_the_weakness(world):
    helpers.walk(world, helpers.applicant(world), Step.ADMISSION)
    assert not _found(world.branch, "development.no_development", date(2023, 7, 31))


def test_the_open_steps_carry_each_person_read_once(world, django_assert_num_queries):
    first = DevelopmentStepFactory(organisation=world.branch, person__name="王海燕", day=date(2023, 3, 1))
    DevelopmentStepFactory(
        organisation=world.branch, person=first.person, step=Step.TALK, day=date(2023, 3, 20)
    )
    DevelopmentStepFactory(organisation=world.branch, person__name="李明", day=date(2023, 4, 1))
    with django_assert_num_queries(2):  # the steps, then their people: not a person per step
        found = selectors.open_steps(world.bureau_org, date(2023, 12, 31))
        names = {pk: [step.person.name for step in steps] for pk, steps in found.items()}
    assert names == {first.person.pk: ["王海燕", "王海燕"], found[max(found)][0].person_id: ["李明"]}
    assert found[first.person.pk][0].person is found[first.person.pk][1].person  # one instance
