"""Services: happy paths and every kind of bad input (clear Chinese message, nothing written)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.core.tests.factories import PersonFactory
from zhibu.core.versioning import StaleEdit
from zhibu.meetings import quorum, services
from zhibu.meetings.models import Attachment, Attendance, Meeting, MeetingVote

from .factories import MeetingVoteFactory
from .helpers import at, make_meeting, mtype, png_upload

NOW = at(2023, 6, 30, 12, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def create(world, actor=None, **data):
    payload = {"topic": "支委会：研究6月工作", "held_at": at(2023, 6, 28), "place": "校长室", "held": True}
    payload.update(data)
    return services.meeting_create(
        actor=actor or world.secretary,
        organisation=world.branch,
        data=payload,
        types=[mtype("committee_meeting")],
    )


def committee_meeting(world, **data) -> Meeting:
    """The same 支委会 as `create` makes, written through the factories (setup, not under test)."""
    fields = {"held_at": at(2023, 6, 28), "topic": "支委会：研究6月工作", "place": "校长室", **data}
    return make_meeting(world.branch, "committee_meeting", **fields)


def test_create_records_meeting_sheet_and_audit(world, frozen):
    meeting = create(world, host=world.people["secretary"])
    assert meeting.held and not meeting.recorded_late
    names = {a.person.name for a in meeting.attendance.all()}
    assert names == {"张文华", "于雪华", "刘丹"}  # the members on the day; the activist is not listed
    assert AuditEntry.objects.filter(action="meetings.meeting.created", object_id=str(meeting.pk)).exists()


def test_create_more_than_a_week_late_is_marked(world, frozen):
    assert create(world, held_at=NOW - timedelta(days=8)).recorded_late
    assert not create(world, held_at=NOW - timedelta(days=6)).recorded_late


def test_future_meeting_marked_held_is_refused(world, frozen):
    with pytest.raises(ValidationError) as exc:
        create(world, held_at=NOW + timedelta(days=3))
    assert "未来的会议不能标记为“已召开”" in str(exc.value)
    assert Meeting.objects.count() == 0 and Attendance.objects.count() == 0


def test_future_meeting_may_be_planned(world, frozen):
    meeting = create(world, held_at=NOW + timedelta(days=3), held=False)
    assert not meeting.held


def test_host_from_another_branch_is_refused(world, frozen):
    with pytest.raises(ValidationError) as exc:
        create(world, host=world.people["outsider"])
    assert "主持人林志强不是XX市育才学校党支部的人员" in str(exc.value)
    assert Meeting.objects.count() == 0


def test_member_and_other_branch_cannot_create(world, frozen):
    with pytest.raises(PermissionDenied):
        create(world, actor=world.member)
    with pytest.raises(Http404):
        create(world, actor=world.outsider)
    assert Meeting.objects.count() == 0


def test_stale_edit_writes_nothing(world, frozen):
    meeting = committee_meeting(world)
    types = [mtype("committee_meeting")]
    data = {"topic": "新主题", "held_at": meeting.held_at, "held": True}
    services.meeting_update(actor=world.secretary, meeting=meeting, version=1, data=data, types=types)
    with pytest.raises(StaleEdit):
        services.meeting_update(
            actor=world.committee,
            meeting=meeting,
            version=1,
            data={**data, "topic": "另一个主题"},
            types=types,
        )
    meeting.refresh_from_db()
    assert meeting.topic == "新主题" and meeting.version == 2


# --- attendance ---------------------------------------------------------------------------------
def test_attendee_from_another_branch_is_refused(world, frozen):
    meeting = committee_meeting(world)
    with pytest.raises(ValidationError) as exc:
        services.attendance_add(actor=world.secretary, meeting=meeting, person=world.people["other_member"])
    assert "黄海燕不是XX市育才学校党支部的人员" in str(exc.value)
    assert meeting.attendance.count() == 3


def test_duplicate_attendee_is_refused(world, frozen):
    meeting = committee_meeting(world)
    with pytest.raises(ValidationError) as exc:
        services.attendance_add(actor=world.secretary, meeting=meeting, person=world.people["member"])
    assert "刘丹已在本次会议的签到名单中，不能重复添加" in str(exc.value)
    assert meeting.attendance.count() == 3


def test_non_member_only_where_type_allows(world, frozen):
    committee = committee_meeting(world)
    with pytest.raises(ValidationError) as exc:
        services.attendance_add(actor=world.secretary, meeting=committee, person=world.people["checker"])
    assert "何静不是党员，支委会不允许非党员列席" in str(exc.value)
    forum = make_meeting(world.branch, "forum", held_at=at(2023, 6, 8))
    row = services.attendance_add(actor=world.secretary, meeting=forum, person=world.people["checker"])
    assert row.is_guest


def test_toggle_cycles_present_leave_absent(world, frozen):
    row = committee_meeting(world).attendance.first()
    seen = []
    for _ in range(3):
        row = services.attendance_toggle(actor=world.secretary, attendance=row)
        seen.append(row.status)
    assert seen == ["leave", "absent", "present"]


def test_leave_needs_a_reason(world, frozen):
    row = committee_meeting(world).attendance.select_related("person").first()
    with pytest.raises(ValidationError) as exc:
        services.attendance_set(actor=world.secretary, attendance=row, status="leave", reason=" ")
    assert "请假，请填写请假事由" in str(exc.value)
    row.refresh_from_db()
    assert row.status == "present"


# --- votes --------------------------------------------------------------------------------------
def test_quorum_counts_full_members_only(world, frozen):
    PersonFactory(
        organisation=world.branch, name="赵预备", party_status="probationary", history=date(2023, 1, 1)
    )
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    # 4 on the sheet (3 full + 1 probationary); the probationary member has no vote.
    assert meeting.attendance.count() == 4
    q = quorum.quorum_of(meeting)
    assert (q.eligible, q.present, q.reached) == (3, 3, True)
    meeting.attendance.filter(person__name__in=["刘丹", "于雪华"]).update(status="leave", reason="外出培训")
    q = quorum.quorum_of(meeting)
    assert (q.present, q.reached) == (1, False)
    assert q.text == "应到会有表决权党员3人，实到1人，未过半数"


def test_vote_threshold_is_half_of_those_who_should_attend(world, frozen):
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    vote = MeetingVoteFactory(meeting=meeting, subject="评选优秀共产党员", approve=2)
    result = quorum.vote_results(meeting, quorum.quorum_of(meeting))[0]
    assert result.passed and "超过应到会有表决权党员3人的半数，通过" in result.text
    vote.approve = 1
    assert not quorum.VoteResult(vote, 3).passed


def test_vote_bad_input(world, frozen):
    committee = committee_meeting(world)
    with pytest.raises(ValidationError, match="只有支部党员大会"):
        services.vote_record(actor=world.secretary, meeting=committee, subject="x", approve=1)
    general = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    with pytest.raises(ValidationError) as exc:
        services.vote_record(actor=world.secretary, meeting=general, subject="x", approve=3, oppose=1)
    assert "合计4票，多于实到有表决权党员3人" in str(exc.value)
    assert MeetingVote.objects.count() == 0


# --- attachments --------------------------------------------------------------------------------
def test_photo_is_stored_under_a_generated_name(world, frozen, settings):
    meeting = committee_meeting(world)
    item = services.attachment_add(
        actor=world.secretary, meeting=meeting, upload=png_upload("../../etc/合影.png")
    )
    assert item.kind == "image" and item.content_type == "image/png"
    assert item.original_name == "合影.png"
    assert ".." not in item.file.name and "合影" not in item.file.name
    assert item.file.name.startswith(f"meetings/{world.branch.pk}/") and item.file.name.endswith(".png")
    assert (settings.MEDIA_ROOT / item.file.name).exists()


def test_twenty_megabyte_photo_is_refused(world, frozen):
    meeting = committee_meeting(world)
    big = SimpleUploadedFile("大合影.jpg", b"\xff\xd8\xff\xe0" + b"\0" * (20 * 1024 * 1024), "image/jpeg")
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=world.secretary, meeting=meeting, upload=big)
    assert "“大合影.jpg”大小为20.0 MB，超过附件上限10.0 MB" in str(exc.value)
    assert Attachment.objects.count() == 0


def test_text_renamed_jpg_is_refused(world, frozen, settings):
    meeting = committee_meeting(world)
    fake = SimpleUploadedFile("照片.jpg", "这不是图片".encode(), "image/jpeg")
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(actor=world.secretary, meeting=meeting, upload=fake)
    assert "“照片.jpg”不是有效的图片：文件内容与扩展名不符" in str(exc.value)
    assert Attachment.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "meetings").exists()


def test_real_docx_accepted_and_svg_refused(world, frozen):
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("会议纪要")
    document.save(buffer)
    meeting = committee_meeting(world)
    item = services.attachment_add(
        actor=world.secretary, meeting=meeting, upload=SimpleUploadedFile("纪要.docx", buffer.getvalue())
    )
    assert item.kind == "document"
    svg = SimpleUploadedFile("图.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>")
    with pytest.raises(ValidationError, match="格式不受支持"):
        services.attachment_add(actor=world.secretary, meeting=meeting, upload=svg)
    assert Attachment.objects.count() == 1


# --- types and rules ----------------------------------------------------------------------------
def test_branch_adds_its_own_type(world, frozen):
    item = services.meeting_type_create(
        actor=world.secretary, organisation=world.branch, name="包教工作座谈会"
    )
    assert item.organisation == world.branch and item.code.startswith("x-")
    with pytest.raises(ValidationError, match="已有名为"):
        services.meeting_type_create(actor=world.secretary, organisation=world.branch, name="包教工作座谈会")
    with pytest.raises(ValidationError, match="已有名为"):
        services.meeting_type_create(actor=world.secretary, organisation=world.branch, name="支委会")


def test_only_the_bureau_changes_rules(world, frozen):
    with pytest.raises(PermissionDenied):
        services.cadence_rule_set(
            actor=world.secretary,
            meeting_type=mtype("party_lecture"),
            organisation=None,
            every="month",
            times=1,
            effective_from=timezone.localdate(),
        )


def test_rule_cannot_be_backdated(world, frozen):
    with pytest.raises(ValidationError) as exc:
        services.cadence_rule_set(
            actor=world.bureau,
            meeting_type=mtype("party_lecture"),
            organisation=None,
            every="month",
            times=1,
            effective_from=date(2023, 1, 1),
        )
    assert "生效日期不能早于今天" in str(exc.value)


def test_planned_meeting_marked_held_long_after_is_late(world, frozen):
    meeting = committee_meeting(world, held_at=NOW + timedelta(days=1), held=False)
    data = {"topic": meeting.topic, "held_at": meeting.held_at, "held": True}
    with time_machine.travel(NOW + timedelta(days=12), tick=False):
        services.meeting_update(
            actor=world.secretary, meeting=meeting, version=1, data=data, types=[mtype("committee_meeting")]
        )
    meeting.refresh_from_db()
    assert meeting.held and meeting.recorded_late
