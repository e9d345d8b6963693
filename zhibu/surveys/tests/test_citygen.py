"""The city generator writes a survey with answers per branch and year, the same for a seed."""

from datetime import date

import pytest
from django.db import transaction

from zhibu.core.registries import citygen
from zhibu.surveys.models import Answer, Response, Survey, UsedCode


def _city(seed: int):
    with transaction.atomic():
        ctx = citygen.run(
            citygen.CityContext(
                seed=seed, branches_wanted=3, years=[2025], until=date(2025, 11, 30), people_per_branch=12
            )
        )
        counts = (
            Survey.objects.count(),
            Response.objects.count(),
            UsedCode.objects.count(),
            Answer.objects.count(),
        )
        ratings = sorted(Answer.objects.values_list("question__text", "rating"))
        transaction.set_rollback(True)
    return ctx, counts, ratings


@pytest.mark.django_db
def test_city_has_a_survey_for_every_branch():
    ctx, (surveys, responses, used, answers), ratings = _city(7)
    assert surveys == 3 and responses == used > 0 and answers == responses * 3
    assert _city(7)[2] == ratings
