"""The care demo matches the seed: 20多人次 each school year, 3000多元 from staff and 1万多元
raised outside, monthly calls with the one August call missed."""

from datetime import date
from decimal import Decimal

import pytest

from zhibu.care.demo_data import load as load_care
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.people.demo_data import load as load_core

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def school(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    load_core()
    load_care()
    return Organisation.objects.get(code="yucai")


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("care.visit_person_times", 47),
        ("care.visit_person_times_yearly_min", 23),
        ("care.visit_money", Decimal("13600.00")),
        ("care.student_families", 5),
        ("care.retiree_calls", 68),
        ("care.retirees_called", 3),
        ("care.donations_own", Decimal("3350.00")),
        ("care.donations_outside", Decimal("11100.00")),
        ("care.donations_total", Decimal("14450.00")),
        ("care.donation_drives", 2),
    ],
)
def test_seed_figures(school, code, value):
    assert figures.compute(code, school, SPAN).value == value


def test_each_school_year_has_twenty_odd_person_times(school):
    for start in (date(2021, 9, 1), date(2022, 9, 1)):
        year = Period.span(start, date(start.year + 1, 8, 31))
        assert 20 < figures.compute("care.visit_person_times", school, year).value < 30


def test_the_missed_august_call_is_the_only_finding(school):
    found = [f.message for f in findings.run(school, SPAN, codes=["care.retiree_not_called"])]
    assert found == ["XX市育才学校党支部 2022年8月未给退休教职工孟淑琴打问寒问暖电话"]
