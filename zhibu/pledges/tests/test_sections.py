"""The pledges paragraph: each number a figure reference; nothing drafted without pledges."""

from datetime import date

from zhibu.core.periods import Period
from zhibu.core.registries import sections
from zhibu.core.registries.sections import SectionContext

from .factories import PledgeFactory, closed_item

SPAN = Period.span(date(2021, 9, 1), date(2023, 7, 31))


def _draft(org, document="annual", period=SPAN):
    spec = next(s for s in sections.all() if s.code == "pledges.practice")
    return [p.text for p in spec.func(org, period, SectionContext(document, org, period))]


def test_nothing_drafted_without_pledges(world):
    assert _draft(world.branch) == [] and _draft(world.branch, "weekly") == []


def test_the_paragraph_quotes_the_figures(world):
    pledge = PledgeFactory(organisation=world.branch, person=world.people["member"])
    closed_item(world.people["secretary"], pledge=pledge)
    (text,) = _draft(world.branch)
    assert "亮身份、亮职责、亮承诺" in text
    assert "{fig:pledges.made}" in text and "{fig:pledges.items_closed}" in text
    assert "{fig:pledges.on_time_rate}" in text
    week = Period.span(date(2023, 4, 17), date(2023, 4, 23))
    assert _draft(world.branch, "weekly", week) == ["本周承诺事项销号{fig:pledges.items_closed}。"]
