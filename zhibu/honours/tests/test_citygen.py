"""The city generator writes honours, rounds and entries for every branch, the same for a seed."""

from datetime import date

import pytest
from django.db import transaction

from zhibu.core.registries import citygen
from zhibu.honours.models import CompetitionRound, Honour, Participant


def _city(seed: int):
    with transaction.atomic():
        ctx = citygen.run(
            citygen.CityContext(
                seed=seed, branches_wanted=3, years=[2025], until=date(2025, 11, 30), people_per_branch=12
            )
        )
        rows = (
            sorted(Participant.objects.values_list("round__title", "person__phone", "award")),
            sorted(Honour.objects.values_list("organisation__code", "title", "person__phone")),
        )
        per_branch = set(CompetitionRound.objects.values_list("organisation_id", flat=True))
        transaction.set_rollback(True)
    return ctx, rows, per_branch


@pytest.mark.django_db
def test_city_has_rounds_entries_and_honours_for_every_branch():
    ctx, rows, per_branch = _city(7)
    assert per_branch == {b.pk for b in ctx.branches}
    assert ctx.rows["honours_competitionround"] == 9 and ctx.rows["honours_participant"] > 0
    assert ctx.rows["honours_honour"] > 0
    assert _city(7)[1] == rows
