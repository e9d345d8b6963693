"""The honours figures and the achievements section cost the same number of queries over 3 branches
as over 30, with rounds, entries and honours in every branch (tests/test_query_counts.py iterates
the figures over a city without honours rows)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.honours import phrases

from .factories import CompetitionRoundFactory, HonourFactory, ParticipantFactory

YEAR = Period.year(2023)
CODES = [spec.code for spec in figures.all() if spec.ledger == "honours"]


def _bureau(code: str, branches: int):
    bureau = OrganisationFactory(code=code, kind="committee")
    for n in range(branches):
        branch = OrganisationFactory(parent=bureau, code=f"{code}-{n}")
        people = [PersonFactory(organisation=branch) for _ in range(2)]
        teacher = PersonFactory(organisation=branch, party_status="none")
        for day in (date(2023, 4, 19), date(2023, 5, 24)):
            r = CompetitionRoundFactory(organisation=branch, held_on=day)
            for p in (*people, teacher):
                ParticipantFactory(round=r, person=p, award="first" if p is people[0] else "")
        HonourFactory(organisation=branch, person=people[0], awarded_on=date(2023, 6, 28))
    return bureau


def _queries(org) -> int:
    with CaptureQueriesContext(connection) as ctx:
        for code in CODES:
            assert figures.compute(code, org, YEAR).value is not None
        phrases.by_level(org, YEAR)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_same_queries_for_3_and_30_branches():
    small, large = _bureau("s", 3), _bureau("l", 30)
    assert figures.compute("honours.competition_rate", large, YEAR).value > 0
    assert _queries(small) == _queries(large) <= 16
