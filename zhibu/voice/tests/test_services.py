"""Voice services and rules: consultation dates, answering while open, suggestions and their
handling, the figures and the overdue rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.voice.models import Answer, Consultation, Status, Suggestion
from zhibu.voice.services import consultations as consult
from zhibu.voice.services import suggestions as services

from .factories import ConsultationFactory, SuggestionFactory, VoiceSettingsFactory

pytestmark = pytest.mark.django_db
MARCH = Period.month(2023, 3)
TODAY = timezone.localdate


def _open(world, **kwargs):
    today = TODAY()
    data = {
        "organisation": world.branch,
        "opens_on": today - timedelta(days=3),
        "closes_on": today + timedelta(days=3),
        "asked": [world.people["member"], world.people["committee"]],
        **kwargs,
    }
    return ConsultationFactory(**data)


def test_a_consultation_asks_members_of_the_branch(world):
    c = consult.consultation_create(
        actor=world.committee,
        organisation=world.branch,
        title="绩效方案",
        question="请提意见",
        opens_on=date(2023, 3, 1),
        closes_on=date(2023, 3, 1),
        asked=[world.people["member"]],
    )
    assert list(c.asked.all()) == [world.people["member"]]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"closes_on": date(2023, 2, 28)},
            "closes_on",
            "截止日期（2023年2月28日）不能早于开始日期（2023年3月1日）",
        ),
        ({"title": ""}, "title", "请填写拟决策事项"),
        ({"asked": []}, "asked", "请选择征求意见对象"),
    ],
)
def test_bad_consultations_are_refused_and_nothing_written(world, change, field, message):
    data = {
        "organisation": world.branch,
        "title": "绩效方案",
        "question": "请提意见",
        "opens_on": date(2023, 3, 1),
        "closes_on": date(2023, 3, 31),
        "asked": [world.people["member"]],
        **change,
    }
    with pytest.raises(ValidationError) as caught:
        consult.consultation_create(actor=world.secretary, **data)
    assert message in caught.value.message_dict[field][0]
    assert not Consultation.objects.exists()


def test_someone_of_another_branch_cannot_be_asked(world):
    with pytest.raises(ValidationError, match="黄海燕不是本支部人员"):
        consult.consultation_create(
            actor=world.secretary,
            organisation=world.branch,
            title="绩效方案",
            question="请提意见",
            opens_on=date(2023, 3, 1),
            closes_on=date(2023, 3, 31),
            asked=[world.people["other_member"]],
        )
    assert not Consultation.objects.exists()


def test_a_member_answers_while_open_and_may_change_her_answer(world):
    c = _open(world)
    consult.answer_submit(actor=world.member, consultation=c, text="建议一")
    consult.answer_submit(actor=world.member, consultation=c, text="建议二")
    assert list(Answer.objects.values_list("text", flat=True)) == ["建议二"]


def test_an_answer_after_the_close_is_refused(world):
    c = _open(world, opens_on=TODAY() - timedelta(days=10), closes_on=TODAY() - timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        consult.answer_submit(actor=world.member, consultation=c, text="迟到的意见")
    assert "已于" in caught.value.message_dict["text"][0] and "截止" in caught.value.message_dict["text"][0]
    assert not Answer.objects.exists()


def test_an_answer_before_the_opening_is_refused(world):
    c = _open(world, opens_on=TODAY() + timedelta(days=1))
    with pytest.raises(ValidationError, match="开始"):
        consult.answer_submit(actor=world.member, consultation=c, text="早了")
    assert not Answer.objects.exists()


def test_only_those_asked_answer(world):
    c = _open(world, asked=[world.people["committee"]])
    with pytest.raises(PermissionDenied):
        consult.answer_submit(actor=world.member, consultation=c, text="我也想说")
    assert not Answer.objects.exists()


def test_the_secretary_enters_an_answer_given_at_a_meeting(world):
    meeting = MeetingFactory(organisation=world.branch)  # 2023-03-08
    c = ConsultationFactory(organisation=world.branch, asked=[world.people["member"]])
    answer = consult.answer_record(
        actor=world.secretary, consultation=c, person=world.people["member"], meeting=meeting, text="会上提出"
    )
    assert answer.answered_on == date(2023, 3, 8) and answer.entered_by == world.people["secretary"]
    with pytest.raises(ValidationError, match="不能重复录入"):
        consult.answer_record(
            actor=world.secretary, consultation=c, person=world.people["member"], meeting=meeting, text="再来"
        )
    late = ConsultationFactory(
        organisation=world.branch,
        asked=[world.people["member"]],
        opens_on=date(2023, 4, 1),
        closes_on=date(2023, 4, 9),
    )
    with pytest.raises(ValidationError, match="不在征求意见期间"):
        consult.answer_record(
            actor=world.secretary,
            consultation=late,
            person=world.people["member"],
            meeting=meeting,
            text="会上",
        )
    with pytest.raises(PermissionDenied):
        consult.answer_record(
            actor=world.committee,
            consultation=late,
            person=world.people["member"],
            meeting=meeting,
            text="会上",
        )
    assert Answer.objects.count() == 1


def _suggest(world, **kwargs):
    data = {
        "organisation": world.branch,
        "received_on": date(2023, 3, 10),
        "topic": "后勤",
        "content": "延长供餐时间",
        "author": world.people["member"],
        **kwargs,
    }
    return services.suggestion_create(actor=world.committee, **data)


def test_a_suggestion_gets_its_deadline_from_the_branch_setting(world):
    assert _suggest(world).due_on == date(2023, 4, 9)
    VoiceSettingsFactory(organisation=world.branch, answer_days=15)
    assert _suggest(world).due_on == date(2023, 3, 25)


def test_anonymous_means_no_author(world):
    s = _suggest(world, author=None, anonymous=True)
    assert s.author is None and s.author_label == "匿名"
    with pytest.raises(ValidationError, match="匿名"):
        _suggest(world, anonymous=True)
    with pytest.raises(ValidationError, match="请选择提出人"):
        _suggest(world, author=None)
    assert Suggestion.objects.count() == 1


def _handle(world, s, **kwargs):
    data = {
        "version": s.version,
        "status": Status.ADOPTED,
        "response": "已采纳",
        "responder": world.people["secretary"],
        "answered_on": date(2023, 3, 20),
        **kwargs,
    }
    return services.suggestion_handle(actor=world.secretary, suggestion=s, **data)


def test_not_adopted_needs_a_reason(world):
    s = SuggestionFactory(organisation=world.branch)
    with pytest.raises(ValidationError) as caught:
        _handle(world, s, status=Status.REJECTED)
    assert caught.value.message_dict["reason"] == ["未采纳的意见建议须说明理由"]
    s.refresh_from_db()
    assert s.status == Status.PENDING and s.answered_on is None and s.response == ""
    _handle(world, s, status=Status.REJECTED, reason="与上级规定不符")
    s.refresh_from_db()
    assert s.status == Status.REJECTED and s.reason == "与上级规定不符"


def test_an_answer_needs_the_response_and_a_sensible_date(world):
    s = SuggestionFactory(organisation=world.branch)
    with pytest.raises(ValidationError, match="请填写答复意见"):
        _handle(world, s, response="")
    with pytest.raises(ValidationError, match="不能早于提出日期"):
        _handle(world, s, answered_on=date(2023, 3, 1))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        _handle(world, s, answered_on=TODAY() + timedelta(days=1))
    s.refresh_from_db()
    assert s.status == Status.PENDING
    _handle(world, s, status=Status.IN_PROGRESS, response="正在研究")
    s.refresh_from_db()
    assert s.status == Status.IN_PROGRESS and s.answered_on is None


def test_figures_and_the_overdue_rule(world):
    SuggestionFactory(organisation=world.branch, status=Status.ADOPTED, answered_on=date(2023, 3, 20))
    SuggestionFactory(
        organisation=world.branch, status=Status.PARTLY, answered_on=date(2023, 5, 1), topic="教研"
    )
    SuggestionFactory(organisation=world.branch, status=Status.PENDING, topic="食堂")
    SuggestionFactory(organisation=world.other_branch, status=Status.ADOPTED, answered_on=date(2023, 3, 20))
    assert figures.compute("voice.suggestions", world.branch, MARCH).value == 3
    assert figures.compute("voice.adopted", world.branch, MARCH).value == 2
    assert figures.compute("voice.answered_in_time", world.branch, MARCH).value == 1
    spring = Period.span(date(2023, 3, 1), date(2023, 6, 30))
    found = [f.message for f in findings.run(world.branch, spring, codes=["voice.not_answered"])]
    assert found == [
        "XX市育才学校党支部 2023年3月10日收到的意见建议“教研”超过答复期限（2023年4月9日）才答复",
        "XX市育才学校党支部 2023年3月10日收到的意见建议“食堂”超过答复期限（2023年4月9日）仍未答复",
    ]
    assert list(findings.run(world.branch, MARCH, codes=["voice.not_answered"])) == []  # not yet due in March
