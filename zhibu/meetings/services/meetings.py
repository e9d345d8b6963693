"""Writes to the meetings ledger. Each checks policy, validates, writes and audits in one
transaction; bad input raises a ValidationError naming what is wrong and nothing is written."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, policy, uploads, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.strokes import name_sort_key
from zhibu.people import selectors as people_selectors

from .. import quorum as quorum_mod
from .. import selectors
from ..audit_actions import MeetingsAction
from ..models import Attachment, Attendance, Meeting, MeetingType, MeetingVote

LATE_AFTER_DAYS = 7
MEETING_FIELDS = ("topic", "held_at", "place", "held", "host", "recorder", "minutes", "decisions")
CYCLE = {
    Attendance.Status.PRESENT: Attendance.Status.LEAVE,
    Attendance.Status.LEAVE: Attendance.Status.ABSENT,
    Attendance.Status.ABSENT: Attendance.Status.PRESENT,
}


# --- meetings -------------------------------------------------------------------------------------
def _in_subtree(person: Person | None, org: Organisation) -> bool:
    return person is None or person.organisation.path.startswith(org.path)


def _clean_meeting(
    org: Organisation, data: dict[str, Any], types: Iterable[MeetingType]
) -> list[MeetingType]:
    types = list(types)
    errors: dict[str, str] = {}
    if not (data.get("topic") or "").strip():
        errors["topic"] = _("请填写会议主题")
    if not types:
        errors["types"] = _("请至少选择一种会议类型")
    allowed = set(selectors.types_for(org).values_list("pk", flat=True))
    if any(t.pk not in allowed for t in types):
        errors["types"] = _("所选会议类型不属于本支部")
    held_at = data.get("held_at")
    if held_at is None:
        errors["held_at"] = _("请填写会议时间")
    elif data.get("held", True) and held_at > timezone.now():
        errors["held_at"] = _(
            "会议时间%(t)s晚于当前时间，未来的会议不能标记为“已召开”，请取消勾选“已召开”作为计划保存。"
        ) % {"t": timezone.localtime(held_at).strftime("%Y-%m-%d %H:%M")}
    for field, label in (("host", _("主持人")), ("recorder", _("记录人"))):
        if not _in_subtree(data.get(field), org):
            errors[field] = _("%(role)s%(name)s不是%(org)s的人员") % {
                "role": label,
                "name": data[field].name,
                "org": org.name,
            }
    if errors:
        raise ValidationError(errors)
    data["topic"] = data["topic"].strip()
    return types


def _is_late(held: bool, held_at) -> bool:
    return held and timezone.now() - held_at > timedelta(days=LATE_AFTER_DAYS)


def expected_attendees(org: Organisation, types: list[MeetingType], day: date) -> list[Person]:
    """Who the sheet lists by default: the committee for a 支委会 alone, otherwise the members."""
    codes = {t.code for t in types}
    people = []
    if codes == {"committee_meeting"}:
        people = [h.person for h in people_selectors.committee_on(org, day)]
    if not people:  # no committee on record yet: list the members, the secretary trims the sheet
        people = list(people_selectors.members_on(org, day))
    unique = {p.pk: p for p in people}
    return sorted(unique.values(), key=lambda p: name_sort_key(p.name))


def meeting_add(
    *,
    actor,
    organisation: Organisation,
    data: dict[str, Any],
    types: Iterable[MeetingType],
    attendees: Iterable[Person] | None = None,
) -> Meeting:
    """Internal: validate and record a meeting with its sheet (`attendees`, default: who is
    expected that day). The caller has checked the permission."""
    data = {k: v for k, v in data.items() if k in MEETING_FIELDS}
    types = _clean_meeting(organisation, data, types)
    meeting = Meeting(organisation=organisation, **data)
    meeting.recorded_late = _is_late(meeting.held, meeting.held_at)
    meeting.full_clean()
    meeting.save()
    meeting.types.set(types)
    day = selectors.local_day(meeting.held_at)
    people = expected_attendees(organisation, types, day) if attendees is None else list(attendees)
    strangers = [p.name for p in people if not _in_subtree(p, organisation)]
    if strangers:
        raise ValidationError(
            {
                "types": _("%(names)s不是%(org)s的人员")
                % {"names": "、".join(strangers), "org": organisation.name}
            }
        )
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, organisation=organisation, person=p) for p in people
    )
    audit.record(
        actor,
        MeetingsAction.MEETING_CREATED,
        meeting,
        after={**audit.snapshot(meeting), "types": _codes(types)},
    )
    return meeting


@writes.service
def meeting_create(
    *,
    actor,
    organisation: Organisation,
    data: dict[str, Any],
    types: Iterable[MeetingType],
    attendees: Iterable[Person] | None = None,
) -> Meeting:
    """Record a meeting; the sheet starts with `attendees` (default: who is expected that day)."""
    policy.require(actor, "meetings.edit", organisation)
    return meeting_add(actor=actor, organisation=organisation, data=data, types=types, attendees=attendees)


def _codes(types: Iterable[MeetingType]) -> list[str]:
    return sorted(t.code for t in types)


@writes.service
def meeting_update(
    *, actor, meeting: Meeting, version: int | None, data: dict[str, Any], types: Iterable[MeetingType]
) -> Meeting:
    policy.require(actor, "meetings.edit", meeting)
    types_before = _codes(meeting.types.all())
    data = {k: v for k, v in data.items() if k in MEETING_FIELDS}
    types = _clean_meeting(meeting.organisation, data, types)
    if data.get("held") and not meeting.held:
        # A planned meeting marked held now: late if that happens long after the day itself.
        data["recorded_late"] = _is_late(True, data["held_at"])
    writes.model_update(
        meeting,
        actor=actor,
        action=MeetingsAction.MEETING_UPDATED,
        version=version,
        fields=data,
        extra_before={"types": types_before},
        extra_after={"types": _codes(types)},
    )
    meeting.types.set(types)
    return meeting


# --- attendance -----------------------------------------------------------------------------------
@writes.service
def attendance_toggle(*, actor, attendance: Attendance) -> Attendance:
    """One click on the sheet: 出席 → 请假 → 缺席 → 出席."""
    policy.require(actor, "meetings.edit", attendance.meeting)
    return _attendance_change(actor, attendance, CYCLE[attendance.status], attendance.reason)


@writes.service
def attendance_set(*, actor, attendance: Attendance, status: str, reason: str = "") -> Attendance:
    policy.require(actor, "meetings.edit", attendance.meeting)
    if status not in Attendance.Status.values:
        raise ValidationError({"status": _("未知的出席情况")})
    reason = reason.strip()
    if status == Attendance.Status.LEAVE and not reason:
        raise ValidationError(
            {"reason": _("%(name)s请假，请填写请假事由") % {"name": attendance.person.name}}
        )
    return _attendance_change(actor, attendance, status, reason)


def _attendance_change(actor, attendance: Attendance, status: str, reason: str) -> Attendance:
    """Write the status; only 请假 keeps a reason."""
    return writes.model_change(
        attendance,
        actor=actor,
        action=MeetingsAction.ATTENDANCE_CHANGED,
        fields={"status": status, "reason": reason if status == Attendance.Status.LEAVE else ""},
    )


@writes.service
def attendance_add(
    *, actor, meeting: Meeting, person: Person, status: str = Attendance.Status.PRESENT, reason: str = ""
) -> Attendance:
    """Add someone to the sheet: a member missing from it, or non-member staff where allowed."""
    policy.require(actor, "meetings.edit", meeting)
    org = meeting.organisation
    if not person.organisation.path.startswith(org.path):
        raise ValidationError(
            {
                "person": _("%(name)s不是%(org)s的人员，不能登记为本次会议的参会人员")
                % {"name": person.name, "org": org.name}
            }
        )
    if meeting.attendance.filter(person=person).exists():
        raise ValidationError(
            {"person": _("%(name)s已在本次会议的签到名单中，不能重复添加") % {"name": person.name}}
        )
    day = selectors.local_day(meeting.held_at)
    is_member = people_selectors.members_on(org, day).filter(pk=person.pk).exists()
    if not is_member and not meeting.types.filter(allows_non_members=True).exists():
        raise ValidationError(
            {
                "person": _("%(name)s不是党员，%(types)s不允许非党员列席")
                % {"name": person.name, "types": _type_names(meeting)}
            }
        )
    if status == Attendance.Status.LEAVE and not reason.strip():
        raise ValidationError({"reason": _("%(name)s请假，请填写请假事由") % {"name": person.name}})
    row = writes.model_create(
        Attendance(
            meeting=meeting,
            organisation=org,
            person=person,
            status=status,
            reason=reason.strip(),
            is_guest=not is_member,
        ),
        actor=actor,
        action=MeetingsAction.ATTENDANCE_ADDED,
    )
    return row


def _type_names(meeting: Meeting) -> str:
    return "、".join(t.name for t in meeting.types.all())


# --- votes ----------------------------------------------------------------------------------------
@writes.service
def vote_record(
    *, actor, meeting: Meeting, subject: str, approve: int, oppose: int = 0, abstain: int = 0
) -> MeetingVote:
    policy.require(actor, "meetings.edit", meeting)
    if not quorum_mod.is_general(meeting):
        raise ValidationError(_("只有支部党员大会可以登记表决结果"))
    if not meeting.held:
        raise ValidationError(_("会议尚未召开，不能登记表决结果"))
    if not subject.strip():
        raise ValidationError({"subject": _("请填写表决事项")})
    if min(approve, oppose, abstain) < 0:
        raise ValidationError({"approve": _("票数不能为负数")})
    present = quorum_mod.quorum_of(meeting).present
    if approve + oppose + abstain > present:
        raise ValidationError(
            {
                "approve": _("赞成、反对、弃权合计%(n)d票，多于实到有表决权党员%(p)d人")
                % {"n": approve + oppose + abstain, "p": present}
            }
        )
    vote = writes.model_create(
        MeetingVote(
            meeting=meeting,
            organisation=meeting.organisation,
            subject=subject.strip(),
            approve=approve,
            oppose=oppose,
            abstain=abstain,
        ),
        actor=actor,
        action=MeetingsAction.VOTE_RECORDED,
    )
    return vote


# --- attachments ----------------------------------------------------------------------------------
@writes.service
def attachment_add(*, actor, meeting: Meeting, upload: UploadedFile, caption: str = "") -> Attachment:
    policy.require(actor, "meetings.edit", meeting)
    kind = uploads.check_upload(upload)
    item = Attachment(
        meeting=meeting,
        organisation=meeting.organisation,
        kind=kind.kind,
        original_name=uploads.clean_name(upload.name or ""),
        content_type=kind.content_type,
        size=upload.size,
        caption=caption.strip()[:200],
        uploaded_by=actor,
    )
    # The stored name is generated from a uuid and the detected extension only.
    item.file.save(f"upload{kind.ext}", upload, save=False)
    try:
        item.save()
    except Exception:
        item.file.delete(save=False)
        raise
    audit.record(actor, MeetingsAction.ATTACHMENT_ADDED, item, after=audit.snapshot(item))
    return item


FILL_GROUPS = ("members", "staff")


@writes.service
def attendance_fill(*, actor, meeting: Meeting, group: str) -> int:
    """One click for the whole branch (its members that day) or the whole staff (members and the
    unit's non-member staff, where the meeting's type admits them), present; who is already on the
    sheet keeps the status recorded. Returns how many were added."""
    policy.require(actor, "meetings.edit", meeting)
    if group not in FILL_GROUPS:
        raise ValidationError(_("未知的快捷方式"))
    org, day = meeting.organisation, selectors.local_day(meeting.held_at)
    members = set(people_selectors.members_on(org, day).values_list("pk", flat=True))
    wanted = set(members)
    if group == "staff":
        if not meeting.types.filter(allows_non_members=True).exists():
            raise ValidationError(
                _("%(types)s不允许非党员列席，不能登记全体教职工") % {"types": _type_names(meeting)}
            )
        wanted |= set(people_selectors.staff_on(org, day).values_list("pk", flat=True))
    on_sheet = set(meeting.attendance.values_list("person_id", flat=True))
    added = [
        Attendance(meeting=meeting, organisation=org, person_id=pk, is_guest=pk not in members)
        for pk in sorted(wanted - on_sheet)
    ]
    Attendance.objects.bulk_create(added)
    audit.record(
        actor, MeetingsAction.ATTENDANCE_FILLED, meeting, after={"group": group, "added": len(added)}
    )
    return len(added)
