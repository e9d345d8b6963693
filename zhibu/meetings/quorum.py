"""党员大会 quorum and vote thresholds, from the roster as it stood on the meeting's day.

应到会有表决权党员 = full members (预备党员 have no vote) of the meeting's organisation on that
day. A meeting is quorate when more than half of them are present; a motion passes when the
votes in favour exceed half of them (not half of those present). Several meetings are judged
from three queries, however many there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from os.path import commonprefix

from django.db.models import Q
from django.utils.translation import gettext as _

from zhibu.core.models import PartyStatus, PartyStatusChange, Person

from .models import Attendance, Meeting, MeetingVote
from .selectors import local_day

GENERAL = "general_meeting"


@dataclass(frozen=True)
class Quorum:
    eligible: int
    present: int

    @property
    def reached(self) -> bool:
        return self.present * 2 > self.eligible

    @property
    def text(self) -> str:
        verdict = _("超过半数") if self.reached else _("未过半数")
        return _("应到会有表决权党员%(e)d人，实到%(p)d人，%(v)s") % {
            "e": self.eligible,
            "p": self.present,
            "v": verdict,
        }


@dataclass(frozen=True)
class VoteResult:
    vote: MeetingVote
    eligible: int

    @property
    def passed(self) -> bool:
        return self.vote.approve * 2 > self.eligible

    @property
    def text(self) -> str:
        if self.passed:
            return _("赞成%(a)d票，超过应到会有表决权党员%(e)d人的半数，通过") % {
                "a": self.vote.approve,
                "e": self.eligible,
            }
        return _("赞成%(a)d票，未超过应到会有表决权党员%(e)d人的半数，未通过") % {
            "a": self.vote.approve,
            "e": self.eligible,
        }


def voters_by_meeting(meetings: list[Meeting]) -> dict[int, set[int]]:
    """meeting id -> ids of the full members of its organisation's subtree on its day."""
    if not meetings:
        return {}
    # One prefix covering every meeting's subtree (a bureau's 300 branches are one LIKE, not 300
    # ORed): the people of more organisations are harmless, each meeting keeps its own below.
    scope = Q(organisation__path__startswith=commonprefix([m.organisation.path for m in meetings]))
    people = list(Person.objects.filter(scope).values_list("pk", "organisation__path", "left_on"))
    history: dict[int, list[tuple]] = defaultdict(list)
    changes = PartyStatusChange.objects.filter(person__in=Person.objects.filter(scope)).order_by(
        "since", "pk"
    )
    for person_id, status, since in changes.values_list("person_id", "status", "since"):
        history[person_id].append((since, status))
    # People by organisation path: a meeting looks at its own subtree's few dozen, not at every
    # member of a city (300 branches' general meetings × 9,000 people took ten seconds).
    by_path: dict[str, list[tuple]] = defaultdict(list)
    for pk, path, left_on in people:
        by_path[path].append((pk, left_on))
    # each organisation's subtree gathered once: a branch holds a year's dozens of meetings
    subtree: dict[str, list[tuple]] = {}
    result: dict[int, set[int]] = {}
    for meeting in meetings:
        day = local_day(meeting.held_at)
        where = meeting.organisation.path
        if where not in subtree:
            subtree[where] = [
                row for path, group in by_path.items() if path.startswith(where) for row in group
            ]
        result[meeting.pk] = {
            pk
            for pk, left_on in subtree[where]
            if (left_on is None or left_on >= day) and _status_on(history[pk], day) == PartyStatus.FULL
        }
    return result


def _status_on(history: list[tuple], day) -> str | None:
    status = None
    for since, value in history:
        if since > day:
            break
        status = value
    return status


def quorums(meetings: list[Meeting]) -> dict[int, Quorum]:
    voters = voters_by_meeting(meetings)
    present: dict[int, set[int]] = defaultdict(set)
    rows = Attendance.objects.filter(meeting__in=[m.pk for m in meetings], status=Attendance.Status.PRESENT)
    for meeting_id, person_id in rows.values_list("meeting_id", "person_id"):
        present[meeting_id].add(person_id)
    return {
        m.pk: Quorum(eligible=len(voters[m.pk]), present=len(voters[m.pk] & present[m.pk])) for m in meetings
    }


def is_general(meeting: Meeting) -> bool:
    return any(t.code == GENERAL for t in meeting.types.all())


def quorum_of(meeting: Meeting) -> Quorum:
    return quorums([meeting])[meeting.pk]


def vote_results(meeting: Meeting, quorum: Quorum) -> list[VoteResult]:
    return [VoteResult(vote, quorum.eligible) for vote in meeting.votes.all()]
