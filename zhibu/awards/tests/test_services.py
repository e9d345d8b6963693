"""评先评优 services: setting up, nominating, voting (once, in the window, within the quota),
ranking with the quantified score, publishing into honours, and the bureau's selection."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from zhibu.awards import results, selectors
from zhibu.awards.models import Ballot, BallotChoice, Campaign, Criterion, Nomination, VoterMark
from zhibu.awards.services.campaigns import campaign_create
from zhibu.awards.services.nominations import (
    branch_nominate,
    nomination_create,
    nomination_decide,
    scores_enter,
)
from zhibu.awards.services.publishing import campaign_publish
from zhibu.awards.services.voting import ballot_add, vote_cast
from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory
from zhibu.honours.models import Honour

from .factories import AwardKindFactory, CampaignFactory, CriterionScoreFactory, NominationFactory
from .helpers import campaign_with_nominees

TODAY = timezone.localdate


def _counts():
    return (Ballot.objects.count(), BallotChoice.objects.count(), VoterMark.objects.count())


def _create(world, **overrides):
    data = {
        "organisation": world.branch,
        "title": "2023年评先评优",
        "year": 2023,
        "scope": "branch",
        "opens_on": TODAY(),
        "closes_on": TODAY() + timedelta(days=3),
        "kinds": "优秀共产党员 4\n包教工作先进个人 2",
        "criteria": "日常工作表现 30\n活动参与度 20\n理论学习 20\n护学岗 15\n亮剑活动 15",
        "ballot_weight": "60",
    }
    return campaign_create(actor=world.secretary, **{**data, **overrides})


def test_a_campaign_has_kinds_with_quotas_and_weighted_criteria(world):
    campaign = _create(world)
    kinds = selectors.kinds_of(campaign)
    assert [(k.name, k.quota, k.honour_title) for k in kinds] == [
        ("优秀共产党员", 4, "校级优秀共产党员"),
        ("包教工作先进个人", 2, "包教工作先进个人"),
    ]
    assert sum(c.weight for c in selectors.criteria_of(campaign)) == 100
    assert campaign.ballot_weight == Decimal(60)


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"criteria": "日常工作表现 30\n理论学习 20"}, "criteria", "权重之和应为100%，现为50%"),
        ({"kinds": ""}, "kinds", "请填写奖项和名额"),
        ({"kinds": "优秀共产党员 四"}, "kinds", "名额应为1至99的整数"),
        ({"criteria": "", "ballot_weight": "60"}, "ballot_weight", "没有量化考核项目时"),
        ({"closes_on": TODAY() - timedelta(days=1)}, "closes_on", "截止日期不能早于开始日期"),
        ({"kinds": "先进党支部 1"}, "kinds", "由上级党委评选"),
    ],
)
def test_bad_campaigns_write_nothing(world, overrides, field, text):
    with pytest.raises(ValidationError) as caught:
        _create(world, **overrides)
    assert text in " ".join(caught.value.message_dict[field])
    assert Campaign.objects.count() == 0 and Criterion.objects.count() == 0


def test_a_member_nominates_herself_and_a_peer(world):
    campaign = CampaignFactory(organisation=world.branch)
    kind = AwardKindFactory(campaign=campaign)
    mine = nomination_create(actor=world.member, campaign=campaign, kind=kind, person=world.people["member"])
    peer = nomination_create(
        actor=world.member, campaign=campaign, kind=kind, person=world.people["committee"]
    )
    by_committee = nomination_create(
        actor=world.secretary, campaign=campaign, kind=kind, person=PersonFactory(organisation=world.branch)
    )
    assert (mine.source, peer.source, by_committee.source) == ("self", "peer", "committee")
    with pytest.raises(ValidationError, match="已被推荐"):
        nomination_create(actor=world.committee, campaign=campaign, kind=kind, person=world.people["member"])
    with pytest.raises(ValidationError):  # an activist is not a member
        nomination_create(actor=world.secretary, campaign=campaign, kind=kind, person=world.people["checker"])
    assert Nomination.objects.count() == 3


def test_a_vote_marks_the_register_and_drops_an_unsigned_ballot(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    vote_cast(actor=world.member, campaign=campaign, choices=[a, b])
    assert _counts() == (1, 2, 1)
    assert VoterMark.objects.get().person == world.people["member"]
    assert selectors.tally(campaign) == {a.pk: 1, b.pk: 1}
    entry = AuditEntry.objects.get(action="awards.campaign.voted")
    ballot = Ballot.objects.get()
    assert str(ballot.pk) not in str(entry.after) and entry.object_id == str(campaign.pk)


def test_voting_twice_is_refused_and_writes_nothing(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    vote_cast(actor=world.member, campaign=campaign, choices=[a])
    with pytest.raises(ValidationError, match="已在本次评选中投过票"):
        vote_cast(actor=world.member, campaign=campaign, choices=[b])
    assert _counts() == (1, 1, 1)
    # the internal step alone (no check before it) is stopped by the register's unique constraint
    with pytest.raises(ValidationError, match="已在本次评选中投过票"):
        ballot_add(campaign=campaign, person=world.people["member"], choices=[c])
    assert _counts() == (1, 1, 1)


@pytest.mark.parametrize("days", [(1, 5), (-9, -1)], ids=["not-yet-open", "closed"])
def test_voting_outside_the_window_is_refused(world, days):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=TODAY() + timedelta(days=days[0]), closes_on=TODAY() + timedelta(days=days[1])
    )
    campaign.refresh_from_db()
    with pytest.raises(ValidationError, match="投票时间为"):
        vote_cast(actor=world.member, campaign=campaign, choices=[a])
    assert _counts() == (0, 0, 0)


def test_more_names_than_the_quota_are_refused(world):
    campaign, kind, nominations = campaign_with_nominees(world, quota=2)
    with pytest.raises(ValidationError) as caught:
        vote_cast(actor=world.member, campaign=campaign, choices=nominations)
    assert "“优秀共产党员”名额为2名，最多选2人，您选了3人" in caught.value.message_dict["choices"][0]
    assert _counts() == (0, 0, 0)


def test_only_the_branchs_members_on_the_opening_day_vote(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    late = PersonFactory(organisation=world.branch, history=TODAY())
    world.member.person = late
    world.member.save()
    with pytest.raises(ValidationError, match="只有评选开始之日本支部的党员才能投票"):
        vote_cast(actor=world.member, campaign=campaign, choices=[a])
    with pytest.raises(PermissionDenied):
        vote_cast(actor=world.checker, campaign=campaign, choices=[a])
    assert _counts() == (0, 0, 0)


def _vote(campaign, people, choices):
    for person in people:
        ballot_add(campaign=campaign, person=person, choices=choices)


def test_ranking_combines_ballot_share_and_quantified_score_with_ties(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, quota=1, closed=True, criteria=True)
    voters = [PersonFactory(organisation=world.branch) for _n in range(4)]
    _vote(campaign, voters[:2], [a])
    _vote(campaign, voters[2:3], [b])
    _vote(campaign, voters[3:], [c])
    daily, theory = selectors.criteria_of(campaign)
    for nomination, (d, t) in ((a, (80, 90)), (b, (100, 100)), (c, (100, 100))):
        CriterionScoreFactory(nomination=nomination, criterion=daily, score=Decimal(d))
        CriterionScoreFactory(nomination=nomination, criterion=theory, score=Decimal(t))
    rows = {r.nomination.pk: r for r in results.compute(campaign).kinds[0].rows}
    # a: share 50 → 30; quantified 80×.6+90×.4 = 84 → 33.6; final 63.6. b, c: 25 → 15 + 40 = 55.
    assert (rows[a.pk].share, rows[a.pk].quantified, rows[a.pk].final) == (
        Decimal("50.00"),
        Decimal("84.00"),
        Decimal("63.60"),
    )
    assert rows[b.pk].final == rows[c.pk].final == Decimal("55.00")
    assert (rows[a.pk].rank, rows[b.pk].rank, rows[c.pk].rank) == (1, 2, 2)
    assert [r.winner for r in (rows[a.pk], rows[b.pk], rows[c.pk])] == [True, False, False]


def test_a_tie_over_the_quota_is_not_published(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, quota=1, closed=True)
    voters = [PersonFactory(organisation=world.branch) for _n in range(2)]
    _vote(campaign, voters[:1], [a])
    _vote(campaign, voters[1:], [b])
    assert results.compute(campaign).kinds[0].tie_at_quota
    with pytest.raises(ValidationError, match="末位得分并列"):
        campaign_publish(
            actor=world.secretary, campaign=campaign, version=campaign.version, published_on=TODAY()
        )
    assert Honour.objects.count() == 0 and not Campaign.objects.get().published_on


def test_publishing_fixes_the_winners_seals_the_box_and_records_honours(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, quota=2, closed=True)
    voters = [PersonFactory(organisation=world.branch) for _n in range(3)]
    _vote(campaign, voters, [a, b])
    before_ids = set(Ballot.objects.values_list("pk", flat=True))
    before_tally = selectors.tally(campaign)
    campaign_publish(actor=world.secretary, campaign=campaign, version=campaign.version, published_on=TODAY())
    assert set(Nomination.objects.filter(won=True).values_list("pk", flat=True)) == {a.pk, b.pk}
    assert selectors.tally(campaign) == before_tally and Ballot.objects.count() == 3
    assert not before_ids & set(Ballot.objects.values_list("pk", flat=True))  # new keys
    honours = Honour.objects.order_by("person__name_strokes")
    assert {(h.person_id, h.title, h.level, h.occasion) for h in honours} == {
        (p.pk, "校级优秀共产党员", "school", campaign.title) for p in (a.person, b.person)
    }
    with pytest.raises(ValidationError, match="已公示"):
        vote_cast(actor=world.member, campaign=campaign, choices=[a])


def test_the_result_is_not_published_before_the_window_closes(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world)
    vote_cast(actor=world.member, campaign=campaign, choices=[a])
    with pytest.raises(ValidationError, match="截止后才能公示"):
        campaign_publish(
            actor=world.secretary, campaign=campaign, version=campaign.version, published_on=TODAY()
        )
    assert Honour.objects.count() == 0


def test_scores_out_of_range_write_nothing(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, criteria=True)
    daily, theory = selectors.criteria_of(campaign)
    with pytest.raises(ValidationError) as caught:
        scores_enter(
            actor=world.secretary,
            campaign=campaign,
            scores={(a.pk, daily.pk): "95", (b.pk, theory.pk): "120"},
        )
    assert "于雪华·理论学习的得分应为0至100" in caught.value.message_dict["scores"][0]
    assert not selectors.scores_of(campaign)
    scores_enter(actor=world.secretary, campaign=campaign, scores={(a.pk, daily.pk): "95.5"})
    assert selectors.scores_of(campaign) == {(a.pk, daily.pk): Decimal("95.50")}


def test_the_bureau_selection_branches_nominate_the_committee_decides(world):
    campaign = campaign_create(
        actor=world.bureau,
        organisation=world.bureau_org,
        title="2023年“两先一优”评比",
        year=2023,
        scope="bureau",
        opens_on=TODAY(),
        closes_on=TODAY(),
        kinds="先进党支部 1\n优秀共产党员 1",
    )
    branch_kind, member_kind = selectors.kinds_of(campaign)
    ours = branch_nominate(actor=world.secretary, campaign=campaign, branch=world.branch, kind=branch_kind)
    liu = branch_nominate(
        actor=world.secretary,
        campaign=campaign,
        branch=world.branch,
        kind=member_kind,
        person=world.people["member"],
    )
    theirs = branch_nominate(
        actor=world.outsider, campaign=campaign, branch=world.other_branch, kind=branch_kind
    )
    with pytest.raises(ValidationError, match="请选择本支部的党员"):  # another branch's member
        branch_nominate(
            actor=world.outsider, campaign=campaign, branch=world.other_branch, kind=member_kind,
            person=world.people["member"],
        )  # fmt: skip
    with pytest.raises(ValidationError, match="不由党委直接确定"):
        nomination_decide(
            actor=world.secretary,
            nomination=NominationFactory(kind__campaign__organisation=world.branch),
            won=True,
        )
    nomination_decide(actor=world.bureau, nomination=ours, won=True)
    nomination_decide(actor=world.bureau, nomination=liu, won=True)
    with pytest.raises(ValidationError, match="名额为1个"):
        nomination_decide(actor=world.bureau, nomination=theirs, won=True)
    campaign.refresh_from_db()
    campaign_publish(actor=world.bureau, campaign=campaign, version=campaign.version, published_on=TODAY())
    honours = {(h.organisation_id, h.recipient, h.person_id, h.title) for h in Honour.objects.all()}
    assert honours == {
        (world.branch.pk, "branch", None, "局先进党支部"),
        (world.branch.pk, "person", world.people["member"].pk, "局优秀共产党员"),
    }


def test_an_honour_recorded_by_hand_is_not_recorded_twice(world):
    from zhibu.honours.tests.factories import HonourFactory

    campaign, kind, (a, b, c) = campaign_with_nominees(world, quota=1, closed=True)
    _vote(campaign, [PersonFactory(organisation=world.branch)], [a])
    HonourFactory(
        organisation=world.branch, person=a.person, title="校级优秀共产党员", awarded_on=date.today()
    )
    campaign_publish(actor=world.secretary, campaign=campaign, version=campaign.version, published_on=TODAY())
    assert Honour.objects.count() == 1


def test_a_closed_campaign_left_unpublished_is_a_finding(world):
    from zhibu.core.periods import Period
    from zhibu.core.registries import findings

    old = CampaignFactory(
        organisation=world.branch,
        opens_on=TODAY() - timedelta(days=40),
        closes_on=TODAY() - timedelta(days=30),
    )
    CampaignFactory(
        organisation=world.branch,
        published_on=TODAY() - timedelta(days=20),
        opens_on=TODAY() - timedelta(days=40),
        closes_on=TODAY() - timedelta(days=30),
    )
    CampaignFactory(organisation=world.branch)  # still open
    found = list(
        findings.run(
            world.bureau_org, Period.span(TODAY() - timedelta(days=60), TODAY()), codes=["awards.unpublished"]
        )
    )
    assert [f.evidence for f in found] == [[old]]
    assert "尚未公示评选结果" in found[0].message
