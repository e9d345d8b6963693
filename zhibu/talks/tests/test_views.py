"""Talks pages: happy path, wrong role (403), another branch (404), bad input (the message beside
the field, nothing written), the content hidden from other committee members, HTML escaped."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.talks.models import Talk, TalkSettings

from . import helpers
from .factories import TalkFactory

pytestmark = pytest.mark.django_db
SPAN = {"org": "yucai", "from": "2023-01-01", "to": "2023-12-31"}


@pytest.fixture
def committee(world):
    helpers.committee(world)
    return world


def _post(world, **kwargs) -> dict:
    return {
        "held_on": "2023-03-10",
        "talker": world.people["committee"].pk,
        "talked_with": world.people["member"].pk,
        "topic": "思想动态",
        "content": "交流近期工作。",
        "follow_up": "",
        **kwargs,
    }


def test_create_edit_and_list(committee, login):
    client = login(committee.committee)
    response = client.post(reverse("talks:create") + "?org=yucai", _post(committee))
    talk = Talk.objects.get()
    assert response.status_code == 302 and response.url == talk.get_absolute_url()
    assert "交流近期工作。" in client.get(response.url).content.decode()
    response = client.post(
        reverse("talks:edit", args=[talk.pk]), _post(committee, topic="工作困难", version=talk.version)
    )
    talk.refresh_from_db()
    assert response.status_code == 302 and talk.topic == "工作困难"
    page = client.get(reverse("talks:list"), SPAN)
    assert [t.pk for t in page.context["page"].object_list] == [talk.pk] and page.context["held"] == 1


def test_a_talk_dated_in_the_future_is_refused_and_nothing_written(committee, login):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(committee.committee).post(
        reverse("talks:create") + "?org=yucai", _post(committee, held_on=tomorrow)
    )
    assert response.status_code == 200
    assert "谈话日期" in str(response.context["form"].errors["held_on"])
    assert "不能晚于今天" in str(response.context["form"].errors["held_on"])
    assert not Talk.objects.exists()


def test_another_committee_member_sees_that_a_talk_happened_not_what_was_said(committee, login):
    talk = TalkFactory(
        organisation=committee.branch,
        talker=committee.people["secretary"],
        content="家中老人住院，经济困难。",
    )
    html = login(committee.committee).get(reverse("talks:talk", args=[talk.pk])).content.decode()
    assert talk.topic in html and "家中老人住院" not in html and "只有谈话人和书记能看到" in html
    assert login(committee.committee).get(reverse("talks:edit", args=[talk.pk])).status_code == 403
    assert (
        "家中老人住院"
        in login(committee.secretary).get(reverse("talks:talk", args=[talk.pk])).content.decode()
    )


def test_html_is_shown_escaped(committee, login):
    talk = TalkFactory(
        organisation=committee.branch,
        talker=committee.people["committee"],
        topic="<script>alert(1)</script>",
        content="<b>粗体</b>",
    )
    client = login(committee.committee)
    html = client.get(reverse("talks:talk", args=[talk.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>粗体</b>" not in html and "&lt;b&gt;" in html
    assert "<script>alert(1)</script>" not in client.get(reverse("talks:list"), SPAN).content.decode()


def test_wrong_role_and_other_branch_write_nothing(committee, login):
    assert (
        login(committee.member).post(reverse("talks:create") + "?org=yucai", _post(committee)).status_code
        == 403
    )
    talk = TalkFactory(organisation=committee.branch, talker=committee.people["committee"])
    assert (
        login(committee.outsider).post(reverse("talks:edit", args=[talk.pk]), _post(committee)).status_code
        == 404
    )
    assert login(committee.outsider).get(reverse("talks:talk", args=[talk.pk])).status_code == 404
    assert Talk.objects.count() == 1 and Talk.objects.get().topic == talk.topic


def test_the_secretary_sets_the_quota_and_bad_input_writes_nothing(committee, login):
    client = login(committee.secretary)
    response = client.post(reverse("talks:settings") + "?org=yucai", {"monthly_quota": "-1"})
    assert response.status_code == 200 and "0到31" in str(response.context["form"].errors["monthly_quota"])
    assert not TalkSettings.objects.exists()
    assert client.post(reverse("talks:settings") + "?org=yucai", {"monthly_quota": "3"}).status_code == 302
    assert TalkSettings.objects.get().monthly_quota == 3
    assert (
        login(committee.committee)
        .post(reverse("talks:settings") + "?org=yucai", {"monthly_quota": "1"})
        .status_code
        == 403
    )
    assert TalkSettings.objects.get().monthly_quota == 3


def test_the_list_filters_by_person(committee, login):
    TalkFactory(organisation=committee.branch, talker=committee.people["committee"], held_on=date(2023, 4, 2))
    mine = TalkFactory(
        organisation=committee.branch,
        talker=committee.people["secretary"],
        talked_with=committee.people["checker"],
    )
    page = login(committee.secretary).get(
        reverse("talks:list"), {**SPAN, "person": committee.people["checker"].pk}
    )
    assert [t.pk for t in page.context["page"].object_list] == [mine.pk]
