"""Pages of 评先评优: set up, vote, the result only after the window, publish, export, the bureau's
selection; the wrong role (403), another branch (404), bad input (a message, nothing written)."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.awards.models import Ballot, Campaign, Nomination, VoterMark
from zhibu.core.tests.factories import PersonFactory
from zhibu.honours.models import Honour

from .factories import AwardKindFactory, CampaignFactory
from .helpers import campaign_with_nominees

TODAY = timezone.localdate


def test_secretary_sets_up_a_campaign(world, login):
    client = login(world.secretary)
    data = {
        "title": "2023年庆“七一”评先评优",
        "year": "2023",
        "scope": "branch",
        "opens_on": TODAY().isoformat(),
        "closes_on": (TODAY() + timedelta(days=7)).isoformat(),
        "kinds": "优秀共产党员 4\n包教工作先进个人 2",
        "criteria": "日常工作表现 30\n活动参与度 20\n理论学习 20\n护学岗 15\n亮剑活动 15",
        "ballot_weight": "60",
    }
    response = client.post(reverse("awards:create") + "?org=yucai", data)
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "优秀共产党员 4名" in page and "亮剑活动 15%" in page


def test_bad_weights_are_named_and_nothing_is_written(world, login):
    data = {"title": "评先评优", "year": "2023", "scope": "branch", "opens_on": TODAY().isoformat(),
            "closes_on": TODAY().isoformat(), "kinds": "优秀共产党员 4", "criteria": "日常工作表现 30",
            "ballot_weight": "60"}  # fmt: skip
    response = login(world.secretary).post(reverse("awards:create") + "?org=yucai", data)
    assert response.status_code == 200
    assert "各考核项目的权重之和应为100%，现为30%" in response.content.decode()
    assert Campaign.objects.count() == 0


def test_a_member_votes_once_and_sees_no_tally_before_the_close(world, login):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    client = login(world.member)
    page = client.get(reverse("awards:vote", args=[campaign.pk])).content.decode()
    assert "优秀共产党员（最多选2人）" in page
    response = client.post(reverse("awards:vote", args=[campaign.pk]), {f"kind_{kind.pk}": [a.pk, b.pk]})
    assert response.status_code == 302
    assert (VoterMark.objects.count(), Ballot.objects.count()) == (1, 1)
    detail = client.get(campaign.get_absolute_url()).content.decode()
    assert "您已投票" in detail and "投票截止后才显示计票结果" in detail and "得票率" not in detail
    again = client.post(reverse("awards:vote", args=[campaign.pk]), {f"kind_{kind.pk}": [c.pk]})
    assert "已在本次评选中投过票" in again.content.decode()
    assert (VoterMark.objects.count(), Ballot.objects.count()) == (1, 1)


def test_too_many_names_are_refused_on_the_page(world, login):
    campaign, kind, nominations = campaign_with_nominees(world, quota=2)
    response = login(world.committee).post(
        reverse("awards:vote", args=[campaign.pk]), {f"kind_{kind.pk}": [n.pk for n in nominations]}
    )
    assert "最多选2人，您选了3人" in response.content.decode()
    assert (VoterMark.objects.count(), Ballot.objects.count()) == (0, 0)


def test_voting_after_the_close_is_refused(world, login):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, closed=True)
    response = login(world.member).post(
        reverse("awards:vote", args=[campaign.pk]), {f"kind_{kind.pk}": [a.pk]}
    )
    assert "投票时间为" in response.content.decode()
    assert VoterMark.objects.count() == 0


def test_the_result_and_its_export_after_the_close_then_publish(world, login):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, quota=1, closed=True)
    from zhibu.awards.services.voting import ballot_add

    for person in [PersonFactory(organisation=world.branch) for _n in range(3)]:
        ballot_add(campaign=campaign, person=person, choices=[a])
    client = login(world.member)
    detail = client.get(campaign.get_absolute_url()).content.decode()
    assert "收回选票3张" in detail and "100.00%" in detail
    response = client.get(reverse("awards:export", args=[campaign.pk]) + "?format=xlsx")
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("奖项", "名额", "排名", "被推荐人", "所在党组织", "得票")
    assert rows[1][3] == "刘丹" and rows[1][5] == 3 and rows[1][9] == "当选"
    assert client.get(reverse("awards:publish", args=[campaign.pk])).status_code == 403
    response = login(world.secretary).post(
        reverse("awards:publish", args=[campaign.pk]),
        {"published_on": TODAY().isoformat(), "version": campaign.version},
    )
    assert response.status_code == 302
    assert Honour.objects.get().person == world.people["member"]


def test_the_tally_export_is_closed_while_voting(world, login):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    assert login(world.secretary).get(reverse("awards:export", args=[campaign.pk])).status_code == 403


def test_another_branch_and_the_wrong_role(world, login):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    assert login(world.outsider).get(campaign.get_absolute_url()).status_code == 404
    assert login(world.outsider).post(reverse("awards:vote", args=[campaign.pk]), {}).status_code == 404
    assert login(world.member).get(reverse("awards:scores", args=[campaign.pk])).status_code == 403
    assert login(world.checker).post(reverse("awards:vote", args=[campaign.pk]), {}).status_code == 403
    assert VoterMark.objects.count() == 0


def test_a_branch_nominates_into_the_bureaus_selection_which_the_bureau_decides(world, login):
    campaign = CampaignFactory(organisation=world.bureau_org, scope="bureau")
    kind = AwardKindFactory(campaign=campaign, name="先进党支部", recipient="branch", quota=1)
    client = login(world.secretary)
    assert campaign.title in client.get(reverse("awards:upper") + "?org=yucai").content.decode()
    url = reverse("awards:branch_nominate", args=[campaign.pk]) + "?org=yucai"
    assert client.post(url, {"kind": kind.pk}).status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.organisation == world.branch and nomination.source == "branch"
    assert login(world.outsider).get(url).status_code == 404
    response = login(world.bureau).post(reverse("awards:decide", args=[nomination.pk]), {"won": "1"})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.won is True


@pytest.mark.parametrize("persona", ["member", "committee"])
def test_members_nominate(world, login, persona):
    campaign = CampaignFactory(organisation=world.branch)
    kind = AwardKindFactory(campaign=campaign)
    response = login(world.users[persona]).post(
        reverse("awards:nominate", args=[campaign.pk]), {"kind": kind.pk, "person": world.people["member"].pk}
    )
    assert response.status_code == 302 and Nomination.objects.get().person == world.people["member"]
