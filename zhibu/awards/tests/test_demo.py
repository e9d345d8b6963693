"""The demo: last year's (2022) campaign with 4 + 2 winners, whose honours are the seed's (not
recorded twice), and the bureau's 两先一优 decided for the school and 刘晓筱."""

from datetime import date

import pytest

from zhibu.awards import results
from zhibu.awards.demo_data import load as load_awards
from zhibu.awards.models import Ballot, Campaign, VoterMark
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.honours.demo_data import load as load_honours
from zhibu.honours.models import Honour
from zhibu.people.demo_data import load as load_core

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    return Organisation.objects.get(code="yucai")


def _winners(campaign):
    return {
        k.kind.name: sorted(r.nomination.nominee for r in k.rows if r.winner)
        for k in results.compute(campaign).kinds
    }


def test_last_years_campaign_has_4_and_2_winners(school):
    load_honours()
    honours = Honour.objects.count()
    load_awards()
    campaign = Campaign.objects.get(organisation=school)
    assert _winners(campaign) == {
        "优秀共产党员": sorted(["刘丹", "王春华", "陈晓明", "周敏"]),
        "包教工作先进个人": sorted(["刘晓筱", "高峰"]),
    }
    assert (
        VoterMark.objects.filter(campaign=campaign).count()
        == Ballot.objects.filter(campaign=campaign).count()
        == 17
    )
    assert Honour.objects.count() == honours  # the seed already holds them
    value = figures.compute("awards.winners", school, SPAN)
    assert value.value == 8  # 4 + 2, and the bureau's two for the school
    assert figures.compute("awards.winners", school, SPAN, honour_kind="excellent_member").value == 5
    assert figures.compute("awards.campaigns", Organisation.objects.get(code="bureau"), SPAN).value == 2


def test_loaded_alone_the_winners_become_honours(school):
    load_awards()
    titles = sorted(Honour.objects.values_list("title", flat=True))
    assert titles == sorted(
        ["校级优秀共产党员"] * 4 + ["包教工作先进个人"] * 2 + ["局先进党支部", "局优秀共产党员"]
    )
