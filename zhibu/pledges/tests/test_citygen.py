"""The city generator writes pledges, items and 销号 rows for every branch, the same for a seed."""

from datetime import date

import pytest
from django.db import transaction
from django.db.models import F

from zhibu.core.registries import citygen
from zhibu.pledges.models import ItemClosing, Pledge, PledgeItem


def _city(seed: int):
    with transaction.atomic():
        ctx = citygen.run(
            citygen.CityContext(
                seed=seed, branches_wanted=3, years=[2025], until=date(2025, 11, 30), people_per_branch=12
            )
        )
        rows = sorted(
            PledgeItem.objects.values_list("pledge__title", "pledge__person__phone", "content", "closed_on"),
            key=lambda row: [str(value) for value in row],
        )
        per_branch = set(Pledge.objects.values_list("organisation_id", flat=True))
        closings = ItemClosing.objects.count()
        closed = PledgeItem.objects.filter(closed_on__isnull=False).count()
        self_verified = PledgeItem.objects.filter(
            verifier_id__isnull=False, pledge__person_id=F("verifier_id")
        ).count()
        transaction.set_rollback(True)
    return ctx, rows, per_branch, (closings, closed, self_verified)


@pytest.mark.django_db
def test_city_has_pledges_items_and_closings_for_every_branch():
    ctx, rows, per_branch, (closings, closed, self_verified) = _city(7)
    assert per_branch == {b.pk for b in ctx.branches}
    assert ctx.rows["pledges_pledge"] >= 3 and closed > 0 and closings == closed
    assert self_verified == 0  # nobody verifies her own pledge
    assert any(r[3] is None for r in rows)  # some items stay open
    assert _city(7)[1] == rows
