"""二、取得的成绩 drafts the campaign's winners from the figures; the 公示 draft names names only."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from zhibu.awards.publishable import results as publishable_results
from zhibu.awards.sections import achievements
from zhibu.awards.services.publishing import campaign_publish
from zhibu.awards.services.voting import ballot_add
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory

from .helpers import campaign_with_nominees


class Ctx:
    document = "annual"

    def __init__(self, org, period):
        self.org, self.period = org, period

    def value(self, code, **params):
        return figures.compute(code, self.org, self.period, **params)


@pytest.fixture
def published(world):
    campaign, kind, (a, b, c) = campaign_with_nominees(world, quota=2, closed=True)
    for person in [PersonFactory(organisation=world.branch) for _n in range(2)]:
        ballot_add(campaign=campaign, person=person, choices=[a, b])
    campaign_publish(
        actor=world.secretary, campaign=campaign, version=campaign.version, published_on=timezone.localdate()
    )
    return campaign


def test_the_achievement_paragraph_quotes_the_figures(world, published):
    period = Period.year(timezone.localdate().year)
    [para] = achievements(world.branch, period, Ctx(world.branch, period))
    assert "开展评先评优{fig:awards.campaigns}" in para.text
    assert "评选出优秀共产党员{fig:awards.winners|honour_kind=excellent_member}" in para.text
    assert figures.compute("awards.winners", world.branch, period, honour_kind="excellent_member").value == 2


def test_nothing_to_say_without_a_published_campaign(world):
    period = Period.span(date(2000, 1, 1), date(2000, 12, 31))
    assert achievements(world.branch, period, Ctx(world.branch, period)) == []


def test_the_notice_draft_names_the_winners_only(world, published):
    period = Period.span(timezone.localdate() - timedelta(days=1), timezone.localdate())
    [draft] = publishable_results(world.branch, period)
    assert draft.kind == "notice" and published.title in draft.title
    assert "优秀共产党员：刘丹、于雪华" in draft.body or "优秀共产党员：于雪华、刘丹" in draft.body
    assert "票" not in draft.body.replace("投票", "")
