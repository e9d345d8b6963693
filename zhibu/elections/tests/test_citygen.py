"""The city generator records every branch's committee as elected, some by-elections, transfers
out that set the left date, and 流动党员 marks — the same rows for a seed."""

from datetime import date

import pytest
from django.db import transaction

from zhibu.core.models import Person
from zhibu.core.registries import citygen
from zhibu.elections.models import Election, Kind, Result
from zhibu.people.models import StatusMark, Transfer


def _city(seed: int):
    with transaction.atomic():
        ctx = citygen.run(
            citygen.CityContext(
                seed=seed,
                branches_wanted=6,
                years=[2024, 2025],
                until=date(2025, 11, 30),
                people_per_branch=20,
            )
        )
        rows = (
            sorted(Result.objects.values_list("election__kind", "person__phone", "post", "votes")),
            sorted(Transfer.objects.values_list("person__phone", "transferred_on", "letter_number")),
        )
        regular = set(Election.objects.filter(kind=Kind.REGULAR).values_list("organisation_id", flat=True))
        left = {
            t.person_id: t.transferred_on == Person.objects.get(pk=t.person_id).left_on
            for t in Transfer.objects.all()
        }
        marks = StatusMark.objects.count()
        transaction.set_rollback(True)
    return ctx, rows, regular, left, marks


@pytest.mark.django_db
def test_city_has_elections_transfers_and_marks():
    ctx, rows, regular, left, marks = _city(7)
    assert regular == {b.pk for b in ctx.branches}
    assert ctx.rows["elections_result"] >= ctx.rows["elections_election"] > 0
    assert ctx.rows["people_transfer"] > 0 and all(left.values()) and marks >= 0
    assert _city(7)[1] == rows
