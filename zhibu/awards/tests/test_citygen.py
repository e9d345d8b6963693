"""The city generator writes a published campaign, nominations and a ballot box per branch and year."""

from datetime import date

import pytest
from django.db import transaction

from zhibu.awards.models import Ballot, Campaign, Nomination, VoterMark
from zhibu.core.registries import citygen


def _city(seed: int):
    with transaction.atomic():
        ctx = citygen.run(
            citygen.CityContext(
                seed=seed, branches_wanted=3, years=[2025], until=date(2025, 11, 30), people_per_branch=12
            )
        )
        rows = sorted(Nomination.objects.values_list("campaign__organisation__code", "person__phone", "won"))
        counts = (Campaign.objects.count(), VoterMark.objects.count(), Ballot.objects.count())
        transaction.set_rollback(True)
    return ctx, rows, counts


@pytest.mark.django_db
def test_city_has_a_campaign_for_every_branch():
    ctx, rows, (campaigns, marks, ballots) = _city(7)
    assert campaigns == 3 and marks == ballots > 0
    assert ctx.rows["awards_ballotchoice"] > 0
    assert _city(7)[1] == rows
