"""The city's honours ledger: each year every branch runs a 示范课/优质课 round each term and a
学案评比 in May, with most members and a few teachers entered and some awarded, and gathers a few
honours at school, bureau and city level. Bulk-inserted without audit entries (see
core/registries/citygen.py); randomness from ctx.rng only, so a seed gives the same rows."""

from __future__ import annotations

from datetime import date

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .models import (
    Award,
    CompetitionKind,
    CompetitionRound,
    Honour,
    HonourKind,
    Level,
    Participant,
    Recipient,
)

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
ROUNDS = [  # (month, day, kind, title)
    (4, 19, CompetitionKind.LESSON, "党员优质课评比"),
    (5, 24, CompetitionKind.STUDY_PLAN, "党员教师学案评比"),
    (11, 16, CompetitionKind.LESSON, "党员示范课评比"),
]
AWARDS = [Award.FIRST, Award.SECOND, Award.THIRD, Award.EXCELLENT]
UNIT_HONOURS = [  # (month, day, title, kind, level, issuer, recipient)
    (1, 12, "先进单位", HonourKind.ADVANCED_UNIT, Level.BUREAU, "教育体育局", Recipient.SCHOOL),
    (6, 28, "局先进党支部", HonourKind.ADVANCED_BRANCH, Level.BUREAU, "教育体育局党委", Recipient.BRANCH),
    (11, 25, "教育系统优秀网站", HonourKind.EXCELLENT_WEBSITE, Level.CITY, "市教育局", Recipient.SCHOOL),
]
PERSON_HONOURS = [
    (7, 1, "校级优秀共产党员", HonourKind.EXCELLENT_MEMBER, Level.SCHOOL, "党支部"),
    (6, 28, "局优秀共产党员", HonourKind.EXCELLENT_MEMBER, Level.BUREAU, "教育体育局党委"),
    (12, 8, "教育教学论文评比二等奖", HonourKind.PAPER, Level.BUREAU, "教育体育局"),
]


@citygen.register("honours", order=45)
def generate(ctx: citygen.CityContext) -> int:
    rng, until = ctx.rng, ctx.until
    rounds = ctx.bulk(
        CompetitionRound,
        (
            CompetitionRound(
                organisation=b,
                title=f"{y}年{title}",
                kind=kind,
                held_on=date(y, m, d),
                organiser="党支部、教务处",
            )
            for b in ctx.branches
            for y in ctx.years
            for m, d, kind, title in ROUNDS
            if date(y, m, d) <= until
        ),
        keep=True,
    )
    ctx.bulk(Participant, (p for r in rounds for p in _entrants(ctx, r)))
    ctx.bulk(
        Honour,
        (
            h
            for b in ctx.branches
            for y in ctx.years
            for h in _honours(ctx, b, y)
            if h.awarded_on <= until and rng.random() < 0.7
        ),
    )
    return sum(ctx.rows[t] for t in ("honours_competitionround", "honours_participant", "honours_honour"))


def _entrants(ctx: citygen.CityContext, r: CompetitionRound) -> list[Participant]:
    """About four members in five, and two teachers who are not members; one in four awarded."""
    people = ctx.people[r.organisation_id]
    members = [p for p in people if p.party_status in MEMBERS and not p.is_retired]
    teachers = [p for p in people if p.party_status not in MEMBERS and p.is_staff_member][:2]
    chosen = [p for p in members if ctx.rng.random() < 0.8] + teachers
    return [
        Participant(
            round=r,
            organisation_id=r.organisation_id,
            person=p,
            award=ctx.rng.choice(AWARDS) if ctx.rng.random() < 0.25 else Award.NONE,
        )
        for p in chosen
    ]


def _honours(ctx: citygen.CityContext, branch, year: int) -> list[Honour]:
    rows = [
        Honour(
            organisation=branch,
            title=title,
            kind=kind,
            level=level,
            issuer=issuer,
            awarded_on=date(year, m, d),
            recipient=recipient,
        )
        for m, d, title, kind, level, issuer, recipient in UNIT_HONOURS
    ]
    members = [p for p in ctx.people[branch.pk] if p.party_status in MEMBERS] or ctx.people[branch.pk]
    for m, d, title, kind, level, issuer in PERSON_HONOURS:
        rows.append(
            Honour(
                organisation=branch,
                title=title,
                kind=kind,
                level=level,
                issuer=issuer,
                awarded_on=date(year, m, d),
                recipient=Recipient.PERSON,
                person=ctx.rng.choice(members),
            )
        )
    return rows
