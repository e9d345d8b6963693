"""The city's care ledger: per branch and year, holiday visits to its retirees and hardship staff,
a few hospital visits and student families, the office's monthly call to every retiree (about one
in fifty missed), and one donation drive with gifts from most staff and an outside gift raised by
a member's appeal. Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhibu.core.models import PartyStatus
from zhibu.core.periods import Period
from zhibu.core.registries import citygen

from .models import CareVisit, Donation, DonationDrive, RetireeCall, VisitCategory

C = VisitCategory
HOSPITAL = [(3, C.SICK_STAFF), (5, C.SICK_FAMILY), (11, C.SICK_STAFF)]
STUDENT_FAMILIES = [(6, "学生家庭（甲）"), (12, "学生家庭（乙）")]
MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)


@citygen.register("care", order=35)
def generate(ctx: citygen.CityContext) -> int:
    rng, until = ctx.rng, ctx.until
    visits = []
    for b in ctx.branches:
        people = ctx.people[b.pk]
        retirees = [p for p in people if p.is_retired]
        serving = [p for p in people if not p.is_retired]
        for y in ctx.years:
            festival = date(y, 1, 20)
            for p in retirees + serving[:2]:
                category = C.RETIRED if p.is_retired else C.HARDSHIP_STAFF
                visits.append(_visit(b, festival, category, person=p, money="500.00", goods="米、面、油"))
            for month, category in HOSPITAL:
                person = rng.choice(serving) if category == C.SICK_STAFF and serving else None
                name = "" if person else "教职工家属（住院）"
                day = date(y, month, 1 + rng.randrange(27))
                visits.append(
                    _visit(b, day, category, person=person, name=name, money="300.00", goods="水果")
                )
            for month, name in STUDENT_FAMILIES:
                visits.append(_visit(b, date(y, month, 15), C.STUDENT_FAMILY, name=name, goods="学习用品"))
    visits = [v for v in visits if v.visited_on <= until]
    ctx.bulk(CareVisit, visits)
    _calls(ctx)
    _donations(ctx)
    return sum(ctx.rows[m._meta.db_table] for m in (CareVisit, RetireeCall, DonationDrive, Donation))


def _visit(org, day, category, *, person=None, name="", money="0.00", goods="") -> CareVisit:
    return CareVisit(
        organisation=org,
        category=category,
        visited_on=day,
        person=person,
        visited_name=name,
        goods=goods,
        money=Decimal(money),
    )


def _calls(ctx) -> None:
    first = date(ctx.years[0], 1, 1)
    months = [m for m in Period.span(first, ctx.until).months() if m.start.replace(day=8) <= ctx.until]
    ctx.bulk(
        RetireeCall,
        (
            RetireeCall(
                organisation=b,
                month=m.start,
                retiree=p,
                called_on=m.start.replace(day=1 + ctx.rng.randrange(7)),
                raised="身体尚好",
            )
            for b in ctx.branches
            for p in ctx.people[b.pk]
            if p.is_retired
            for m in months
            if ctx.rng.random() > 0.02
        ),
    )


def _donations(ctx) -> None:
    drives = [
        DonationDrive(
            organisation=b,
            purpose="为患病教职工献爱心捐款",
            beneficiary="患病教职工",
            started_on=date(y, 11, 10),
        )
        for b in ctx.branches
        for y in ctx.years
        if date(y, 11, 30) <= ctx.until
    ]
    ctx.bulk(DonationDrive, drives, keep=True)
    gifts = []
    for d in drives:
        org_id = d.organisation_id
        people = [p for p in ctx.people[org_id] if not p.is_retired]
        for p in people:
            if ctx.rng.random() < 0.85:
                amount = Decimal(ctx.rng.choice(("50", "100", "200")))
                gifts.append(
                    Donation(organisation_id=org_id, drive=d, donor=p, given_on=d.started_on, amount=amount)
                )
        appeal = next((p for p in people if p.party_status in MEMBERS), None)
        day = date(d.started_on.year, 11, 25)
        outside = Decimal("5000.00")
        gifts.append(
            Donation(
                organisation_id=org_id,
                drive=d,
                donor_name="社会爱心人士",
                appeal_by=appeal,
                given_on=day,
                amount=outside,
            )
        )
    ctx.bulk(Donation, gifts)
