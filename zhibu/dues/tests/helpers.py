"""Rows for dues tests (test setup, not the code under test)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhibu.core.tests.factories import CommitteeTermFactory, PostHoldingFactory

from .factories import DuesBaseFactory, DuesPaymentFactory


def base(person, amount="4000.00", month=date(2023, 1, 1), **kwargs):
    return DuesBaseFactory(
        organisation=person.organisation,
        person=person,
        effective_from=month,
        amount=Decimal(amount),
        **kwargs,
    )


def paid(person, months, amount=None, paid_on=None, **kwargs):
    """A regular payment of `months` at `amount` in all (default 40.00 a month)."""
    total = Decimal(amount) if amount is not None else Decimal("40.00") * len(months)
    return DuesPaymentFactory(
        organisation=person.organisation,
        person=person,
        amount=total,
        paid_on=paid_on or months[-1].replace(day=10),
        covering=months,
        **kwargs,
    )


def in_charge(world):
    """Make the committee persona the branch's 组织委员 (the 支委 in charge of dues)."""
    term = CommitteeTermFactory(organisation=world.branch, started_on=date(2020, 9, 1))
    PostHoldingFactory(term=term, person=world.people["committee"], post="organisation")
    return term


def months(year: int, first: int, last: int) -> list[date]:
    return [date(year, m, 1) for m in range(first, last + 1)]
