"""Recording steps: the order, the intervals of the rules in force on the step's date (boundaries
to the day), contacts and introducers who must be full members, the 支部大会's vote, and the one
status history the steps write. Bad input writes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhibu.core.models import PartyStatusChange
from zhibu.development.models import DevelopmentRule, DevelopmentStep, Step
from zhibu.development.services.steps import step_record

from . import helpers
from .factories import DevelopmentRuleFactory

pytestmark = pytest.mark.django_db
S = Step


def _record(world, person, step, day, **kwargs):
    kwargs.setdefault("evidence", "记录存档")
    return step_record(actor=world.secretary, person=person, step=step, day=day, **kwargs)


def _refused(world, person, step, day, **kwargs) -> str:
    steps, changes = DevelopmentStep.objects.count(), PartyStatusChange.objects.count()
    with pytest.raises(ValidationError) as caught:
        _record(world, person, step, day, **kwargs)
    assert DevelopmentStep.objects.count() == steps and PartyStatusChange.objects.count() == changes
    return " ".join(caught.value.messages)


def test_the_2014_rules_are_loaded_as_data():
    rules = DevelopmentRule.objects.filter(effective_from=date(2014, 5, 28))
    assert rules.count() == 6
    assert rules.filter(from_step=S.APPLICATION, to_step=S.TALK, kind="max", months=1).exists()


def test_a_whole_walk_moves_the_one_status_history(world):
    person = helpers.walk(world, helpers.applicant(world), S.CONFIRMATION)
    assert person.party_status == "full"
    history = list(person.status_changes.values_list("status", "since"))
    assert history == [
        ("applicant", date(2021, 3, 1)),
        ("activist", date(2021, 5, 10)),
        ("candidate", date(2022, 5, 10)),
        ("probationary", date(2022, 9, 7)),
        ("full", date(2023, 9, 7)),
    ]
    admission = DevelopmentStep.objects.get(person=person, step=S.ADMISSION)
    assert admission.status_change.status == "probationary" and admission.vote is not None
    assert {p.name for p in admission.sponsors.all()} == {"张文华", "刘丹"}


def test_a_step_for_someone_already_there_links_the_history_on_file(world):
    person = world.people["checker"]  # an activist since 2005 in the roster's history
    _record(world, person, S.APPLICATION, date(2004, 9, 1))
    _record(world, person, S.TALK, date(2004, 9, 20))
    step = _record(world, person, S.ACTIVIST, date(2005, 7, 1), sponsors=[world.people["secretary"]])
    assert person.status_changes.count() == 1 and step.status_change == person.status_changes.get()


def test_a_step_needs_the_one_before(world):
    person = helpers.applicant(world)
    assert "请先登记“递交入党申请书”" in _refused(world, person, S.TALK, date(2021, 3, 5))


def test_a_step_dated_before_the_one_it_follows_is_impossible(world):
    person = helpers.walk(world, helpers.applicant(world), S.APPLICATION)
    message = _refused(world, person, S.TALK, date(2021, 2, 28))
    assert "早于“递交入党申请书”（2021年3月1日）" in message


def test_a_milestone_is_recorded_once(world):
    person = helpers.walk(world, helpers.applicant(world), S.APPLICATION)
    assert "不能重复登记" in _refused(world, person, S.APPLICATION, date(2021, 3, 2))


def test_no_review_after_becoming_a_candidate(world):
    person = helpers.walk(world, helpers.applicant(world), S.CANDIDATE)
    assert "已登记“确定为发展对象”" in _refused(world, person, S.REVIEW, date(2022, 6, 1))


@pytest.mark.parametrize(("day", "ok"), [(date(2022, 5, 9), False), (date(2022, 5, 10), True)])
def test_a_candidate_after_exactly_one_year_as_activist(world, day, ok):
    person = helpers.walk(world, helpers.applicant(world), S.ACTIVIST)
    if ok:
        assert _record(world, person, S.CANDIDATE, day).step == S.CANDIDATE
        return
    message = _refused(world, person, S.CANDIDATE, day)
    assert "不早于2022年5月10日" in message and "经过一年以上培养教育和考察" in message


@pytest.mark.parametrize(("day", "ok"), [(date(2023, 9, 6), False), (date(2023, 9, 7), True)])
def test_confirmation_after_exactly_one_year_of_probation(world, day, ok):
    person = helpers.walk(world, helpers.applicant(world), S.OATH)
    if ok:
        _record(world, person, S.CONFIRMATION, day)
        person.refresh_from_db()
        assert person.party_status == "full"
        return
    message = _refused(world, person, S.CONFIRMATION, day)
    assert "预备期为一年" in message and "2023年9月7日" in message


@pytest.mark.parametrize(("day", "ok"), [(date(2024, 3, 6), False), (date(2024, 3, 7), True)])
def test_an_extension_moves_confirmation_by_its_months(world, day, ok):
    person = helpers.walk(world, helpers.applicant(world), S.OATH)
    _record(world, person, S.EXTENSION, date(2023, 8, 20), extension_months=6)
    if ok:
        assert _record(world, person, S.CONFIRMATION, day)
    else:
        assert "1年6个月" in _refused(world, person, S.CONFIRMATION, day)


@pytest.mark.parametrize("months", [0, 5, 13])
def test_an_extension_is_half_a_year_to_a_year(world, months):
    person = helpers.walk(world, helpers.applicant(world), S.OATH)
    assert "6至12个月" in _refused(world, person, S.EXTENSION, date(2023, 8, 20), extension_months=months)


def test_a_contact_who_is_not_a_full_member_is_refused(world):
    person = helpers.walk(world, helpers.applicant(world), S.TALK)
    message = _refused(
        world,
        person,
        S.ACTIVIST,
        date(2021, 5, 10),
        sponsors=[world.people["secretary"], world.people["checker"]],
    )
    assert "何静在2021年5月10日不是本支部正式党员" in message and "培养联系人" in message


def test_an_introducer_who_is_not_a_full_member_is_refused(world):
    person = helpers.walk(world, helpers.applicant(world), S.PRE_APPROVAL)
    vote = helpers.admission_vote(world, date(2022, 9, 7))
    message = _refused(
        world,
        person,
        S.ADMISSION,
        date(2022, 9, 7),
        sponsors=[world.people["secretary"], world.people["checker"]],
        vote=vote,
    )
    assert "何静" in message and "入党介绍人" in message


def test_admission_needs_two_introducers(world):
    person = helpers.walk(world, helpers.applicant(world), S.PRE_APPROVAL)
    vote = helpers.admission_vote(world, date(2022, 9, 7))
    message = _refused(
        world, person, S.ADMISSION, date(2022, 9, 7), sponsors=[world.people["secretary"]], vote=vote
    )
    assert "两名正式党员作入党介绍人" in message


def test_admission_needs_a_vote_that_passed_on_its_day(world):
    person = helpers.walk(world, helpers.applicant(world), S.PRE_APPROVAL)
    sponsors = [world.people["secretary"], world.people["member"]]
    failed = helpers.admission_vote(world, date(2022, 9, 7), approve=1)
    assert "未超过应到会有表决权的正式党员3人的半数" in _refused(
        world, person, S.ADMISSION, date(2022, 9, 7), sponsors=sponsors, vote=failed
    )
    other_day = helpers.admission_vote(world, date(2022, 9, 8))
    assert "应为会议日期（2022年9月8日）" in _refused(
        world, person, S.ADMISSION, date(2022, 9, 7), sponsors=sponsors, vote=other_day
    )
    assert "请选择支部党员大会" in _refused(world, person, S.ADMISSION, date(2022, 9, 7), sponsors=sponsors)


@pytest.mark.parametrize(("days", "hours", "ok"), [(2, 23, False), (3, None, True), (2, 24, True)])
def test_training_is_three_days_or_24_hours(world, days, hours, ok):
    person = helpers.walk(world, helpers.applicant(world), S.CANDIDATE)
    if ok:
        assert _record(world, person, S.TRAINING, date(2022, 6, 15), training_days=days, training_hours=hours)
    else:
        message = _refused(
            world, person, S.TRAINING, date(2022, 6, 15), training_days=days, training_hours=hours
        )
        assert "不少于3天（或不少于24个学时）" in message


def test_a_step_is_judged_by_the_version_in_force_on_its_day(world):
    """A revised 细则 from 2022-01-01 asks six months as activist: a step before it is judged by 2014."""
    DevelopmentRuleFactory(
        effective_from=date(2022, 1, 1),
        from_step=S.ACTIVIST,
        to_step=S.CANDIDATE,
        kind="min",
        months=6,
        source="（修订）培养教育和考察半年以上",
    )
    person = helpers.walk(world, helpers.applicant(world), S.ACTIVIST)
    assert "一年以上" in _refused(world, person, S.CANDIDATE, date(2021, 12, 31))
    assert _record(world, person, S.CANDIDATE, date(2022, 1, 3)).step == S.CANDIDATE


def test_without_evidence_or_in_the_future_nothing_is_written(world):
    person = helpers.applicant(world)
    assert "请填写佐证材料及情况" in _refused(world, person, S.APPLICATION, date(2021, 3, 1), evidence=" ")
    assert "不能晚于今天" in _refused(world, person, S.APPLICATION, date(2999, 1, 1))


def test_a_member_may_not_record_a_step(world):
    with pytest.raises(PermissionDenied):
        step_record(
            actor=world.member,
            person=helpers.applicant(world),
            step=S.APPLICATION,
            day=date(2021, 3, 1),
            evidence="x",
        )
