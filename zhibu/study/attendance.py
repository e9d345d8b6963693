"""Reads of who attended standalone study sessions: the sheet a secretary fills in, and the
person-times present, members and non-member staff apart."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zhibu.core.models import Organisation
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.periods import Period
from zhibu.people import selectors as people_selectors

from .models import StudyAttendance, StudySession
from .selectors import sessions_of


def present_in(org: Organisation, period: Period, *, members: bool) -> QuerySet[StudyAttendance]:
    """Person-times present at the period's standalone sessions: members (预备 + 正式) or the
    non-member staff who joined them — counted apart, as the summaries report them."""
    sessions = sessions_of(org, period.start, period.end)
    rows = StudyAttendance.objects.filter(
        session__in=sessions.values("pk"), status=StudyAttendance.Status.PRESENT
    ).select_related("person", "session")
    in_party = Q(person__party_status__in=MEMBER_STATUSES)
    return rows.filter(in_party) if members else rows.exclude(in_party)


def attendance_sheet(session: StudySession) -> list[dict]:
    """The sheet of a standalone session: everyone of the branch who could attend on that day —
    members first, then non-member staff — with the status on record (or none), 按姓氏笔画."""
    org, day = session.organisation, session.day
    status = dict(session.attendance.values_list("person_id", "status"))
    members = set(people_selectors.members_on(org, day).values_list("pk", flat=True))
    candidates = (
        people_selectors.people_of(org)
        .filter(Q(pk__in=members) | Q(is_staff_member=True, is_retired=False) | Q(pk__in=status))
        .exclude(left_on__lt=day)
    )
    rows = [
        {"person": p, "member": p.pk in members, "status": status.get(p.pk, "")}
        for p in people_selectors.sorted_by_strokes(candidates)
    ]
    return sorted(rows, key=lambda row: not row["member"])  # stable: strokes within each group
