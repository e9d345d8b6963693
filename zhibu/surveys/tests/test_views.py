"""Pages of 满意度测评: the public questionnaire (link with a code, typed code, reused or forged code,
after closing), the results, the slips (8 to a page), the export; the wrong role (403) and another
branch (404)."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.surveys import tokens
from zhibu.surveys.models import Response, Survey, UsedCode

from .factories import QuestionFactory, SurveyFactory


@pytest.fixture
def survey(world):
    s = SurveyFactory(organisation=world.branch, respondents=20, title="2023年家长满意度测评")
    QuestionFactory(survey=s, text="您对学校党支部工作的总体评价")
    return s


def _url(survey):
    return reverse("surveys:answer", args=[survey.public_id])


def _post(client, survey, code, rating="satisfied"):
    question = survey.questions.get()
    return client.post(_url(survey), {"code": code, f"q{question.pk}": rating})


def test_a_parent_answers_through_the_link_without_an_account(client, survey):
    code = tokens.code_for(survey, 7)
    page = client.get(_url(survey) + f"?t={code}").content.decode()
    assert f'value="{code}"' in page and "您对学校党支部工作的总体评价" in page
    response = _post(client, survey, code)
    assert response.status_code == 302 and response["Location"] == reverse(
        "surveys:thanks", args=[survey.public_id]
    )
    assert (UsedCode.objects.count(), Response.objects.count()) == (1, 1)


def test_a_reused_code_is_refused_on_the_page(client, survey):
    code = tokens.code_for(survey, 3)
    _post(client, survey, code)
    again = _post(client, survey, code, rating="unsatisfied")
    assert again.status_code == 200 and "该问卷码已经使用过" in again.content.decode()
    assert Response.objects.count() == 1


def test_a_forged_code_is_refused_on_the_page(client, survey):
    response = _post(client, survey, "7-ABCDEFGH")
    assert "问卷码无效" in response.content.decode()
    assert Response.objects.count() == 0 and UsedCode.objects.count() == 0


def test_an_answer_after_closing_is_refused_on_the_page(client, survey):
    Survey.objects.filter(pk=survey.pk).update(closes_on=timezone.localdate() - timedelta(days=1))
    response = _post(client, survey, tokens.code_for(survey, 1))
    assert "不能再提交" in response.content.decode()
    assert Response.objects.count() == 0


def test_slips_print_eight_to_a_page(world, login, survey):
    page = login(world.secretary).get(reverse("surveys:slips", args=[survey.pk])).content.decode()
    assert page.count('class="sheet"') == 3  # 20 slips: 8 + 8 + 4
    assert page.count('class="slip"') == 20
    assert tokens.code_for(survey, 20) in page


def test_results_with_rates_and_the_export(world, login, client, survey):
    for n, rating in enumerate(["satisfied"] * 19 + ["basic"], start=1):
        _post(client, survey, tokens.code_for(survey, n), rating)
    secretary = login(world.secretary)
    page = secretary.get(survey.get_absolute_url()).content.decode()
    assert "95%" in page and "5%" in page and "20 / 20" in page
    response = secretary.get(reverse("surveys:export", args=[survey.pk]) + "?format=xlsx")
    rows = list(openpyxl.load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:6] == ("题目", "满意", "基本满意", "不满意", "合计", "满意率（%）")
    assert rows[1][1:5] == (19, 1, 0, 20) and str(rows[1][5]) == "95"


def test_wrong_role_and_another_branch(world, login, survey):
    assert login(world.member).get(survey.get_absolute_url()).status_code == 403
    assert login(world.outsider).get(survey.get_absolute_url()).status_code == 404
    assert login(world.outsider).get(reverse("surveys:slips", args=[survey.pk])).status_code == 404
    assert login(world.bureau).get(reverse("surveys:slips", args=[survey.pk])).status_code == 403


def test_bad_setup_is_named_and_nothing_is_written(world, login):
    today = timezone.localdate().isoformat()
    response = login(world.secretary).post(
        reverse("surveys:create") + "?org=yucai",
        {
            "title": "测评",
            "audience": "parents",
            "opens_on": today,
            "closes_on": today,
            "respondents": "0",
            "rated": "总体评价",
        },
    )
    assert "问卷份数应为1至5000" in response.content.decode()
    assert Survey.objects.count() == 0
