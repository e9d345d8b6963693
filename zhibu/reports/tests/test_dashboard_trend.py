"""The dashboard's key figures: the month so far against the same days of the previous month, and in
a month's first three days the last complete month against the one before (on the 1st the month so
far is a row of zeros and every change looks like a collapse)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from zhibu.core.models import PartyStatusChange
from zhibu.core.periods import Period
from zhibu.reports.dashboard import overview, trend_window

# 走访慰问 (the fake ledger counts status changes by date): 1 in October, 3 in November (1 by the
# 15th), 3 in December (2 by the 15th).
VISITS = [
    date(2026, 10, 5),
    date(2026, 11, 3),
    date(2026, 11, 20),
    date(2026, 11, 25),
    date(2026, 12, 2),
    date(2026, 12, 14),
    date(2026, 12, 20),
]


@pytest.fixture
def visits(world, fake_ledger):
    for day in VISITS:
        PartyStatusChange.objects.create(
            person=world.people["member"], organisation=world.branch, status="full", since=day
        )
    cache.clear()


def _row(data, code="fakecare.visits"):
    (row,) = [r for r in data["trend"] if r["spec"].code == code]
    return row


@pytest.mark.parametrize(
    ("today", "shown", "before", "title", "versus"),
    [
        (date(2026, 12, 1), Period.month(2026, 11), Period.month(2026, 10), "11月", "较上月"),
        (date(2026, 12, 3), Period.month(2026, 11), Period.month(2026, 10), "11月", "较上月"),
        (date(2027, 1, 2), Period.month(2026, 12), Period.month(2026, 11), "12月", "较上月"),
        (
            date(2026, 12, 4),
            Period.span(date(2026, 12, 1), date(2026, 12, 4)),
            Period.span(date(2026, 11, 1), date(2026, 11, 4)),
            "12月1日至4日",
            "较上月同期",
        ),
        (
            date(2026, 12, 15),
            Period.span(date(2026, 12, 1), date(2026, 12, 15)),
            Period.span(date(2026, 11, 1), date(2026, 11, 15)),
            "12月1日至15日",
            "较上月同期",
        ),
        (  # February has no 31st: the same days end with February
            date(2026, 3, 31),
            Period.span(date(2026, 3, 1), date(2026, 3, 31)),
            Period.span(date(2026, 2, 1), date(2026, 2, 28)),
            "3月1日至31日",
            "较上月同期",
        ),
    ],
)
def test_trend_window(today, shown, before, title, versus):
    window = trend_window(today)
    assert (window.shown.bounds, window.before.bounds) == (shown.bounds, before.bounds)
    assert (window.title, window.versus) == (title, versus)


def test_on_the_first_the_cards_show_the_last_complete_month(world, visits, login):
    with time_machine.travel(date(2026, 12, 1), tick=False):
        data = overview(None, world.branch, Period.year(2026))
        row = _row(data)
        assert (row["value"], row["delta"], row["change"], row["arrow"]) == (3, 2, "+2", "↑")
        page = login(world.secretary).get(reverse("core:dashboard")).content.decode()
    assert "11月主要数据" in page and "↑ 较上月 +2" in page
    assert "from=2026-11-01&amp;to=2026-11-30" in page  # each number links to November's records
    assert "较上月 -" not in page  # no collapse of every figure on the 1st


def test_on_the_fifteenth_the_month_so_far_meets_the_same_days_of_last_month(world, visits, login):
    with time_machine.travel(date(2026, 12, 15), tick=False):
        data = overview(None, world.branch, Period.year(2026))
        row = _row(data)
        assert (row["value"], row["delta"], row["change"], row["arrow"]) == (2, 1, "+1", "↑")
        assert data["trend"][0]["spec"].code == "fakecare.visits"  # what moved comes first
        page = login(world.secretary).get(reverse("core:dashboard")).content.decode()
    assert "12月1日至15日主要数据" in page and "↑ 较上月同期 +1" in page
    assert "from=2026-12-01&amp;to=2026-12-15" in page


def test_the_monthly_chart_counts_a_record_at_once(world, visits, login):
    """No cache between a write and the chart: a record made a moment ago is drawn (a cached
    chart showed the previous count for minutes)."""
    client = login(world.secretary)
    with time_machine.travel(date(2026, 12, 15), tick=False):
        before = overview(None, world.branch, Period.year(2026))["charts"]["monthly"]
        client.get(reverse("core:dashboard"))  # the page seen once, as a cache would have kept it
        PartyStatusChange.objects.create(
            person=world.people["member"], organisation=world.branch, status="full", since=date(2026, 12, 10)
        )
        after = overview(None, world.branch, Period.year(2026))["charts"]["monthly"]
    (visits_before,) = [s["data"] for s in before["series"] if s["name"] == "走访慰问"]
    (visits_after,) = [s["data"] for s in after["series"] if s["name"] == "走访慰问"]
    assert visits_after[-1] == visits_before[-1] + 1 == 4
