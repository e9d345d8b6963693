"""The city's voice ledger: per branch and year, one consultation in March asking its members,
half of them answering, and a suggestion from each answer — most handled in time, one in ten
answered late and one in ten still waiting. Bulk-inserted without audit entries."""

from __future__ import annotations

from datetime import date, timedelta

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .models import Answer, Consultation, Status, Suggestion

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
DAYS = 30


@citygen.register("voice", order=48)
def generate(ctx: citygen.CityContext) -> int:
    rng = ctx.rng
    wanted = [(b, y) for b in ctx.branches for y in ctx.years if date(y, 4, 30) <= ctx.until]
    consultations = ctx.bulk(
        Consultation,
        (
            Consultation(
                organisation=b,
                title="年度工作计划（征求意见稿）",
                question="请对本年度支部工作计划提出意见建议。",
                opens_on=date(y, 3, 1),
                closes_on=date(y, 3, 20),
            )
            for b, y in wanted
        ),
        keep=True,
    )
    through = Consultation.asked.through
    answers, suggestions, asked = [], [], []
    for c in consultations:
        members = [p for p in ctx.people[c.organisation_id] if p.party_status in MEMBERS]
        for p in members:
            asked.append(through(consultation_id=c.pk, person_id=p.pk))
            if rng.random() >= 0.5:
                continue
            day = c.opens_on + timedelta(days=rng.randrange(19))
            answers.append(
                Answer(
                    organisation_id=c.organisation_id,
                    consultation=c,
                    person=p,
                    text="建议加强教研。",
                    answered_on=day,
                )
            )
            roll = rng.random()
            status = Status.IN_PROGRESS if roll < 0.1 else rng.choice((Status.ADOPTED, Status.PARTLY))
            late = 0.1 <= roll < 0.2
            suggestions.append(
                Suggestion(
                    organisation_id=c.organisation_id,
                    consultation=c,
                    received_on=day,
                    author=p,
                    topic="教研",
                    content="建议加强教研。",
                    status=status,
                    response="" if status == Status.IN_PROGRESS else "已研究落实。",
                    responder=None if status == Status.IN_PROGRESS else members[0],
                    answered_on=None
                    if status == Status.IN_PROGRESS
                    else day + timedelta(days=45 if late else 10),
                    due_on=day + timedelta(days=DAYS),
                )
            )
    ctx.bulk(through, asked)
    ctx.bulk(Answer, answers)
    ctx.bulk(Suggestion, suggestions)
    return sum(ctx.rows[m._meta.db_table] for m in (Consultation, Answer, Suggestion))
