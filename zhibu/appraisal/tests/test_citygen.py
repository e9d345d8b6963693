"""The city generator writes the appraisal tables, with at most a third 优秀, and points come out
of the generated ledgers."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from zhibu.appraisal.models import Appraisal, PeerRating, PointRule
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_appraisal_tables():
    call_command("gen_city", "--branches=2", "--years=2", "--until=2025-11-30", stdout=io.StringIO())
    assert PointRule.objects.exists() and Appraisal.objects.exists() and PeerRating.objects.exists()
    assert not Appraisal.objects.filter(year=2025).exists()  # a year is appraised once it is over
    per_year = Appraisal.objects.values("organisation", "year").annotate(
        n=Count("pk"), best=Count("pk", filter=Q(decision="excellent"))
    )
    assert all(row["best"] * 3 <= row["n"] for row in per_year)
    city = Organisation.objects.get(code="city")
    assert (
        figures.compute(
            "appraisal.points_total", city, Period.span(date(2024, 1, 1), date(2025, 11, 30))
        ).value
        > 0
    )
