"""The city's development ledger: for every applicant and activist the roster generator made, the
steps that brought them there — an application, the talk within the month, the 确定为积极分子 with
two full members as contacts (on the date of the roster's status history) and a 考察 every five
months since; one activist in five has let the last 考察 lapse, so the rule has something to say.
Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date, timedelta

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen
from zhibu.people import selectors as people_selectors

from .intervals import add_months
from .models import DevelopmentStep, Step

EVIDENCE = "登记存档。"


@citygen.register("development", order=15)
def generate(ctx: citygen.CityContext) -> int:
    wanted = (PartyStatus.APPLICANT, PartyStatus.ACTIVIST)
    people = [p for b in ctx.branches for p in ctx.people[b.pk] if p.party_status in wanted]
    since = {
        change.person_id: change.since
        for status in wanted
        for change in people_selectors.status_changes(ctx.bureau, status, date(1900, 1, 1), ctx.until)
        .select_related(None)
        .only("person_id", "since")
    }
    steps, contacts = [], []
    for person in people:
        day = since.get(person.pk)
        if day is None:
            continue
        full = [p for p in ctx.people[person.organisation_id] if p.party_status == PartyStatus.FULL]
        if person.party_status == PartyStatus.APPLICANT:
            steps.append(_step(person, Step.APPLICATION, day))
            if day + timedelta(days=20) <= ctx.until:
                steps.append(_step(person, Step.TALK, day + timedelta(days=20)))
            continue
        applied = add_months(day, -8)
        steps += [
            _step(person, Step.APPLICATION, applied),
            _step(person, Step.TALK, applied + timedelta(days=15)),
        ]
        activist = _step(person, Step.ACTIVIST, day)
        steps.append(activist)
        contacts.append((activist, full[:2]))
        lapse = ctx.rng.random() < 0.2
        review = add_months(day, 5)
        while review <= ctx.until and not (lapse and add_months(review, 5) > ctx.until):
            steps.append(_step(person, Step.REVIEW, review))
            review = add_months(review, 5)
    ctx.bulk(DevelopmentStep, steps, keep=True)
    through = DevelopmentStep.sponsors.through
    ctx.bulk(
        through,
        (through(developmentstep_id=s.pk, person_id=p.pk) for s, people in contacts for p in people),
    )
    return ctx.rows[DevelopmentStep._meta.db_table]


def _step(person, step: str, day) -> DevelopmentStep:
    return DevelopmentStep(
        organisation_id=person.organisation_id, person=person, step=step, day=day, evidence=EVIDENCE
    )
