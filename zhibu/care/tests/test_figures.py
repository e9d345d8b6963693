"""Each care figure on fixed data, and the retiree-call rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.tests.factories import PersonFactory

from . import helpers

pytestmark = pytest.mark.django_db
SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


@pytest.fixture
def ledger(world):
    org = world.branch
    # 2021—2022: 3 visits, 12 人次 (an elderly home of 10); 2022—2023: 2 visits, 2 人次.
    helpers.visit(org, date(2021, 10, 1), category="sick_staff", money=Decimal("200.00"))
    helpers.visit(org, date(2022, 1, 28), category="retired", money=Decimal("0.10"))
    helpers.visit(org, date(2022, 5, 1), category="elderly_home", headcount=10, money=Decimal("0.20"))
    helpers.visit(org, date(2022, 12, 20), category="student_family", visited_name="学生家庭（甲）", money=0)
    helpers.visit(org, date(2023, 1, 15), category="sick_family", money=Decimal("300.00"))
    helpers.visit(org, date(2023, 9, 15), category="sick_family", money=Decimal("999.00"))  # outside
    drive = helpers.drive(org, started_on=date(2022, 11, 1))
    helpers.gift(drive, donor=world.people["member"], amount=Decimal("0.10"), given_on=date(2022, 11, 2))
    helpers.gift(drive, donor=world.people["committee"], amount=Decimal("0.20"), given_on=date(2022, 11, 2))
    helpers.gift(drive, donor=None, donor_name="社会爱心人士", appeal_by=world.people["committee"],
                 amount=Decimal("10500.00"), given_on=date(2022, 11, 20))  # fmt: skip
    helpers.gift(
        drive, donor=None, donor_name="某公司", amount=0, in_kind="轮椅", given_on=date(2022, 11, 21)
    )
    return org


@pytest.mark.parametrize(
    ("code", "params", "value"),
    [
        ("care.visits", {}, 5),
        ("care.visits", {"category": "sick_staff,sick_family"}, 2),
        ("care.visit_person_times", {}, 14),
        ("care.visit_person_times_yearly_min", {}, 2),
        ("care.visit_money", {}, Decimal("500.30")),
        ("care.student_families", {}, 1),
        ("care.donations_total", {}, Decimal("10500.30")),
        ("care.donations_own", {}, Decimal("0.30")),
        ("care.donations_outside", {}, Decimal("10500.00")),
        ("care.donation_drives", {}, 1),
    ],
)
def test_figure_on_fixed_data(ledger, code, params, value):
    result = figures.compute(code, ledger, SPAN, **params).value
    assert result == value and type(result) is type(value)
    if isinstance(value, Decimal):
        assert str(result) == f"{value:.2f}"  # two places, never a float's tail


def test_calls_figures_and_the_rule(world):
    wan = PersonFactory(organisation=world.branch, name="万福业", is_retired=True)
    lu = PersonFactory(organisation=world.branch, name="卢振东", is_retired=True)
    gone = PersonFactory(organisation=world.branch, name="孟淑琴", is_retired=True, left_on=date(2023, 7, 15))
    summer = Period.span(date(2023, 6, 1), date(2023, 8, 31))
    for month in (6, 7, 8):
        helpers.call(wan, date(2023, month, 1))
    helpers.call(lu, date(2023, 6, 1))
    helpers.call(gone, date(2023, 6, 1))
    assert figures.compute("care.retiree_calls", world.branch, summer).value == 5
    assert figures.compute("care.retirees_called", world.branch, summer).value == 3
    found = [f.message for f in findings.run(world.branch, summer, codes=["care.retiree_not_called"])]
    # 卢振东 was not called in July nor August (no summer holiday for calls); 孟淑琴 left in July,
    # so only July is owed for her; 万福业 was called every month.
    assert found == [
        "XX市育才学校党支部 2023年7月未给退休教职工卢振东、孟淑琴打问寒问暖电话",
        "XX市育才学校党支部 2023年8月未给退休教职工卢振东打问寒问暖电话",
    ]


def test_bureau_sees_the_money_but_not_the_visits(world, login, ledger):
    query = {"org": "yucai", "from": "2021-09-01", "to": "2023-07-31"}
    response = login(world.bureau).get(reverse("core:figure", args=["care.visit_money"]), query)
    assert response.status_code == 200
    assert response.context["value"].value == Decimal("500.30")
    assert response.context["hidden"] is True
    assert "学生家庭" not in response.content.decode()
