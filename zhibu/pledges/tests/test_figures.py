"""Figures, the overdue rule, the 积分 facts and the 党务公开 drafts, over records set up directly."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings, points, publishable
from zhibu.pledges.models import Scope

from .factories import DutyFactory, PledgeFactory, PledgeItemFactory, closed_item

YEAR = Period.year(2023)


@pytest.fixture
def ledger(world):
    """刘丹's pledge: one item closed on time, one closed late, one overdue, one due in 2024."""
    sec = world.people["secretary"]
    pledge = PledgeFactory(
        organisation=world.branch,
        person=world.people["member"],
        starts_on=date(2022, 9, 15),
        ends_on=date(2024, 7, 10),
    )
    on_time = closed_item(sec, day=date(2023, 4, 20), pledge=pledge, due_on=date(2023, 4, 30))
    late = closed_item(sec, day=date(2023, 7, 5), pledge=pledge, due_on=date(2023, 6, 30))
    overdue = PledgeItemFactory(pledge=pledge, content="包教一名学困生", due_on=date(2023, 6, 30))
    PledgeItemFactory(pledge=pledge, due_on=date(2024, 6, 30))
    branch = PledgeFactory(
        organisation=world.branch,
        scope=Scope.BRANCH,
        person=None,
        starts_on=date(2023, 2, 1),
        ends_on=date(2023, 7, 15),
    )
    carried = closed_item(
        sec,
        day=date(2023, 5, 5),
        pledge=branch,
        due_on=date(2023, 5, 31),
        responsible=world.people["committee"],
    )
    PledgeFactory(
        organisation=world.other_branch, person=world.people["other_member"], starts_on=date(2023, 3, 1)
    )
    return {"on_time": on_time, "late": late, "overdue": overdue, "carried": carried, "branch": branch}


def test_pledges_made_and_items_closed(world, ledger):
    made = figures.compute("pledges.made", world.branch, YEAR)
    assert made.value == 1 and list(made.records) == [ledger["branch"]]  # the member's was made in 2022
    assert figures.compute("pledges.made", world.branch, Period.span(date(2022, 9, 1), YEAR.end)).value == 2
    assert figures.compute("pledges.made", world.bureau_org, YEAR).value == 2
    assert figures.compute("pledges.made", world.branch, YEAR, scope="member").value == 0
    closed = figures.compute("pledges.items_closed", world.branch, YEAR)
    assert closed.value == 3
    assert figures.compute("pledges.items_closed", world.branch, Period.month(2023, 7)).value == 1


def test_on_time_rate_judges_items_due_and_past_or_closed(world, ledger):
    rate = figures.compute("pledges.on_time_rate", world.branch, YEAR)
    # judged: on time, late, overdue, carried (the 2024 item is not due in 2023): 2 of 4 on time
    assert rate.value == Decimal("50.0") and rate.records.count() == 4
    assert figures.compute("pledges.on_time_rate", world.branch, Period.year(2019)).value == Decimal("0.0")


def test_overdue_items_are_a_finding_with_the_items_as_evidence(world, ledger):
    found = list(findings.run(world.bureau_org, YEAR, codes=["pledges.item_overdue"]))
    assert len(found) == 1
    finding = found[0]
    assert finding.organisation == world.branch and finding.evidence == [ledger["overdue"]]
    assert "1项承诺事项已过完成时限仍未销号" in finding.message and "刘丹“包教一名学困生”" in finding.message
    assert not list(findings.run(world.branch, Period.year(2022), codes=["pledges.item_overdue"]))


def test_an_item_due_today_or_later_is_not_overdue(world):
    today = timezone.localdate()
    pledge = PledgeFactory(
        organisation=world.branch,
        person=world.people["member"],
        starts_on=today - timedelta(days=9),
        ends_on=today + timedelta(days=9),
    )
    PledgeItemFactory(pledge=pledge, due_on=today)
    assert not list(findings.run(world.branch, Period.year(today.year), codes=["pledges.item_overdue"]))


def test_one_point_fact_per_item_closed_for_its_pledger(world, ledger):
    facts = list(
        points.get("pledges.item_closed").facts([world.branch.pk], date(2023, 1, 1), date(2023, 12, 31))
    )
    by_item = {f["record_id"]: f for f in facts}
    assert set(by_item) == {ledger["on_time"].pk, ledger["late"].pk, ledger["carried"].pk}
    assert by_item[ledger["on_time"].pk]["person_id"] == world.people["member"].pk
    assert by_item[ledger["on_time"].pk]["day"] == date(2023, 4, 20)
    assert (
        by_item[ledger["carried"].pk]["person_id"] == world.people["committee"].pk
    )  # the branch item's carrier
    assert by_item[ledger["late"].pk]["title"].startswith("承诺事项销号：")
    assert not list(
        points.get("pledges.item_closed").facts([world.other_branch.pk], date(2023, 1, 1), date(2023, 12, 31))
    )


def test_the_disclosure_drafts_name_names_and_posts_only(world, ledger):
    DutyFactory(
        organisation=world.branch,
        person=world.people["member"],
        post="初二语文教师",
        content="上好每一节课。",
    )
    drafts = publishable.get("pledges.pledges").build(world.branch, YEAR)
    assert [d.kind for d in drafts] == ["pledge", "pledge"]
    branch, members = drafts
    assert "党支部公开承诺" in branch.title and "于雪华" not in branch.body  # items, not who carries them
    assert "刘丹（中共党员、初二语文教师）" in members.body and "包教一名学困生" in members.body
    phone = world.people["member"].phone
    assert phone and phone not in members.body
    duty = publishable.get("pledges.duties").build(world.branch, YEAR)
    assert (
        len(duty) == 1 and duty[0].kind == "duty" and "刘丹（初二语文教师）：上好每一节课。" in duty[0].body
    )
    assert publishable.get("pledges.pledges").build(world.branch, Period.year(2019)) == []
