"""The suggestions paragraph: figure references, not typed numbers; nothing when there is nothing."""

from datetime import date

import pytest

from zhibu.core.periods import Period
from zhibu.core.registries import sections

from .factories import ConsultationFactory, SuggestionFactory

pytestmark = pytest.mark.django_db
MARCH = Period.month(2023, 3)


def _draft(world, document="annual"):
    spec = next(s for s in sections.all() if s.code == "voice.suggestions")
    return [
        p.text for p in spec.func(world.branch, MARCH, sections.SectionContext(document, world.branch, MARCH))
    ]


def test_the_paragraph_refers_to_the_figures(world):
    ConsultationFactory(organisation=world.branch, asked=[world.people["member"]])
    SuggestionFactory(organisation=world.branch, status="adopted", answered_on=date(2023, 3, 20))
    (text,) = _draft(world)
    for code in ("voice.consultations", "voice.suggestions", "voice.adopted", "voice.answered_in_time"):
        assert f"{{fig:{code}}}" in text
    assert "刘丹" not in text  # no author is named


def test_an_empty_period_says_nothing(world):
    assert _draft(world) == []  # left out of a document sent upward (issue 14)
    assert _draft(world, "weekly") == []
