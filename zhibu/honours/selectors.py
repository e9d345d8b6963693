"""Reads of the honours ledger. Views start from the user's scope (`*_visible`, `*_get`); figures
and sections start from an organisation (`*_of`). Members' participation is judged in a fixed
number of queries over any subtree (people.selectors.member_ids_on_each)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from zhibu.core import memo
from zhibu.core.models import Organisation, Person
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import CompetitionRound, Honour, Level, Participant

LEVEL_ORDER = {value: index for index, value in enumerate(Level.values)}


# -- honours -------------------------------------------------------------------------------------
def honour_list(
    org: Organisation,
    *,
    text: str = "",
    person: int | None = None,
    level: str = "",
    period: Period | None = None,
) -> QuerySet[Honour]:
    qs = Honour.objects.filter(organisation__in=org.subtree()).select_related("person")
    if period is not None:
        qs = qs.filter(awarded_on__range=(period.start, period.end))
    if text:
        qs = qs.filter(
            Q(title__icontains=text)
            | Q(issuer__icontains=text)
            | Q(occasion__icontains=text)
            | Q(note__icontains=text)
            | Q(person__name__icontains=text)
        )
    if person:
        qs = qs.filter(person_id=person)
    if level in Level.values:
        qs = qs.filter(level=level)
    return qs.order_by("-awarded_on", "-pk")


def honour_get(user, pk: int, perm: str = "honours.view") -> Honour:
    return get_permitted(user, Honour.objects.select_related("person", "organisation"), pk, perm)


def honours_of(org: Organisation, period: Period, *, level: str = "", kind: str = "") -> QuerySet[Honour]:
    qs = Honour.objects.filter(
        organisation__in=org.subtree(), awarded_on__range=(period.start, period.end)
    ).select_related("person")
    if level:
        qs = qs.filter(level=level)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("awarded_on", "pk")


def holders_of(org: Organisation, title: str, awarded_on: date) -> set[tuple[int, int | None]]:
    """(organisation id, person id) of who already holds honour `title` of that day under org: a
    result published later does not record an honour twice."""
    return set(
        Honour.objects.filter(organisation__in=org.subtree(), title=title, awarded_on=awarded_on).values_list(
            "organisation_id", "person_id"
        )
    )


def member_ids_on(org: Organisation, day: date) -> set[int]:
    """Who of org's subtree was a party member on `day` (a member's honour reads "党员刘晓筱")."""
    return set(people_selectors.members_on(org, day).values_list("pk", flat=True))


# -- people who may take part or be honoured -------------------------------------------------------
def person_choices(org: Organisation) -> QuerySet[Person]:
    """The branch's members and staff who have not left (a teacher need not be a member)."""
    return (
        people_selectors.people_of(org)
        .filter(Q(party_status__in=MEMBER_STATUSES) | Q(is_staff_member=True))
        .exclude(left_on__lt=timezone.localdate())
        .order_by("name_pinyin", "pk")
    )


# -- competition rounds --------------------------------------------------------------------------
def round_list(
    org: Organisation,
    *,
    text: str = "",
    person: int | None = None,
    kind: str = "",
    period: Period | None = None,
) -> QuerySet[CompetitionRound]:
    qs = CompetitionRound.objects.filter(organisation__in=org.subtree())
    if period is not None:
        qs = qs.filter(held_on__range=(period.start, period.end))
    if text:
        qs = qs.filter(
            Q(title__icontains=text)
            | Q(organiser__icontains=text)
            | Q(participants__entry__icontains=text)
            | Q(participants__person__name__icontains=text)
        )
    if person:
        qs = qs.filter(participants__person_id=person)
    if kind:
        qs = qs.filter(kind=kind)
    # One subquery-free GROUP BY: the counts shown per row come with the page, not a query a row.
    ids = qs.values("pk")
    return (
        CompetitionRound.objects.filter(pk__in=ids)
        .annotate(
            entrants=Count("participants", distinct=True),
            awarded=Count("participants", filter=~Q(participants__award=""), distinct=True),
        )
        .order_by("-held_on", "-pk")
    )


def round_get(user, pk: int, perm: str = "honours.view") -> CompetitionRound:
    return get_permitted(user, CompetitionRound.objects.select_related("organisation"), pk, perm)


def participants_of(round_: CompetitionRound) -> list[Participant]:
    """按姓氏笔画, as official name lists are ordered."""
    return list(round_.participants.select_related("person").order_by("person__name_strokes", "pk"))


def participant_ids(round_: CompetitionRound) -> list[int]:
    return list(round_.participants.values_list("person_id", flat=True))


def participant_get(user, pk: int, perm: str = "honours.edit") -> Participant:
    return get_permitted(user, Participant.objects.select_related("round", "person"), pk, perm)


def rounds_of(org: Organisation, period: Period, *, kind: str = "") -> QuerySet[CompetitionRound]:
    qs = CompetitionRound.objects.filter(
        organisation__in=org.subtree(), held_on__range=(period.start, period.end)
    )
    return (qs.filter(kind=kind) if kind else qs).order_by("held_on", "pk")


@dataclass(frozen=True)
class Entry:
    participant_id: int
    person_id: int
    awarded: bool


@dataclass(frozen=True)
class MemberTakeUp:
    """Members' part in the rounds of a period: the entries of those who were members on the
    round's day, and `expected` = Σ over rounds of the serving members of the round's branch then."""

    entries: list[Entry]
    expected: int


@memo.shared
def member_take_up(org: Organisation, period: Period, *, kind: str = "") -> MemberTakeUp:
    """Three queries whatever the subtree: the rounds, their entries, and the members on each
    round's day (people and their dated history, read once)."""
    rounds = list(
        rounds_of(org, period, kind=kind).values_list(
            "pk", "held_on", "organisation_id", "organisation__code"
        )
    )
    if not rounds:
        return MemberTakeUp([], 0)
    branches = {oid: Organisation(pk=oid, code=code) for _pk, _day, oid, code in rounds}
    wanted = [(branches[oid], day) for _pk, day, oid, _code in rounds]
    members = people_selectors.member_ids_on_each(org, wanted, is_retired=False)
    ids = {key: set(people) for key, people in members.items()}
    where = {pk: (oid, day) for pk, day, oid, _code in rounds}
    entries = [
        Entry(pid, person_id, bool(award))
        for pid, round_id, person_id, award in Participant.objects.filter(
            round_id__in=list(where)
        ).values_list("pk", "round_id", "person_id", "award")
        if person_id in ids[where[round_id]]
    ]
    expected = sum(len(ids[(oid, day)]) for _pk, day, oid, _code in rounds)
    return MemberTakeUp(entries, expected)


def participants_by_pk(ids) -> QuerySet[Participant]:
    return (
        Participant.objects.filter(pk__in=list(ids))
        .select_related("round", "person")
        .order_by("round__held_on", "pk")
    )
