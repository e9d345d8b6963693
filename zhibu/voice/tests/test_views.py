"""Voice pages: happy path, wrong role (403), another branch (404), bad input (the message beside
the field, nothing written), HTML shown escaped, the suggestions 台账 read back from the .xlsx."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from zhibu.voice.models import Answer, Consultation, Status, Suggestion

from .factories import ConsultationFactory, SuggestionFactory

pytestmark = pytest.mark.django_db
SPAN = {"org": "yucai", "from": "2023-01-01", "to": "2023-12-31"}


def _consultation_post(world, **kwargs) -> dict:
    return {
        "title": "绩效方案",
        "question": "请提意见",
        "opens_on": "2023-03-01",
        "closes_on": "2023-03-31",
        "asked": [world.people["member"].pk],
        **kwargs,
    }


def test_create_a_consultation_and_a_member_answers(world, login):
    today = timezone.localdate()
    data = _consultation_post(
        world, opens_on=today.isoformat(), closes_on=(today + timedelta(days=7)).isoformat()
    )
    response = login(world.secretary).post(reverse("voice:consultation_create") + "?org=yucai", data)
    c = Consultation.objects.get()
    assert response.status_code == 302 and response.url == c.get_absolute_url()
    client = login(world.member)
    assert "提交我的意见" in client.get(c.get_absolute_url()).content.decode()
    assert (
        client.post(reverse("voice:answer", args=[c.pk]), {"text": "<script>alert(1)</script>"}).status_code
        == 302
    )
    html = client.get(c.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    officer = login(world.committee).get(c.get_absolute_url())
    assert [a.person for a in officer.context["answers"]] == [world.people["member"]]
    assert login(world.member).get(c.get_absolute_url()).context["answers"] is None  # not the others'


def test_a_close_date_before_the_open_date_is_refused(world, login):
    response = login(world.secretary).post(
        reverse("voice:consultation_create") + "?org=yucai", _consultation_post(world, closes_on="2023-02-01")
    )
    assert response.status_code == 200
    assert "截止日期（2023年2月1日）不能早于开始日期" in str(response.context["form"].errors["closes_on"])
    assert not Consultation.objects.exists()


def test_an_answer_after_the_close_is_refused_on_the_page(world, login):
    c = ConsultationFactory(organisation=world.branch, asked=[world.people["member"]])  # March 2023
    response = login(world.member).post(reverse("voice:answer", args=[c.pk]), {"text": "迟到的意见"})
    assert response.status_code == 200
    assert "征求意见已于2023年3月31日截止，不能再提交意见" in str(response.context["form"].errors["text"])
    assert not Answer.objects.exists()


def _suggestion_post(world, **kwargs) -> dict:
    return {
        "received_on": "2023-03-10",
        "author": world.people["member"].pk,
        "topic": "后勤",
        "content": "延长供餐",
        **kwargs,
    }


def test_record_and_handle_a_suggestion(world, login):
    client = login(world.committee)
    response = client.post(reverse("voice:suggestion_create") + "?org=yucai", _suggestion_post(world))
    s = Suggestion.objects.get()
    assert response.status_code == 302 and response.url == s.get_absolute_url()
    handle = {
        "version": s.version,
        "status": "adopted",
        "response": "已延长至19点",
        "responder": world.people["secretary"].pk,
        "answered_on": "2023-03-20",
    }
    assert client.post(reverse("voice:suggestion_handle", args=[s.pk]), handle).status_code == 302
    s.refresh_from_db()
    assert s.status == Status.ADOPTED and s.answered_on == date(2023, 3, 20)
    page = client.get(reverse("voice:suggestions"), SPAN)
    assert (page.context["received"], page.context["adopted"], page.context["in_time"]) == (1, 1, 1)


def test_not_adopted_without_a_reason_writes_nothing(world, login):
    s = SuggestionFactory(organisation=world.branch)
    handle = {
        "version": s.version,
        "status": "rejected",
        "response": "不予采纳",
        "responder": world.people["secretary"].pk,
        "answered_on": "2023-03-20",
        "reason": "",
    }
    response = login(world.secretary).post(reverse("voice:suggestion_handle", args=[s.pk]), handle)
    assert response.status_code == 200
    assert "未采纳的意见建议须说明理由" in str(response.context["form"].errors["reason"])
    s.refresh_from_db()
    assert s.status == Status.PENDING and s.response == "" and s.version == 1


def test_html_in_a_suggestion_is_shown_escaped(world, login):
    s = SuggestionFactory(
        organisation=world.branch, topic="<img src=x onerror=alert(1)>", content="<script>x()</script>"
    )
    client = login(world.secretary)
    html = client.get(s.get_absolute_url()).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html and "<script>x()" not in html
    assert "<img src=x" not in client.get(reverse("voice:suggestions"), SPAN).content.decode()


def test_wrong_role_and_other_branch(world, login):
    assert (
        login(world.member)
        .post(reverse("voice:suggestion_create") + "?org=yucai", _suggestion_post(world))
        .status_code
        == 403
    )
    s = SuggestionFactory(organisation=world.branch)
    assert login(world.outsider).post(reverse("voice:suggestion_edit", args=[s.pk]), {}).status_code == 404
    assert login(world.member).get(s.get_absolute_url()).status_code == 403
    assert login(world.bureau).get(reverse("voice:suggestions") + "?org=yucai").status_code == 403
    assert Suggestion.objects.count() == 1


def test_the_suggestions_ledger_exports_to_xlsx(world, login):
    SuggestionFactory(organisation=world.branch, author=None, topic="食堂", content="=1+2")
    SuggestionFactory(
        organisation=world.branch,
        received_on=date(2023, 4, 1),
        status=Status.REJECTED,
        response="已说明",
        reason="经费不足",
        responder=world.people["secretary"],
        answered_on=date(2023, 4, 10),
    )
    response = login(world.secretary).get(reverse("voice:suggestions_export"), {**SPAN, "format": "xlsx"})
    assert response.status_code == 200
    book = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = [tuple(row) for row in book.active.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(rows) if row and row[0] == "提出日期")
    assert rows[header][:6] == ("提出日期", "提出人", "来源", "类别或主题", "意见建议内容", "办理状态")
    body = rows[header + 1 :]
    assert body[0][1] == "匿名" and body[0][3] == "食堂" and "1+2" in body[0][4]
    assert body[1][5] == "未采纳" and body[1][7] == "经费不足" and body[1][8] == "张文华"


def test_the_secretary_sets_the_answer_time(world, login):
    from zhibu.voice.models import VoiceSettings

    client = login(world.secretary)
    response = client.post(reverse("voice:settings") + "?org=yucai", {"answer_days": "0"})
    assert response.status_code == 200 and "1到365" in str(response.context["form"].errors["answer_days"])
    assert not VoiceSettings.objects.exists()
    assert client.post(reverse("voice:settings") + "?org=yucai", {"answer_days": "15"}).status_code == 302
    assert VoiceSettings.objects.get().answer_days == 15
    assert (
        login(world.committee)
        .post(reverse("voice:settings") + "?org=yucai", {"answer_days": "9"})
        .status_code
        == 403
    )
    assert VoiceSettings.objects.get().answer_days == 15
