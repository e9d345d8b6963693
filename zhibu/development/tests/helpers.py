"""Set-up for development tests: a person walked through the pipeline by the real service, up to
a step, on dates that keep every interval of the 2014 rules."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from zhibu.core.tests.factories import PersonFactory
from zhibu.development.models import Step
from zhibu.development.services.steps import step_record
from zhibu.meetings.tests.factories import MeetingFactory, MeetingVoteFactory

# step -> its day in the walk (activist + 1 year → candidate; admission + 1 year → 转正)
DAYS = {
    Step.APPLICATION: date(2021, 3, 1),
    Step.TALK: date(2021, 3, 20),
    Step.ACTIVIST: date(2021, 5, 10),
    Step.CANDIDATE: date(2022, 5, 10),
    Step.POLITICAL_CHECK: date(2022, 6, 1),
    Step.TRAINING: date(2022, 6, 15),
    Step.COMMITTEE_REVIEW: date(2022, 7, 1),
    Step.PRE_APPROVAL: date(2022, 7, 20),
    Step.ADMISSION: date(2022, 9, 7),
    Step.APPROVAL: date(2022, 10, 20),
    Step.OATH: date(2022, 11, 1),
    Step.CONFIRMATION: date(2023, 9, 7),
}
WALK = [s for s in DAYS]


def applicant(world, name: str = "郑浩"):
    return PersonFactory(organisation=world.branch, name=name, party_status="none", gender="M")


def admission_vote(world, day: date, approve: int = 3):
    """A 支部党员大会 on `day` with the branch's three full members present, and its vote."""
    people = [world.people[p] for p in ("secretary", "committee", "member")]
    held_at = timezone.make_aware(datetime(day.year, day.month, day.day, 15, 30))
    meeting = MeetingFactory(organisation=world.branch, held_at=held_at, attendees=people)
    return MeetingVoteFactory(
        meeting=meeting, organisation=world.branch, subject="接收郑浩为预备党员", approve=approve
    )


def extra_for(world, step: str, day: date) -> dict:
    if step == Step.ACTIVIST:
        return {"sponsors": [world.people["secretary"], world.people["committee"]]}
    if step == Step.ADMISSION:
        return {
            "sponsors": [world.people["secretary"], world.people["member"]],
            "vote": admission_vote(world, day),
        }
    if step == Step.TRAINING:
        return {"training_days": 3}
    return {}


def walk(world, person, until: str, *, actor=None):
    """Record every step of the walk up to and including `until` through the service."""
    actor = actor or world.secretary
    for step in WALK:
        day = DAYS[step]
        step_record(
            actor=actor, person=person, step=step, day=day, evidence="记录存档", **extra_for(world, step, day)
        )
        person.refresh_from_db()
        if step == until:
            return person
    return person
