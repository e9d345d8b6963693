"""The city's elections: every branch's committee term (the people generator's) is recorded as
elected, with votes; one branch in five held a by-election in March of the first year, electing one
more 委员. Bulk-inserted without audit entries (see core/registries/citygen.py); randomness from
ctx.rng only, so a seed gives the same rows."""

from __future__ import annotations

from datetime import date

from zhibu.core.models import PartyStatus, Post, PostHolding
from zhibu.core.registries import citygen
from zhibu.people import selectors as people_selectors

from .models import Election, Kind, Result

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)


@citygen.register("elections", order=15)
def generate(ctx: citygen.CityContext) -> int:
    rng = ctx.rng
    started = date(ctx.years[0] - 1, 9, 1)
    ids = [b.pk for b in ctx.branches]
    holdings: dict[int, list[PostHolding]] = {}
    for holding in people_selectors.committees_on(ids, started).select_related("term").order_by("pk"):
        holdings.setdefault(holding.organisation_id, []).append(holding)
    ballots = {b.pk: sum(1 for p in ctx.people[b.pk] if p.party_status in MEMBERS) for b in ctx.branches}
    elected = [b for b in ctx.branches if holdings.get(b.pk)]
    elections = ctx.bulk(
        Election,
        (
            Election(
                organisation=b,
                kind=Kind.REGULAR,
                held_on=started,
                term=holdings[b.pk][0].term,
                term_years=3,
                presided_by=holdings[b.pk][0].person,
                ballots_cast=ballots[b.pk],
                reason="支部党员大会换届选举",
            )
            for b in elected
        ),
        keep=True,
    )
    results = [
        Result(
            election=e,
            organisation_id=e.organisation_id,
            person=h.person,
            post=h.post,
            votes=max(ballots[e.organisation_id] - rng.randrange(3), ballots[e.organisation_id] // 2 + 1),
            holding=h,
        )
        for e in elections
        for h in holdings[e.organisation_id]
    ]
    by_day = date(ctx.years[0], 3, 16)
    if by_day <= ctx.until:
        results.extend(_by_elections(ctx, elections, holdings, ballots, by_day))
    ctx.bulk(Result, results)
    return ctx.rows["elections_election"] + ctx.rows["elections_result"]


def _by_elections(ctx, elections, holdings, ballots, day) -> list[Result]:
    chosen = []
    for e in elections:
        org_id = e.organisation_id
        sitting = {h.person_id for h in holdings[org_id]}
        free = [p for p in ctx.people[org_id] if p.party_status == PartyStatus.FULL and p.pk not in sitting]
        if free and ctx.rng.random() < 0.2:
            chosen.append((e, ctx.rng.choice(free)))
    if not chosen:
        return []
    by = ctx.bulk(
        Election,
        (
            Election(
                organisation_id=e.organisation_id,
                kind=Kind.BY_ELECTION,
                held_on=day,
                term=e.term,
                term_years=3,
                presided_by=e.presided_by,
                ballots_cast=ballots[e.organisation_id],
                reason="委员调离，补选一名支部委员",
            )
            for e, _person in chosen
        ),
        keep=True,
    )
    new = ctx.bulk(
        PostHolding,
        (
            PostHolding(
                term=e.term,
                organisation_id=e.organisation_id,
                person=person,
                post=Post.MEMBER,
                started_on=day,
                by_election=True,
            )
            for e, person in chosen
        ),
        keep=True,
    )
    return [
        Result(
            election=b,
            organisation_id=b.organisation_id,
            person=h.person,
            post=Post.MEMBER,
            votes=b.ballots_cast - 1,
            holding=h,
        )
        for b, h in zip(by, new, strict=True)
    ]
