"""The bands and the arithmetic: every boundary of the 2008 rule (seeded by the data migration),
rounding half up to the fen, and a revised set applying from its own date. Runs on SQLite and on
PostgreSQL (DATABASE_URL) alike: the bands come from the database."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

import pytest

from zhibu.dues import book, calc
from zhibu.dues.tests.factories import DuesBandFactory

pytestmark = pytest.mark.django_db
MONTH = date(2023, 5, 1)


def _due(base: str, *, retired=False, no_income=False, month=MONTH) -> Decimal:
    return calc.due(book.band_book(), month, base=Decimal(base), retired=retired, no_income=no_income)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("0.01", "0.00"),
        ("3000.00", "15.00"),  # ≤ 3000: 0.5 %
        ("3000.01", "30.00"),  # the whole base at 1 %, not only what is above 3000
        ("5000.00", "50.00"),
        ("5000.01", "75.00"),
        ("10000.00", "150.00"),
        ("10000.01", "200.00"),
        ("12345.67", "246.91"),
    ],
)
def test_serving_bands(base, expected):
    assert _due(base) == Decimal(expected)


@pytest.mark.parametrize(
    ("base", "expected"),
    [("3000.00", "15.00"), ("5000.00", "25.00"), ("5000.01", "50.00"), ("8000.00", "80.00")],
)
def test_retired_bands(base, expected):
    assert _due(base, retired=True) == Decimal(expected)


def test_students_and_members_without_income_pay_twenty_fen():
    assert _due("0.00", no_income=True) == Decimal("0.20")
    assert _due("0.00", no_income=True, retired=True) == Decimal("0.20")


def test_rounding_is_half_up_to_the_fen():
    # 4322.50 × 1 % = 43.225: half up gives 43.23 (banker's rounding would give 43.22)
    assert _due("4322.50") == Decimal("43.23")
    assert (Decimal("4322.50") / 100).quantize(Decimal("0.01"), ROUND_HALF_EVEN) == Decimal("43.22")
    assert _due("1234.50") == Decimal("6.17")  # 6.1725


def test_before_the_first_rule_nothing_is_computed():
    assert _due("4000.00", month=date(2007, 12, 1)) is None


def test_a_revised_set_applies_from_its_own_month():
    DuesBandFactory(effective_from=date(2024, 1, 1), category="no_income", fixed=Decimal("0.50"))
    DuesBandFactory(effective_from=date(2024, 1, 1), category="serving", rate=Decimal("3.00"), fixed=None)
    DuesBandFactory(effective_from=date(2024, 1, 1), category="retired", rate=Decimal("1.00"), fixed=None)
    assert _due("4000.00", month=date(2023, 12, 1)) == Decimal("40.00")
    assert _due("4000.00", month=date(2024, 1, 1)) == Decimal("120.00")
    assert _due("0", no_income=True, month=date(2024, 1, 1)) == Decimal("0.50")


def test_months_and_cutoff():
    assert calc.months_between(date(2023, 11, 15), date(2024, 2, 3)) == [
        date(2023, 11, 1),
        date(2023, 12, 1),
        date(2024, 1, 1),
        date(2024, 2, 1),
    ]
    assert book.last_ended(date(2023, 12, 31), today=date(2026, 1, 1)) == date(2023, 12, 1)
    assert book.last_ended(date(2023, 12, 30), today=date(2026, 1, 1)) == date(2023, 11, 1)
    assert book.last_ended(date(2026, 12, 31), today=date(2026, 3, 15)) == date(2026, 2, 1)
