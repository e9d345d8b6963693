"""The city's pledges ledger: each school year every branch makes a pledge with three items (each
carried by a member), about half its members pledge two items each, and the secretary closes most
items around their deadline (some late, about one in five never) — one 销号 row per closed item.
Bulk-inserted without audit entries (see core/registries/citygen.py); randomness from ctx.rng."""

from __future__ import annotations

from datetime import date, timedelta

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .models import ClosingKind, ItemClosing, Pledge, PledgeItem, Scope

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
BRANCH_ITEMS = [
    "坚持“三会一课”，每月召开一次支委会",
    "每学期组织一次党员示范课评比",
    "走访慰问困难教职工20人次以上",
]
MEMBER_ITEMS = [("上好一节党员示范课", 4, 30), ("包教一名学困生", 6, 30)]


@citygen.register("pledges", order=50)
def generate(ctx: citygen.CityContext) -> int:
    plans = []  # (pledge, [(content, due, responsible)])
    for b in ctx.branches:
        secretary = ctx.secretaries.get(b.pk)
        verifier_id = secretary.person_id if secretary else None
        members = [p for p in ctx.people[b.pk] if p.party_status in MEMBERS and p.pk != verifier_id]
        for y in ctx.years:
            starts = date(y - 1, 9, 10)
            if starts > ctx.until or not members:
                continue
            pledge = Pledge(
                organisation=b,
                scope=Scope.BRANCH,
                title=f"{y - 1}—{y}学年党支部公开承诺",
                starts_on=starts,
                ends_on=date(y, 7, 15),
            )
            plans.append((pledge, [(c, date(y, 6, 30), ctx.rng.choice(members)) for c in BRANCH_ITEMS]))
            for person in (p for p in members if ctx.rng.random() < 0.5):
                pledge = Pledge(
                    organisation=b,
                    scope=Scope.MEMBER,
                    person=person,
                    identity="中共党员",
                    title=f"{y - 1}—{y}学年党员公开承诺",
                    starts_on=starts,
                    ends_on=date(y, 7, 10),
                )
                plans.append((pledge, [(c, date(y, m, d), None) for c, m, d in MEMBER_ITEMS]))
    ctx.bulk(Pledge, (p for p, _rows in plans))
    items = ctx.bulk(PledgeItem, (i for p, rows in plans for i in _items(ctx, p, rows)), keep=True)
    ctx.bulk(
        ItemClosing,
        (
            ItemClosing(
                organisation_id=i.organisation_id,
                item=i,
                kind=ClosingKind.CLOSED,
                day=i.closed_on,
                verifier_id=i.verifier_id,
                evidence="已完成",
            )
            for i in items
            if i.closed_on
        ),
    )
    return sum(ctx.rows[m._meta.db_table] for m in (Pledge, PledgeItem, ItemClosing))


def _items(ctx: citygen.CityContext, pledge: Pledge, rows) -> list[PledgeItem]:
    secretary = ctx.secretaries.get(pledge.organisation_id)
    made = []
    for content, due, responsible in rows:
        closed = due + timedelta(days=ctx.rng.randrange(-20, 10))
        keep_open = secretary is None or ctx.rng.random() < 0.2 or closed > ctx.until
        made.append(
            PledgeItem(
                organisation_id=pledge.organisation_id,
                pledge=pledge,
                content=content,
                due_on=due,
                responsible=responsible,
                closed_on=None if keep_open else max(closed, pledge.starts_on),
                verifier_id=None if keep_open else secretary.person_id,
            )
        )
    return made
