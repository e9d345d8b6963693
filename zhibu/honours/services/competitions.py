"""Lesson competitions (示范课/优质课评比, 学案评比): a round with its participants, then each
participant's entry, result and award."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.models import Organisation, Person

from ..audit_actions import HonoursAction
from ..models import Award, CompetitionKind, CompetitionRound, Participant
from .common import choice, not_future, optional_text, person_in, required_text


def _round_fields(*, title: str, kind: str, held_on: date | None, organiser: str, note: str) -> dict:
    return {
        "title": required_text(title, "title", _("评比名称"), 100),
        "kind": choice(kind, CompetitionKind, "kind", _("评比类别")),
        "held_on": not_future(held_on, "held_on", _("评比日期")),
        "organiser": optional_text(organiser, "organiser", _("主办"), 100),
        "note": (note or "").strip(),
    }


def _clean_people(org: Organisation, people: Iterable[Person]) -> list[Person]:
    chosen = list(people)
    for person in chosen:
        person_in(org, person, "participants")
    return chosen


def _set_participants(round_: CompetitionRound, people: list[Person]) -> list[int]:
    """The ticks say who took part: unticked entrants go (with their result), new ones come."""
    wanted = {p.pk for p in people}
    round_.participants.exclude(person_id__in=wanted).delete()
    have = set(round_.participants.values_list("person_id", flat=True))
    Participant.objects.bulk_create(
        Participant(round=round_, organisation=round_.organisation, person=p)
        for p in people
        if p.pk not in have
    )
    return sorted(wanted)


@writes.service
def round_create(
    *,
    actor,
    organisation: Organisation,
    title: str,
    kind: str,
    held_on: date | None,
    organiser: str = "",
    note: str = "",
    participants: Iterable[Person] = (),
) -> CompetitionRound:
    policy.require(actor, "honours.edit", organisation)
    fields = _round_fields(title=title, kind=kind, held_on=held_on, organiser=organiser, note=note)
    people = _clean_people(organisation, participants)
    round_ = CompetitionRound(organisation=organisation, **fields)
    # The entrants are part of what the creation's audit entry records.
    extra = {"participants": sorted(p.pk for p in people)}
    writes.model_create(round_, actor=actor, action=HonoursAction.ROUND_CREATED, extra=extra)
    _set_participants(round_, people)
    return round_


@writes.service
def round_update(
    *,
    actor,
    competition: CompetitionRound,
    version: int | None,
    title: str,
    kind: str,
    held_on: date | None,
    organiser: str = "",
    note: str = "",
    participants: Iterable[Person] | None = None,
) -> CompetitionRound:
    policy.require(actor, "honours.edit", competition)
    fields = _round_fields(title=title, kind=kind, held_on=held_on, organiser=organiser, note=note)
    people = _clean_people(competition.organisation, participants) if participants is not None else None
    before = sorted(competition.participants.values_list("person_id", flat=True))
    after = _set_participants(competition, people) if people is not None else before
    return writes.model_update(
        competition,
        actor=actor,
        action=HonoursAction.ROUND_UPDATED,
        version=version,
        fields=fields,
        extra_before={"participants": before},
        extra_after={"participants": after},
    )


@writes.service
def participant_update(
    *, actor, participant: Participant, entry: str, result: str, award: str
) -> Participant:
    """The lesson or 学案 entered, the judges' result and the award."""
    policy.require(actor, "honours.edit", participant)
    if award not in Award.values:
        raise ValidationError({"award": _("请选择获奖等次")})
    fields = {
        "entry": optional_text(entry, "entry", _("参赛课题或学案"), 200),
        "result": optional_text(result, "result", _("评比结果"), 200),
        "award": award,
    }
    return writes.model_change(
        participant, actor=actor, action=HonoursAction.PARTICIPANT_UPDATED, fields=fields
    )
