"""The city's dues: per branch, a base for every member and a year of monthly payments (the last
twelve months ended by `until`, each paid on the 10th of the month), about one member in twenty
stopping three months before the end (arrears), and a voluntary payment on 七一 from one member.
The months paid are the dues book's (who was a member when, by the status history). Bulk-inserted
without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from . import book, calc
from .models import DuesBase, DuesPayment, DuesPaymentMonth, PaymentKind

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
STOPPED = 3


@citygen.register("dues", order=40)
def generate(ctx: citygen.CityContext) -> int:
    last = book.last_ended(ctx.until, today=ctx.until + timedelta(days=1))
    first = calc.add_months(last, -11)
    ctx.bulk(
        DuesBase,
        (
            DuesBase(
                organisation=b,
                person=p,
                effective_from=first,
                amount=Decimal(ctx.rng.randrange(300000, 1200000)) / 100,
            )
            for b in ctx.branches
            for p in ctx.people[b.pk]
            if p.party_status in MEMBERS
        ),
    )
    payments, covered = [], []
    voluntary: set[int] = set()
    for member in book.build(ctx.bureau, last, cutoff=last, first=first):
        person = member.person
        due = [m for m in member.months if m.due is not None]
        if ctx.rng.random() < 0.05:
            due = due[:-STOPPED]
        for m in due:
            payments.append(
                DuesPayment(
                    organisation_id=person.organisation_id,
                    person=person,
                    paid_on=m.month.replace(day=10),
                    amount=m.due,
                    note="集中收缴",
                )
            )
            covered.append(m)
        july = next((m.month for m in member.months if m.month.month == 7), None)
        if july and person.organisation_id not in voluntary:
            voluntary.add(person.organisation_id)
            payments.append(
                DuesPayment(
                    organisation_id=person.organisation_id,
                    person=person,
                    kind=PaymentKind.VOLUNTARY,
                    paid_on=july,
                    amount=Decimal("200.00"),
                )
            )
            covered.append(None)
    saved = ctx.bulk(DuesPayment, payments, keep=True)
    ctx.bulk(
        DuesPaymentMonth,
        (
            DuesPaymentMonth(
                organisation_id=pay.organisation_id,
                payment=pay,
                person_id=pay.person_id,
                month=m.month,
                due=m.due,
            )
            for pay, m in zip(saved, covered, strict=True)
            if m is not None
        ),
    )
    return sum(ctx.rows[m._meta.db_table] for m in (DuesBase, DuesPayment, DuesPaymentMonth))
