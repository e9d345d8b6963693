"""满意度测评 services: a code works once, needs no account and is not tied to the answer; a forged
or reused code, a closed survey or a missing rating is refused with nothing written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.surveys import selectors, tokens
from zhibu.surveys.models import Answer, Response, Survey, UsedCode
from zhibu.surveys.services import response_submit, survey_create, survey_update

from .factories import QuestionFactory, SurveyFactory


def _counts():
    return (UsedCode.objects.count(), Response.objects.count(), Answer.objects.count())


@pytest.fixture
def survey(world):
    s = SurveyFactory(organisation=world.branch, respondents=5)
    QuestionFactory(survey=s, text="总体评价")
    QuestionFactory(survey=s, text="意见建议", kind="text")
    return s


def _submit(survey, code, rating="satisfied", text=""):
    rated, free = selectors.questions_of(survey)
    return response_submit(survey=survey, code=code, ratings={rated.pk: rating}, texts={free.pk: text})


def test_a_code_answers_once_without_an_account(survey):
    _submit(survey, tokens.code_for(survey, 1), text="希望多开家长会")
    assert _counts() == (1, 1, 2)
    used = UsedCode.objects.get()
    assert used.code_hash == tokens.digest(tokens.code_for(survey, 1))
    assert Response.objects.get().answered_on == timezone.localdate()
    entry = AuditEntry.objects.get(action="surveys.response.received")
    assert entry.actor is None and str(Response.objects.get().pk) not in str(entry.after)


@pytest.mark.parametrize(
    "typed", ["1-{mac}", "1{mac}", " 1 - {lower} "], ids=["dash", "no-dash", "spaces-case"]
)
def test_codes_are_read_as_people_type_them(survey, typed):
    mac = tokens.code_for(survey, 1).split("-")[1]
    _submit(survey, typed.format(mac=mac, lower=mac.lower()))
    assert _counts()[0] == 1


def test_a_reused_code_is_refused_and_writes_nothing(survey):
    code = tokens.code_for(survey, 2)
    _submit(survey, code)
    with pytest.raises(ValidationError) as caught:
        _submit(survey, code.lower(), rating="unsatisfied")
    assert "该问卷码已经使用过" in caught.value.message_dict["code"][0]
    assert _counts() == (1, 1, 1)


@pytest.mark.parametrize(
    "code",
    ["", "1-AAAAAAAA", "6-{mac}", "abc", "2-{mac}"],
    ids=["empty", "forged", "beyond-the-slips", "garbage", "another-slips-mac"],
)
def test_a_forged_code_is_refused_and_writes_nothing(survey, code):
    mac = tokens.code_for(survey, 1).split("-")[1]
    with pytest.raises(ValidationError) as caught:
        _submit(survey, code.format(mac=mac))
    assert "问卷码无效" in caught.value.message_dict["code"][0]
    assert _counts() == (0, 0, 0)


def test_another_surveys_code_is_forged_here(world, survey):
    other = SurveyFactory(organisation=world.branch, respondents=5)
    with pytest.raises(ValidationError, match="问卷码无效"):
        _submit(survey, tokens.code_for(other, 1))


def test_an_answer_after_closing_is_refused(survey):
    Survey.objects.filter(pk=survey.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    survey.refresh_from_db()
    with pytest.raises(ValidationError, match="测评已于.*截止，不能再提交"):
        _submit(survey, tokens.code_for(survey, 1))
    assert _counts() == (0, 0, 0)


def test_a_rated_question_left_out_is_named(survey):
    with pytest.raises(ValidationError) as caught:
        _submit(survey, tokens.code_for(survey, 1), rating="")
    assert "请对第1题“总体评价”作出评价" in str(caught.value)
    assert _counts() == (0, 0, 0)


def test_results_are_rates_with_counts(survey):
    for n, rating in enumerate(["satisfied", "satisfied", "basic"], start=1):
        _submit(survey, tokens.code_for(survey, n), rating=rating, text="建议" if n == 1 else "")
    returned, (rated, free) = selectors.results(survey)
    assert returned == 3
    from decimal import Decimal

    assert rated.rows() == [
        ("满意", 2, Decimal("66.7")),
        ("基本满意", 1, Decimal("33.3")),
        ("不满意", 0, Decimal(0)),
    ]
    assert free.texts == ["建议"]


def test_setting_up_and_bad_input(world):
    today = timezone.localdate()
    data = {"organisation": world.branch, "title": "家长满意度测评", "audience": "parents",
            "opens_on": today, "closes_on": today, "respondents": 40, "rated": "总体评价\n师德师风",
            "open_ended": "意见建议"}  # fmt: skip
    survey = survey_create(actor=world.secretary, **data)
    assert [q.kind for q in selectors.questions_of(survey)] == ["rating", "rating", "text"]
    with pytest.raises(ValidationError, match="请至少填写一道满意度题目"):
        survey_create(actor=world.secretary, **{**data, "rated": ""})
    with pytest.raises(ValidationError, match="份数只能增加"):
        survey_update(actor=world.secretary, survey=survey, version=survey.version, title="测评",
                      audience="parents", opens_on=today, closes_on=today, respondents=10)  # fmt: skip
    assert Survey.objects.count() == 1
