"""The city generator writes every care table, deterministically, and the rule runs over it."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from zhibu.care.models import CareVisit, Donation, DonationDrive, RetireeCall
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

pytestmark = pytest.mark.django_db


def test_gen_city_fills_the_care_ledger():
    call_command("gen_city", "--branches=2", "--years=1", "--until=2025-11-30", stdout=io.StringIO())
    for model in (CareVisit, RetireeCall, DonationDrive, Donation):
        assert model.objects.exists(), model
    assert not CareVisit.objects.filter(visited_on__gt=date(2025, 11, 30)).exists()
    assert not CareVisit.objects.filter(category="student_family", person__isnull=False).exists()
    city = Organisation.objects.get(code="city")
    outside = figures.compute("care.donations_outside", city, Period.year(2025)).value
    assert outside == 2 * 5000  # one appeal per branch, kept apart from the staff's own giving
