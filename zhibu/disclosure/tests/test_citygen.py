"""The city generator writes the disclosure tables, deterministically, and the rule runs over it."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.disclosure.models import Notice, Objection

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_board():
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    assert Notice.objects.exists() and Objection.objects.exists()
    assert not Notice.objects.filter(publish_from__gt=date(2025, 11, 30)).exists()
    city = Organisation.objects.get(code="city")
    year = Period.year(2025)
    assert figures.compute("disclosure.notices_held", city, year).value == 2
    answered = figures.compute("disclosure.objections_answered", city, year).value
    unanswered = len(list(findings.run(city, year, codes=["disclosure.objection_unanswered"])))
    assert answered + unanswered == figures.compute("disclosure.objections", city, year).value == 2
