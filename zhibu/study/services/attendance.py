"""The attendance sheet of a standalone study session: 出席 / 请假 / 缺席 for members and the unit's
non-member staff alike (all-staff political study is common), with "whole branch" and "whole staff"
as one click. A session linked to a meeting keeps the meeting's sheet."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhibu.core import policy, writes
from zhibu.core.audit import record, snapshot
from zhibu.core.models import AttendanceStatus
from zhibu.people import selectors as people_selectors

from ..audit_actions import StudyAction
from ..models import StudyAttendance, StudySession

FILL = ("members", "staff")


def _sheet_of(session: StudySession) -> dict[int, str]:
    return dict(session.attendance.values_list("person_id", "status"))


def _people(session: StudySession, fill: str):
    org, day = session.organisation, session.day
    if fill == "members":
        return people_selectors.members_on(org, day)
    return people_selectors.staff_on(org, day)


@writes.service
def session_attendance_set(
    *, actor, session: StudySession, statuses: dict[int, str] | None = None, fill: str = ""
) -> dict[int, str]:
    """Write the sheet: `statuses` maps person ids to a status ("" takes the person off the sheet);
    `fill` ("members" or "staff") marks everyone of that group present who is not on it yet."""
    policy.require(actor, "study.edit", session)
    if session.meeting_id:
        raise ValidationError(_("本次学习取自会议记录，出席情况请在会议签到名单中登记。"))
    before = _sheet_of(session)
    wanted = dict(before)
    if fill:
        if fill not in FILL:
            raise ValidationError(_("未知的快捷方式"))
        for person_id in _people(session, fill).values_list("pk", flat=True):
            wanted.setdefault(person_id, AttendanceStatus.PRESENT)
    for person_id, status in (statuses or {}).items():
        if status and status not in AttendanceStatus.values:
            raise ValidationError(_("未知的出席情况"))
        if status:
            wanted[person_id] = status
        else:
            wanted.pop(person_id, None)
    allowed = set(
        people_selectors.people_of(session.organisation).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    strangers = set(wanted) - allowed
    if strangers:
        raise ValidationError(
            _("名单中有%(n)d人不属于%(org)s（人员编号：%(ids)s），请刷新页面后重新登记。")
            % {
                "n": len(strangers),
                "org": session.organisation.name,
                "ids": "、".join(map(str, sorted(strangers))),
            }
        )
    session.attendance.exclude(person_id__in=wanted).delete()
    for person_id, status in wanted.items():
        if before.get(person_id) != status:
            StudyAttendance.objects.update_or_create(
                session=session,
                person_id=person_id,
                defaults={"status": status, "organisation": session.organisation},
            )
    record(
        actor,
        StudyAction.ATTENDANCE_SET,
        session,
        before={"attendance": {str(k): v for k, v in before.items()}, **snapshot(session)},
        after={"attendance": {str(k): v for k, v in wanted.items()}},
    )
    return wanted
