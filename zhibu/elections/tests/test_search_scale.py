"""A city's elections in the search index: more than a thousand people elected. On SQLite, Django
5.2 prefetches a foreign key with one `id = ? OR …` per person and fails past a thousand
("Expression tree is too large"): gen_city at 300 branches stopped there. The results' people come
by a join (selectors.with_results)."""

from __future__ import annotations

import pytest

from zhibu.core import search_index
from zhibu.core.models import Person, SearchEntry
from zhibu.core.tests.factories import PersonFactory

from .factories import ElectionFactory

pytestmark = pytest.mark.django_db
PEOPLE = 1100


def test_an_index_of_elections_with_over_a_thousand_people_elected_is_built(world):
    election = ElectionFactory(organisation=world.branch)
    people = Person.objects.bulk_create(
        [PersonFactory.build(organisation=world.branch, name=f"王{i:04d}") for i in range(PEOPLE)]
    )
    from zhibu.elections.models import Result

    Result.objects.bulk_create(
        [
            Result(organisation=world.branch, election=election, person=p, post="organisation", votes=13)
            for p in people
        ]
    )
    assert search_index.reindex(names=["elections"]) == 1
    text = SearchEntry.objects.get(kind="elections").text
    assert "王0000" in text and f"王{PEOPLE - 1:04d}" in text
