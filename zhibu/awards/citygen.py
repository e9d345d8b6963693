"""The city's 评先评优: each year every branch runs its 庆“七一” selection (优秀共产党员 and 先进个人,
a few nominees each), its members vote and the result is published on July 1st. Bulk-inserted
without audit entries; randomness from ctx.rng only."""

from __future__ import annotations

from datetime import date

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .models import AwardKind, Ballot, BallotChoice, Campaign, Nomination, Scope, Source, VoterMark

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
KINDS = [
    ("优秀共产党员", 4, "excellent_member", "校级优秀共产党员"),
    ("包教工作先进个人", 2, "advanced_person", "包教工作先进个人"),
]


@citygen.register("awards", order=50)
def generate(ctx: citygen.CityContext) -> int:
    rng = ctx.rng
    campaigns = ctx.bulk(
        Campaign,
        (
            Campaign(
                organisation=b,
                title=f"{y}年庆“七一”评先评优",
                year=y,
                scope=Scope.BRANCH,
                opens_on=date(y, 6, 20),
                closes_on=date(y, 6, 27),
                published_on=date(y, 7, 1),
            )
            for b in ctx.branches
            for y in ctx.years
            if date(y, 7, 1) <= ctx.until
        ),
        keep=True,
    )
    kinds = ctx.bulk(
        AwardKind,
        (
            AwardKind(
                campaign=c,
                organisation_id=c.organisation_id,
                name=name,
                quota=quota,
                honour_kind=honour,
                honour_title=title,
                order=n,
            )  # fmt: skip
            for c in campaigns
            for n, (name, quota, honour, title) in enumerate(KINDS)
        ),
        keep=True,
    )
    nominations = []
    for kind in kinds:
        members = [p for p in ctx.people[kind.organisation_id] if p.party_status in MEMBERS]
        picked = rng.sample(members, min(len(members), kind.quota + 2))
        nominations += [
            Nomination(
                campaign=kind.campaign,
                kind=kind,
                organisation_id=kind.organisation_id,
                person=p,
                source=Source.COMMITTEE,
                won=n < kind.quota,
            )  # fmt: skip
            for n, p in enumerate(picked)
        ]
    nominations = ctx.bulk(Nomination, nominations, keep=True)
    by_campaign: dict[int, list[Nomination]] = {}
    for n in nominations:
        by_campaign.setdefault(n.campaign_id, []).append(n)
    marks, ballots, choices = [], [], []
    for c in campaigns:
        for voter in (p for p in ctx.people[c.organisation_id] if p.party_status in MEMBERS):
            marks.append(VoterMark(campaign=c, organisation_id=c.organisation_id, person=voter))
            ballot = Ballot(campaign=c, organisation_id=c.organisation_id)
            ballots.append(ballot)
            for n in by_campaign.get(c.pk, []):
                if rng.random() < (0.8 if n.won else 0.3):
                    choices.append(
                        BallotChoice(ballot=ballot, nomination=n, organisation_id=c.organisation_id)
                    )
    rng.shuffle(ballots)  # the box holds no order of voting
    ctx.bulk(VoterMark, marks)
    ctx.bulk(Ballot, ballots)
    ctx.bulk(BallotChoice, choices)
    return sum(
        ctx.rows[t]
        for t in (
            "awards_campaign",
            "awards_awardkind",
            "awards_nomination",
            "awards_votermark",
            "awards_ballot",
            "awards_ballotchoice",
        )
    )
