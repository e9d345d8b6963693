"""Dues figures, the six-months rule and the summary paragraph, over a branch and the bureau."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.registries.sections import SectionContext
from zhibu.core.tests.factories import PersonFactory
from zhibu.dues import book, rules, sections

from . import helpers

pytestmark = pytest.mark.django_db
YEAR = Period.year(2023)


@pytest.fixture
def dues(world):
    """刘丹 4000.00 a month (40.00) paid Jan–Jun and 500 voluntary; 张文华 3000.00 (15.00) paid all
    year, the last seven months in one 补交; a retiree at 5000.00 (25.00) paying nothing from July."""
    member, secretary = world.people["member"], world.people["secretary"]
    retiree = PersonFactory(organisation=world.branch, name="万福业", is_retired=True)
    helpers.base(member, "4000.00")
    helpers.base(secretary, "3000.00")
    helpers.base(retiree, "5000.00")
    helpers.paid(member, helpers.months(2023, 1, 6), paid_on=date(2023, 6, 10))
    helpers.paid(member, [], amount="500.00", kind="voluntary", paid_on=date(2023, 7, 1))
    helpers.paid(secretary, helpers.months(2023, 1, 5), amount="75.00", paid_on=date(2023, 5, 10))
    helpers.paid(
        secretary, helpers.months(2023, 6, 12), amount="105.00", paid_on=date(2023, 12, 20), long_back=True
    )
    helpers.paid(retiree, helpers.months(2023, 1, 6), amount="150.00", paid_on=date(2023, 6, 10))
    return {"member": member, "secretary": secretary, "retiree": retiree}


def _value(code, org, period=YEAR):
    return figures.compute(code, org, period).value


def test_due_collected_and_voluntary(world, dues):
    assert _value("dues.due", world.branch) == Decimal("960.00")  # 12 × (40 + 15 + 25)
    assert _value("dues.collected", world.branch) == Decimal("570.00")
    assert _value("dues.voluntary", world.branch) == Decimal("500.00")
    assert _value("dues.long_back_payments", world.branch) == 1
    assert _value("dues.due", world.bureau_org) == Decimal("960.00")  # the bureau: the same totals
    march = Period.month(2023, 3)
    assert _value("dues.due", world.branch, march) == Decimal("80.00")


def test_members_in_arrears_at_the_periods_end(world, dues):
    value = figures.compute("dues.members_in_arrears", world.branch, YEAR)
    assert value.value == 2 and {p.name for p in value.records} == {"刘丹", "万福业"}
    assert _value("dues.members_in_arrears", world.branch, Period.month(2023, 6)) == 0


def test_six_consecutive_unpaid_months_is_a_finding(world, dues):
    found = [f for f in findings.run(world.branch, YEAR, codes=["dues.six_months_unpaid"])]
    assert {f.evidence[0].name for f in found} == {"刘丹", "万福业"}
    assert all("2023年7月至2023年12月连续6个月" in f.message for f in found)
    # five months are not yet a finding
    assert not list(findings.run(world.branch, Period.span(date(2023, 1, 1), date(2023, 11, 30)),
                                 codes=["dues.six_months_unpaid"]))  # fmt: skip


def test_a_run_begun_before_the_period_is_found_from_its_last_month(world, dues):
    december = Period.month(2023, 12)
    found = list(findings.run(world.branch, december, codes=["dues.six_months_unpaid"]))
    assert {f.evidence[0].name for f in found} == {"刘丹", "万福业"}
    assert all("2023年7月至2023年12月连续6个月" in f.message for f in found)


def test_who_may_owe_lacks_a_payment_from_the_first_day_or_her_base(world, dues):
    late = PersonFactory(organisation=world.branch, name="朱玉兰")
    helpers.base(late, "4000.00", month=date(2023, 11, 1))  # nothing due before November
    helpers.paid(late, helpers.months(2023, 11, 12))
    PersonFactory(organisation=world.branch, name="石磊")  # no base: never owes
    owe = set(book.unpaid_candidates(world.bureau_org, date(2023, 1, 1), date(2023, 12, 1)))
    assert owe == {dues["member"].pk, dues["retiree"].pk}
    assert book.unpaid_candidates(world.branch, date(2023, 3, 15), date(2023, 6, 1)) == []
    assert book.unpaid_candidates(world.other_branch, date(2023, 1, 1), date(2023, 12, 1)) == []


def test_the_rule_finds_the_same_from_the_whole_book(world, dues, monkeypatch):
    periods = (YEAR, Period.month(2023, 12), Period.span(date(2023, 1, 1), date(2023, 11, 30)))
    orgs = (world.branch, world.bureau_org)

    def messages():
        return [
            [f.message for f in findings.run(org, period, codes=["dues.six_months_unpaid"])]
            for org in orgs
            for period in periods
        ]

    few = messages()
    monkeypatch.setattr(rules, "CANDIDATES", 0)  # every candidate list is "too long"
    assert messages() == few and sum(map(len, few)) == 8  # two members, two orgs, two periods


PERIODS = (
    YEAR,
    Period.month(2023, 3),
    Period.month(2023, 12),
    Period.span(date(2022, 7, 1), date(2023, 6, 30)),
)


def test_the_due_is_what_the_book_owes_in_the_period(world, dues):
    early = PersonFactory(organisation=world.branch, name="朱玉兰")
    helpers.base(early, "2000.00", month=date(2022, 6, 1))
    for org in (world.branch, world.bureau_org):
        for period in PERIODS:
            whole = book.build(org, book.through(period.end))
            owed = sum((m.due for b in whole for m in b.months if m.due and m.month in period), Decimal("0"))
            assert _value("dues.due", org, period) == owed


def test_members_in_arrears_count_unpaid_months_before_the_period(world, dues):
    early = PersonFactory(organisation=world.branch, name="朱玉兰")
    helpers.base(early, "2000.00", month=date(2022, 6, 1))
    helpers.paid(early, helpers.months(2023, 1, 12), amount="120.00")  # 2022's seven months unpaid
    value = figures.compute("dues.members_in_arrears", world.branch, Period.month(2023, 6))
    assert value.value == 1 and [p.name for p in value.records] == ["朱玉兰"]
    counts = [
        _value("dues.members_in_arrears", org, p) for org in (world.branch, world.bureau_org) for p in PERIODS
    ]
    assert counts == [3, 1, 3, 1] * 2


def test_the_paragraph_quotes_the_figures(world, dues):
    ctx = SectionContext("annual", world.branch, YEAR)
    text = sections.collection(world.branch, YEAR, ctx)[0].text
    for code in ("dues.due", "dues.collected", "dues.voluntary", "dues.members_in_arrears"):
        assert f"{{fig:{code}" in text
    assert sections.collection(world.branch, YEAR, SectionContext("weekly", world.branch, YEAR)) == []


def test_an_empty_branch_says_nothing(world):
    # a document sent upward leaves the practice out rather than say "尚未登记" (issue 14)
    ctx = SectionContext("annual", world.branch, YEAR)
    assert sections.collection(world.branch, YEAR, ctx) == []


def test_the_disclosure_board_gets_totals_and_no_names(world, dues):
    from zhibu.core.registries import publishable

    drafts = publishable.get("dues.collection").build(world.branch, YEAR)
    assert len(drafts) == 1 and "应交党费960.00元" in drafts[0].body and "实收570.00元" in drafts[0].body
    assert "刘丹" not in drafts[0].body and "万福业" not in drafts[0].body
    assert publishable.get("dues.collection").build(world.other_branch, YEAR) == []
