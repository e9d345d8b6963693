"""Appraisal services: what they write and audit, and what they refuse (a Chinese message naming
the field, nothing written): a negative cap, a 4th 优秀 in a branch of nine, rating oneself,
rating twice, nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhibu.appraisal.models import Appraisal, PeerRating, PointAdjustment, PointRule, Rating
from zhibu.appraisal.services import appraisals, points
from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory

from .factories import AppraisalFactory, PointRuleFactory

pytestmark = pytest.mark.django_db


def _refused(field: str, words: str, func, **kwargs) -> None:
    with pytest.raises(ValidationError) as exc:
        func(**kwargs)
    messages = exc.value.message_dict[field]
    assert any(words in m for m in messages), messages


# -- points rules --------------------------------------------------------------------------------
def _rule(world, **kwargs) -> dict:
    return {
        "actor": world.secretary,
        "organisation": world.branch,
        "source": "meetings.attended",
        "points": "1.5",
        "cap": "6",
        "cap_period": "month",
        "effective_from": date(2023, 1, 1),
        **kwargs,
    }


def test_rule_create_keeps_fractional_points_and_audits(world):
    rule = points.rule_create(**_rule(world))
    assert (rule.points, rule.cap) == (Decimal("1.50"), Decimal("6.00"))
    assert AuditEntry.objects.filter(action="appraisal.rule.created").count() == 1


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("cap", "-5", "积分上限不能为负数"),
        ("cap", "0", "积分上限不能为0"),
        ("points", "-1", "每次积分不能为负数"),
        ("points", "", "请填写每次积分"),
        ("points", "1.005", "最多保留两位小数"),
        ("points", "一分", "不是数字"),
        ("points", 0.5, "不接受浮点数"),
        ("source", "nothing.here", "请选择积分项目"),
        ("cap_period", "week", "请选择上限周期"),
        ("effective_from", None, "请填写生效日期"),
        ("effective_until", date(2022, 1, 1), "不能早于生效日期"),
    ],
)
def test_rule_bad_input_is_refused_naming_the_field(world, field, value, words):
    _refused(field, words, points.rule_create, **_rule(world, **{field: value}))
    assert not PointRule.objects.exists()


def test_overlapping_rules_of_one_source_are_refused(world):
    PointRuleFactory(organisation=world.branch, effective_from=date(2022, 1, 1))
    _refused("effective_from", "时间重叠", points.rule_create, **_rule(world))
    assert PointRule.objects.count() == 1


def test_rule_update_closes_a_rule_and_a_new_one_follows(world):
    old = PointRuleFactory(organisation=world.branch, effective_from=date(2022, 1, 1))
    data = _rule(world, effective_from=date(2022, 1, 1), effective_until=date(2022, 12, 31))
    data.pop("organisation")
    points.rule_update(rule=old, version=old.version, **data)
    points.rule_create(**_rule(world))
    assert PointRule.objects.count() == 2


def test_member_may_not_write_rules(world):
    with pytest.raises(PermissionDenied):
        points.rule_create(**_rule(world, actor=world.member))


def _adjust(world, **kwargs) -> dict:
    return {
        "actor": world.committee,
        "organisation": world.branch,
        "person": world.people["member"],
        "day": date(2023, 3, 20),
        "points": "-2",
        "reason": "无故缺席支部党员大会",
        **kwargs,
    }


def test_adjustment_with_a_reason_is_audited(world):
    points.adjustment_create(**_adjust(world))
    entry = AuditEntry.objects.get(action="appraisal.adjustment.created")
    assert entry.after["reason"] == "无故缺席支部党员大会"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("reason", " ", "请填写调整原因"),
        ("points", "0", "调整分值不能为0"),
        ("day", None, "请填写日期"),
        ("person", None, "请选择党员"),
    ],
)
def test_adjustment_bad_input_writes_nothing(world, field, value, words):
    _refused(field, words, points.adjustment_create, **_adjust(world, **{field: value}))
    assert not PointAdjustment.objects.exists()


def test_adjustment_of_a_non_member_is_refused(world):
    for person in (world.people["outsider"], world.people["checker"]):
        _refused("person", "不是本支部党员", points.adjustment_create, **_adjust(world, person=person))
    assert not PointAdjustment.objects.exists()


# -- 民主评议 ------------------------------------------------------------------------------------
@pytest.fixture
def nine(world):
    """A branch of nine members (the three personas and six more), the 2023 appraisal open."""
    for n in range(6):
        PersonFactory(organisation=world.branch, name=f"党员{'甲乙丙丁戊己'[n]}")
    added = appraisals.appraisal_open(actor=world.secretary, organisation=world.branch, year=2023)
    assert added == 9
    return list(Appraisal.objects.filter(year=2023).order_by("pk"))


def _decide(world, appraisal, decision="excellent"):
    appraisal.refresh_from_db()
    return appraisals.decide(
        actor=world.secretary, appraisal=appraisal, version=appraisal.version, decision=decision
    )


def test_three_of_nine_excellent_allowed_a_fourth_refused(world, nine):
    for appraisal in nine[:3]:
        _decide(world, appraisal)
    assert Appraisal.objects.filter(decision="excellent").count() == 3
    fourth = nine[3]
    fourth.refresh_from_db()
    _refused(
        "decision",
        "不能超过参评党员的三分之一：本支部2023年度9名党员参评，最多评3名优秀，已评定3名",
        appraisals.decide,
        actor=world.secretary,
        appraisal=fourth,
        version=fourth.version,
        decision="excellent",
    )
    fourth.refresh_from_db()
    assert fourth.decision == "" and Appraisal.objects.filter(decision="excellent").count() == 3
    _decide(world, fourth, "qualified")  # 合格 is never limited
    _decide(world, nine[0], "excellent")  # deciding one of the three again keeps three
    assert Appraisal.objects.filter(decision="excellent").count() == 3


def test_opening_again_adds_nobody(world, nine):
    assert appraisals.appraisal_open(actor=world.secretary, organisation=world.branch, year=2023) == 0


def test_opening_a_future_year_is_refused(world):
    _refused("year", "年度须在2000年至", appraisals.appraisal_open, actor=world.secretary,
             organisation=world.branch, year=2999)  # fmt: skip
    assert not Appraisal.objects.exists()


def _own(world, persona) -> Appraisal:
    return Appraisal.objects.get(person=world.people[persona], year=2023)


def test_self_assessment_by_herself_only(world, nine):
    mine = _own(world, "member")
    appraisals.self_assess(
        actor=world.member, appraisal=mine, version=mine.version, self_assessment="认真学习。"
    )
    mine.refresh_from_db()
    assert mine.self_assessment == "认真学习。"
    with pytest.raises(PermissionDenied):
        appraisals.self_assess(
            actor=world.secretary, appraisal=mine, version=mine.version, self_assessment="代写"
        )


def test_empty_self_assessment_writes_nothing(world, nine):
    mine = _own(world, "member")
    _refused("self_assessment", "请填写自我评价", appraisals.self_assess, actor=world.member, appraisal=mine,
             version=mine.version, self_assessment="  ")  # fmt: skip
    mine.refresh_from_db()
    assert mine.self_assessment == "" and mine.version == 1


def _rate(world, persona, ratings) -> int:
    return appraisals.ratings_record(
        actor=world.users[persona], organisation=world.branch, year=2023, ratings=ratings
    )


def test_ratings_are_recorded_once_each(world, nine):
    others = [a for a in nine if a.person_id != world.people["member"].pk]
    assert _rate(world, "member", {a: "qualified" for a in others[:4]}) == 4
    assert PeerRating.objects.count() == 4
    assert AuditEntry.objects.filter(action="appraisal.rating.created").count() == 4


def test_rating_oneself_is_refused(world, nine):
    mine = _own(world, "member")
    _refused("ratings", "不能评议自己", _rate, world=world, persona="member", ratings={mine: "excellent"})
    assert not PeerRating.objects.exists()


def test_rating_twice_is_refused_and_the_batch_writes_nothing(world, nine):
    secretary, committee = _own(world, "secretary"), _own(world, "committee")
    _rate(world, "member", {secretary: "excellent"})
    _refused("ratings", "已评议过张文华，不能重复评议", _rate, world=world, persona="member",
             ratings={committee: "qualified", secretary: "qualified"})  # fmt: skip
    assert PeerRating.objects.count() == 1
    assert PeerRating.objects.get().rating == Rating.EXCELLENT


def test_nothing_rated_is_refused(world, nine):
    secretary = _own(world, "secretary")
    _refused("ratings", "请至少评议一名党员", _rate, world=world, persona="member", ratings={secretary: ""})
    assert not PeerRating.objects.exists()


def test_a_member_outside_the_appraisal_may_not_rate(world):
    ratee = AppraisalFactory(organisation=world.branch, person=world.people["secretary"], year=2023)
    _refused("ratings", "不在2023年度民主评议的党员名单中", _rate, world=world, persona="member",
             ratings={ratee: "qualified"})  # fmt: skip


def test_the_checker_may_not_rate(world, nine):
    with pytest.raises(PermissionDenied):
        _rate(world, "checker", {nine[0]: "qualified"})
