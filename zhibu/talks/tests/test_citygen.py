"""The city generator writes talks for every branch's committee, and the rule runs over them."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.talks.models import Talk

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_talks_ledger():
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    assert Talk.objects.exists()
    assert not Talk.objects.filter(held_on__gt=date(2025, 11, 30)).exists()
    assert Talk.objects.values("organisation").distinct().count() == 2
    city = Organisation.objects.get(code="city")
    assert list(findings.run(city, Period.year(2025), codes=["talks.below_quota"]))
