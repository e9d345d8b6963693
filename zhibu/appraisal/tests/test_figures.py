"""The appraisal figures on fixed data; the bureau gets the numbers, never the names."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import PersonFactory

from . import fixed_data
from .factories import AppraisalFactory

pytestmark = pytest.mark.django_db
YEAR = Period.year(2023)


@pytest.fixture
def decided(world):
    for n, decision in enumerate(["excellent", "qualified", "qualified", "basic", ""]):
        person = PersonFactory(organisation=world.branch, name=f"党员{'甲乙丙丁戊'[n]}")
        AppraisalFactory(
            organisation=world.branch, person=person, decision=decision,
            decided_on=date(2023, 12, 26) if decision else None,
        )  # fmt: skip
    AppraisalFactory(
        organisation=world.branch, year=2022, decision="excellent", decided_on=date(2022, 12, 20)
    )
    return world.branch


@pytest.mark.parametrize(
    ("code", "value"),
    [("appraisal.appraised", 4), ("appraisal.excellent", 1), ("appraisal.passing_rate", Decimal("75.0"))],
)
def test_appraisal_figures(decided, code, value):
    result = figures.compute(code, decided, YEAR).value
    assert result == value and type(result) is type(value)


def test_no_appraisal_no_rate(world):
    assert figures.compute("appraisal.passing_rate", world.branch, YEAR).value == Decimal("0.0")


def test_bureau_sees_the_points_total_but_no_names(world, login):
    fixed_data.ledgers(world)
    query = {"org": "yucai", "from": "2023-03-01", "to": "2023-04-30"}
    response = login(world.bureau).get(reverse("core:figure", args=["appraisal.points_total"]), query)
    assert response.status_code == 200
    assert response.context["value"].value == Decimal("22.50")
    assert response.context["hidden"] is True
    assert "刘丹" not in response.content.decode()
