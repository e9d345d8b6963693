"""The talks paragraph: figure references, not typed numbers; nothing when there is nothing."""

from datetime import date

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import sections

from . import helpers
from .factories import TalkFactory

pytestmark = pytest.mark.django_db
SPRING = Period.span(date(2023, 3, 1), date(2023, 3, 31))


def _draft(world, document="annual"):
    spec = next(s for s in sections.all() if s.code == "talks.practice")
    return [
        p.text
        for p in spec.func(world.branch, SPRING, sections.SectionContext(document, world.branch, SPRING))
    ]


def test_the_paragraph_refers_to_the_figures(world):
    helpers.committee(world)
    for who in ("secretary", "committee"):
        for day in (3, 4):
            TalkFactory(organisation=world.branch, talker=world.people[who], held_on=date(2023, 3, day))
    (text,) = _draft(world)
    assert "{fig:talks.held}" in text and "{fig:talks.quota_met}" in text and "4" not in text


def test_an_empty_period_says_nothing(world):
    assert _draft(world) == []  # left out of a document sent upward (issue 14)
    assert _draft(world, "weekly") == []
