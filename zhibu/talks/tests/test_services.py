"""Talks services and rules: who may talk with whom, dates, the quota rule and figures, privacy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings, points
from zhibu.core.tests.factories import PersonFactory
from zhibu.talks.models import Talk, TalkSettings
from zhibu.talks.services import talks as services

from . import helpers
from .factories import TalkFactory, TalkSettingsFactory

pytestmark = pytest.mark.django_db
SPRING = Period.span(date(2023, 3, 1), date(2023, 6, 30))


@pytest.fixture
def committee(world):
    helpers.committee(world)
    return world


def _create(world, actor=None, **kwargs):
    data = {
        "organisation": world.branch,
        "held_on": date(2023, 3, 10),
        "talker": world.people["committee"],
        "talked_with": world.people["member"],
        "topic": "思想动态",
        "content": "交流近期工作。",
        **kwargs,
    }
    return services.talk_create(actor=actor or world.committee, **data)


def test_a_committee_member_records_a_talk(committee):
    talk = _create(committee)
    assert talk.talker == committee.people["committee"] and Talk.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"held_on": timezone.localdate() + timedelta(days=1)}, "held_on", "不能晚于今天"),
        ({"held_on": None}, "held_on", "请填写谈话日期"),
        ({"topic": "  "}, "topic", "请填写谈话主题"),
        ({"content": ""}, "content", "请填写谈话内容"),
        ({"talked_with": None}, "talked_with", "请选择谈话对象"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(committee, change, field, message):
    with pytest.raises(ValidationError) as caught:
        _create(committee, **change)
    assert message in " ".join(caught.value.message_dict[field])
    assert Talk.objects.count() == 0


def test_the_talker_must_be_on_the_committee_that_day(committee):
    with pytest.raises(ValidationError) as caught:
        _create(committee, talker=committee.people["member"], talked_with=committee.people["checker"])
    assert "不是支部委员" in caught.value.message_dict["talker"][0]
    with pytest.raises(ValidationError):  # before the term began
        _create(committee, held_on=date(2019, 3, 1))
    assert Talk.objects.count() == 0


def test_no_talk_with_oneself_nor_with_someone_of_another_branch(committee):
    with pytest.raises(ValidationError, match="本人"):
        _create(committee, talked_with=committee.people["committee"])
    with pytest.raises(ValidationError, match="不是本支部人员"):
        _create(committee, talked_with=committee.people["outsider"])
    masses = PersonFactory(organisation=committee.branch, party_status="none", is_staff_member=False)
    with pytest.raises(ValidationError, match="教职工"):
        _create(committee, talked_with=masses)
    assert Talk.objects.count() == 0


def test_html_in_the_topic_is_kept_as_text(committee):
    talk = _create(committee, topic="<script>alert(1)</script>")
    assert talk.topic == "<script>alert(1)</script>"  # stored as typed; the pages escape it (test_views)


def test_the_content_is_the_talkers_and_the_secretarys(committee):
    talk = _create(committee)
    assert policy.has_perm(committee.committee, "talks.content", talk)
    assert policy.has_perm(committee.secretary, "talks.content", talk)
    other = TalkFactory(organisation=committee.branch, talker=committee.people["secretary"])
    assert not policy.has_perm(committee.committee, "talks.content", other)
    assert policy.has_perm(committee.committee, "talks.view", other)
    assert not policy.has_perm(committee.member, "talks.view", other)
    assert not policy.has_perm(committee.bureau, "talks.view", other)


def test_only_the_talker_or_the_secretary_changes_a_talk(committee):
    other = TalkFactory(organisation=committee.branch, talker=committee.people["secretary"])
    data = {
        "version": other.version,
        "held_on": other.held_on,
        "talker": committee.people["secretary"],
        "talked_with": committee.people["member"],
        "topic": "改",
        "content": "改",
    }
    with pytest.raises(PermissionDenied):
        services.talk_update(actor=committee.committee, talk=other, **data)
    with pytest.raises(Http404):
        services.talk_update(actor=committee.outsider, talk=other, **data)
    services.talk_update(actor=committee.secretary, talk=other, **data)
    other.refresh_from_db()
    assert other.topic == "改"


def test_settings_default_and_change(committee):
    from zhibu.talks import selectors

    assert selectors.settings_for(committee.branch).monthly_quota == 2
    services.settings_update(
        actor=committee.secretary, organisation=committee.branch, version=None, monthly_quota=3
    )
    assert TalkSettings.objects.get().monthly_quota == 3
    with pytest.raises(ValidationError, match="0到31"):
        services.settings_update(
            actor=committee.secretary, organisation=committee.branch, version=1, monthly_quota=40
        )
    with pytest.raises(PermissionDenied):
        services.settings_update(
            actor=committee.committee, organisation=committee.branch, version=1, monthly_quota=1
        )
    assert TalkSettings.objects.get().monthly_quota == 3


def _talks(world, talker: str, month: date, n: int):
    for k in range(n):
        TalkFactory(
            organisation=world.branch,
            talker=world.people[talker],
            talked_with=world.people["member"],
            held_on=month.replace(day=3 + k),
        )


def test_a_member_below_quota_gets_one_line_with_her_months(committee):
    for month in (date(2023, 3, 1), date(2023, 4, 1), date(2023, 5, 1), date(2023, 6, 1)):
        _talks(committee, "secretary", month, 2)
    _talks(committee, "committee", date(2023, 3, 1), 2)
    _talks(committee, "committee", date(2023, 4, 1), 1)
    result = [f.message for f in findings.run(committee.branch, SPRING, codes=["talks.below_quota"])]
    assert result == ["于雪华 2023年4—6月谈心谈话少于2次"]
    assert figures.compute("talks.held", committee.branch, SPRING).value == 11
    met = figures.compute("talks.quota_met", committee.branch, SPRING)
    assert met.value == 1 and [p.name for p in met.records] == ["张文华"]


def test_the_branch_quota_and_august_and_unended_months(committee):
    TalkSettingsFactory(organisation=committee.branch, monthly_quota=1)
    _talks(committee, "secretary", date(2023, 3, 1), 1)
    _talks(committee, "committee", date(2023, 3, 1), 1)
    march_to_august = Period.span(date(2023, 3, 1), date(2023, 8, 31))
    found = [f.message for f in findings.run(committee.branch, march_to_august, codes=["talks.below_quota"])]
    assert found == ["于雪华 2023年4—7月谈心谈话少于1次", "张文华 2023年4—7月谈心谈话少于1次"]
    this_month = Period.month(timezone.localdate().year, timezone.localdate().month)
    assert list(findings.run(committee.branch, this_month, codes=["talks.below_quota"])) == []


def test_a_quota_of_zero_judges_nobody(committee):
    TalkSettingsFactory(organisation=committee.branch, monthly_quota=0)
    assert list(findings.run(committee.branch, SPRING, codes=["talks.below_quota"])) == []


def test_the_bureau_sees_every_branch_in_one_run(committee):
    found = list(findings.run(committee.bureau_org, SPRING, codes=["talks.below_quota"]))
    assert {f.organisation for f in found} == {committee.branch}


def test_a_talk_earns_points_for_its_talker(committee):
    talk = TalkFactory(
        organisation=committee.branch, talker=committee.people["committee"], held_on=date(2023, 3, 9)
    )
    facts = list(points.get("talks.held").facts([committee.branch.pk], date(2023, 1, 1), date(2023, 12, 31)))
    assert facts == [
        {
            "person_id": committee.people["committee"].pk,
            "day": date(2023, 3, 9),
            "record_id": talk.pk,
            "title": "谈心谈话",
        }
    ]
