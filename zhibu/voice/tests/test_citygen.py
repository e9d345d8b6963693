"""The city generator writes every voice table, and the overdue rule has something to say."""

import io

import pytest
from django.core.management import call_command

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.voice.models import Answer, Consultation, Suggestion

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_voice_ledger():
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    for model in (Consultation, Answer, Suggestion):
        assert model.objects.exists(), model
    assert Consultation.objects.count() == 2
    city = Organisation.objects.get(code="city")
    year = Period.year(2025)
    received = figures.compute("voice.suggestions", city, year).value
    assert (
        received == Suggestion.objects.count() > figures.compute("voice.answered_in_time", city, year).value
    )
    assert list(findings.run(city, year, codes=["voice.not_answered"]))
