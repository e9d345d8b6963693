"""The city's 服务 ledger: for every branch and school year, a few campus labour events with
members taking part, a weekly tutoring series a term for two members, one assistance pair with
visits, three liaison classes with a committee member each term and a contact a school month, and
a partner class every few branches. Bulk inserts, randomness from ctx.rng, no audit entries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from zhibu.core.models import PartyStatus
from zhibu.core.periods import Period
from zhibu.core.registries import citygen

from .models import (
    AssistancePair,
    AssistanceVisit,
    ContactKind,
    EventKind,
    Liaison,
    LiaisonClass,
    LiaisonContact,
    Participation,
    PartnerClass,
    PartnerSession,
    TutoringSession,
    VolunteerEvent,
)

LABOUR = [EventKind.PLANTING, EventKind.HARVEST, EventKind.SNOW, EventKind.BUS_COVERS]
CLASSES = ["七年级一班", "八年级一班", "九年级一班"]
SUBJECTS = ["语文", "数学", "英语", "物理"]
MODELS = (
    VolunteerEvent,
    Participation,
    TutoringSession,
    AssistancePair,
    AssistanceVisit,
    LiaisonClass,
    Liaison,
    LiaisonContact,
    PartnerClass,
    PartnerSession,
)


def _terms(ctx) -> list[Period]:
    start = date(ctx.years[0] - 1, 9, 1)
    return [t for t in Period.span(start, ctx.until).terms() if t.start <= ctx.until]


def _weekly(first: date, weeks: int, until: date) -> list[date]:
    return [d for d in (first + timedelta(weeks=w) for w in range(weeks)) if d <= until]


@citygen.register("service", order=45)
def generate(ctx: citygen.CityContext) -> int:
    rng, until = ctx.rng, ctx.until
    terms = _terms(ctx)
    events, people_of, pairs, classes = [], {}, [], []
    tutoring: list[TutoringSession] = []
    for n, branch in enumerate(ctx.branches):
        members = [p for p in ctx.people[branch.pk] if p.party_status == PartyStatus.FULL] or ctx.people[
            branch.pk
        ]
        for term in terms:
            day = term.start + timedelta(days=rng.randrange(20, 100))
            if day <= until:
                event = VolunteerEvent(
                    organisation=branch,
                    kind=rng.choice(LABOUR),
                    title="校园义务劳动",
                    held_on=day,
                    place="校园",
                )
                events.append(event)
                people_of[id(event)] = rng.sample(members, min(5, len(members)))
            for tutor in rng.sample(members, min(2, len(members))):
                subject = rng.choice(SUBJECTS)
                tutoring.extend(
                    TutoringSession(
                        organisation=branch, tutor=tutor, held_on=d, subject=subject, students=3, minutes=45
                    )
                    for d in _weekly(term.start + timedelta(days=14), 16, until)
                )
        pairs.append(
            AssistancePair(
                organisation=branch,
                helper=members[0],
                household=f"困难家庭{n:04d}",
                started_on=terms[0].start,
            )
        )
        classes.extend(LiaisonClass(organisation=branch, name=name) for name in CLASSES)
    ctx.bulk(VolunteerEvent, events)
    ctx.bulk(
        Participation,
        (
            Participation(event=e, organisation_id=e.organisation_id, person=p, hours=Decimal("2"))
            for e in events
            for p in people_of[id(e)]
        ),
    )
    ctx.bulk(TutoringSession, tutoring)
    ctx.bulk(AssistancePair, pairs)
    ctx.bulk(
        AssistanceVisit,
        (
            AssistanceVisit(
                organisation_id=pair.organisation_id,
                pair=pair,
                visited_on=term.start + timedelta(days=100),
                help_given="入户慰问",
                money=Decimal(rng.choice([0, 200, 300])),
            )
            for pair in pairs
            for term in terms
            if term.start + timedelta(days=100) <= until
        ),
    )
    ctx.bulk(LiaisonClass, classes)
    liaisons = []
    for school_class in classes:
        members = [p for p in ctx.people[school_class.organisation_id] if p.party_status == PartyStatus.FULL]
        for term in terms:
            if members:
                liaisons.append(
                    Liaison(
                        organisation_id=school_class.organisation_id,
                        person=rng.choice(members[:3]),
                        school_class=school_class,
                        term_start=term.start,
                    )
                )
    ctx.bulk(Liaison, liaisons)
    ctx.bulk(
        LiaisonContact,
        (
            LiaisonContact(
                organisation_id=li.organisation_id,
                liaison=li,
                contacted_on=m.start.replace(day=12),
                kind=ContactKind.HEAD_TEACHER,
                content="与班主任交流",
            )
            for li in liaisons
            for m in Period.term_of(li.term_start).months()
            if m.start.month not in (2, 8) and m.start.replace(day=12) <= until and rng.random() < 0.9
        ),
    )
    partners = ctx.bulk(
        PartnerClass,
        (
            PartnerClass(
                organisation=b, name="阳光协作班", partner_school="协作学校", opened_on=terms[-1].start
            )
            for b in ctx.branches[::5]
        ),
        keep=True,
    )
    ctx.bulk(
        PartnerSession,
        (
            PartnerSession(
                organisation_id=p.organisation_id,
                partner=p,
                held_on=p.opened_on + timedelta(days=d),
                content="协作活动",
            )
            for p in partners
            for d in (20, 50)
            if p.opened_on + timedelta(days=d) <= until
        ),
    )
    return sum(ctx.rows[m._meta.db_table] for m in MODELS)
