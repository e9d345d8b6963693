"""The city generator writes the pipeline of every applicant and activist, and the rules run."""

import io

import pytest
from django.core.management import call_command

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.development.models import DevelopmentStep

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_pipeline():
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    assert DevelopmentStep.objects.filter(step="application").exists()
    activist = DevelopmentStep.objects.filter(step="activist").first()
    assert activist is not None and activist.sponsors.count() == 2
    city = Organisation.objects.get(code="city")
    list(
        findings.run(
            city, Period.year(2025), codes=["development.review_overdue", "development.talk_overdue"]
        )
    )
