"""The city generator writes a year of dues per member, and the figures and the rule run over it."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.dues.models import DuesBase, DuesPayment, DuesPaymentMonth

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_dues_ledger():
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    assert DuesBase.objects.exists()
    months = DuesPaymentMonth.objects.values_list("month", flat=True)
    assert min(months) == date(2024, 12, 1) and max(months) == date(2025, 11, 1)
    assert DuesPayment.objects.filter(kind="voluntary").count() == 2
    assert not DuesPayment.objects.filter(paid_on__gt=date(2025, 11, 30)).exists()
    city = Organisation.objects.get(code="city")
    span = Period.span(date(2024, 12, 1), date(2025, 11, 30))
    due = figures.compute("dues.due", city, span).value
    collected = figures.compute("dues.collected", city, span).value
    assert 0 < collected <= due
