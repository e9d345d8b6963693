"""Services: happy paths, bad input (clear Chinese message, nothing written), permissions, staleness."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from zhibu.core import recycle
from zhibu.core.models import AuditEntry
from zhibu.core.versioning import StaleEdit
from zhibu.study.models import NoteCheck, ReadingRecord, SelfStudyDone, StudyNote, StudySession
from zhibu.study.services import checks, personal, sessions
from zhibu.study.services.checks import CheckEntry

from .helpers import PNG, book, meeting, session, task


def _messages(exc: ValidationError) -> str:
    return (
        " ".join(m for ms in exc.message_dict.values() for m in ms)
        if hasattr(exc, "error_dict")
        else str(exc)
    )


def test_session_create_records_attendance_and_audits(world, branch):
    s = sessions.session_create(
        actor=world.secretary,
        organisation=branch,
        study_form="exemplar_report",
        subject="先进事迹",
        topic="学习郭明义同志先进事迹",
        held_on=date(2021, 11, 18),
        hours=Decimal("3"),
        present=[world.people["member"], world.people["committee"]],
    )
    assert set(s.attendance.values_list("person__name", flat=True)) == {"刘丹", "于雪华"}
    assert AuditEntry.objects.filter(action="study.session.created", object_id=str(s.pk)).exists()


@pytest.mark.parametrize(
    ("hours", "message"), [("-2", "学时不能为负数"), ("0", "学时须大于0"), ("30", "不能超过24小时")]
)
def test_session_bad_hours_writes_nothing(world, branch, hours, message):
    with pytest.raises(ValidationError) as exc:
        sessions.session_create(
            actor=world.secretary,
            organisation=branch,
            study_form="party_lecture",
            subject="党史",
            topic="党课",
            held_on=date(2022, 3, 17),
            hours=Decimal(hours),
        )
    assert message in _messages(exc.value)
    assert (
        StudySession.objects.count() == 0
        and AuditEntry.objects.filter(action__startswith="study").count() == 0
    )


def test_session_from_meeting_once_only_and_same_branch(world, branch):
    m = meeting(branch, "党史专题党课：长征精神", date(2022, 6, 23))
    s = sessions.session_from_meeting(
        actor=world.secretary,
        organisation=branch,
        meeting=m,
        study_form="party_lecture",
        subject="党史",
        hours=Decimal("4"),
    )
    assert s.title == "党史专题党课：长征精神" and s.on == date(2022, 6, 23) and s.topic == ""
    with pytest.raises(ValidationError, match="已登记为集中学习"):
        sessions.session_from_meeting(
            actor=world.secretary,
            organisation=branch,
            meeting=m,
            study_form="forum",
            subject="",
            hours=Decimal("2"),
        )
    elsewhere = meeting(world.other_branch, "别的支部的党课", date(2022, 6, 23))
    with pytest.raises(ValidationError, match="不属于"):
        sessions.session_from_meeting(
            actor=world.secretary,
            organisation=branch,
            meeting=elsewhere,
            study_form="forum",
            subject="",
            hours=2,
        )
    assert StudySession.objects.count() == 1


def test_session_roles(world, branch):
    kwargs = {"study_form": "forum", "subject": "", "topic": "座谈", "held_on": date(2022, 1, 13), "hours": 2}
    with pytest.raises(PermissionDenied):
        sessions.session_create(actor=world.member, organisation=branch, **kwargs)
    with pytest.raises(Http404):
        sessions.session_create(actor=world.outsider, organisation=branch, **kwargs)
    assert StudySession.objects.count() == 0


def test_session_stale_edit_refused(world, branch):
    s = session(branch, "forum", date(2022, 1, 13), topic="座谈")
    edit = {"study_form": "forum", "subject": "", "held_on": date(2022, 1, 13), "hours": 3}
    sessions.session_update(actor=world.committee, session=s, version=1, topic="座谈（修改）", **edit)
    with pytest.raises(StaleEdit):
        sessions.session_update(actor=world.secretary, session=s, version=1, topic="另一修改", **edit)
    s.refresh_from_db()
    assert s.topic == "座谈（修改）" and s.version == 2


def test_task_due_before_assigned_refused(world, branch):
    with pytest.raises(ValidationError, match="不能早于布置日期"):
        sessions.task_create(
            actor=world.secretary,
            organisation=branch,
            title="自学党章",
            material="",
            assigned_on=date(2022, 3, 1),
            due_on=date(2022, 2, 1),
            hours=2,
        )


def test_selfstudy_done_own_only_with_reflection(world, branch):
    t = task(branch, "自学党章", date(2022, 2, 20), date(2022, 3, 20))
    with pytest.raises(ValidationError, match="请填写学习体会"):
        personal.selfstudy_done(
            actor=world.member,
            task=t,
            person=world.people["member"],
            done_on=date(2022, 3, 1),
            reflection=" ",
        )
    with pytest.raises(PermissionDenied):
        personal.selfstudy_done(
            actor=world.member,
            task=t,
            person=world.people["secretary"],
            done_on=date(2022, 3, 1),
            reflection="好",
        )
    personal.selfstudy_done(
        actor=world.member, task=t, person=world.people["member"], done_on=date(2022, 3, 1), reflection="好"
    )
    with pytest.raises(ValidationError, match="无需重复提交"):
        personal.selfstudy_done(
            actor=world.member,
            task=t,
            person=world.people["member"],
            done_on=date(2022, 3, 2),
            reflection="再交",
        )
    assert SelfStudyDone.objects.count() == 1


def test_reading_derives_term_and_refuses_august(world, branch):
    member = world.people["member"]
    r = personal.reading_create(
        actor=world.member,
        organisation=branch,
        person=member,
        title="《平凡的世界》",
        finished_on=date(2023, 1, 20),
    )
    assert r.term_start == date(2022, 9, 1) and r.title == "平凡的世界"
    with pytest.raises(ValidationError) as exc:
        personal.reading_create(
            actor=world.member,
            organisation=branch,
            person=member,
            title="暑假读的书",
            finished_on=date(2023, 8, 5),
        )
    assert "2023年8月5日不在任何学期内" in _messages(exc.value)
    assert ReadingRecord.objects.count() == 1


def test_member_cannot_touch_anothers_reading(world, branch):
    theirs = book(branch, world.people["secretary"], "苦难辉煌", date(2022, 10, 10))
    with pytest.raises(PermissionDenied):
        personal.reading_update(
            actor=world.member, record=theirs, version=1, title="改了", finished_on=date(2022, 10, 10)
        )
    with pytest.raises(PermissionDenied):
        personal.reading_create(
            actor=world.member,
            organisation=branch,
            person=world.people["secretary"],
            title="代记",
            finished_on=date(2022, 10, 1),
        )
    with pytest.raises(Http404):
        recycle.record_remove(actor=world.outsider, model="study.reading", obj=theirs, reason="错录")
    theirs.refresh_from_db()
    assert theirs.title == "苦难辉煌" and ReadingRecord.objects.count() == 1
    # The secretary may correct a member's record (typing up the paper 台账).
    personal.reading_update(
        actor=world.committee,
        record=theirs,
        version=1,
        title="苦难辉煌（修订版）",
        finished_on=date(2022, 10, 10),
    )


def test_note_with_scan_stored_under_generated_name(world, branch, media):
    upload = SimpleUploadedFile("我的笔记 第1页.png", PNG, content_type="image/png")
    n = personal.note_create(
        actor=world.member,
        organisation=branch,
        person=world.people["member"],
        written_on=date(2022, 5, 6),
        title="五月笔记",
        scan=upload,
    )
    assert n.month == date(2022, 5, 1) and n.scan_type == "image/png" and n.scan_name == "我的笔记 第1页.png"
    assert n.scan.name.startswith(f"study/notes/{branch.pk}/") and "笔记" not in n.scan.name
    assert (media / n.scan.name).read_bytes() == PNG


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("note.png", b"MZ\x90\x00 this is an exe", "不是有效的图片"),
        ("note.txt", "这是文字".encode("gbk"), "格式不受支持"),
    ],
)
def test_note_scan_not_an_image_writes_nothing(world, branch, media, name, content, message):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError) as exc:
        personal.note_create(
            actor=world.member,
            organisation=branch,
            person=world.people["member"],
            written_on=date(2022, 5, 6),
            title="x",
            scan=upload,
        )
    assert message in _messages(exc.value) and name in _messages(exc.value)
    assert StudyNote.objects.count() == 0 and not media.exists()


def test_note_scan_too_big_writes_nothing(world, branch, media, settings):
    settings.ZHIBU_ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    with pytest.raises(ValidationError, match="超过附件上限"):
        personal.note_create(
            actor=world.member,
            organisation=branch,
            person=world.people["member"],
            written_on=date(2022, 5, 6),
            title="x",
            scan=upload,
        )
    assert StudyNote.objects.count() == 0 and not media.exists()


def test_note_needs_text_or_scan(world, branch):
    with pytest.raises(ValidationError, match="请填写笔记内容或上传扫描件"):
        personal.note_create(
            actor=world.member,
            organisation=branch,
            person=world.people["member"],
            written_on=date(2022, 5, 6),
            title="空的",
        )


def test_checks_record_and_correct(world, branch):
    member = world.people["member"]
    entries = [CheckEntry(member, "improve", "字迹潦草"), CheckEntry(world.people["secretary"], "")]
    saved = checks.checks_record(
        actor=world.checker,
        organisation=branch,
        month=date(2022, 5, 17),
        checked_on=date(2022, 5, 30),
        entries=entries,
    )
    assert (
        len(saved) == 1 and saved[0].month == date(2022, 5, 1) and saved[0].checker == world.people["checker"]
    )
    checks.checks_record(
        actor=world.checker,
        organisation=branch,
        month=date(2022, 5, 1),
        checked_on=date(2022, 6, 2),
        entries=[CheckEntry(member, "pass")],
    )
    assert NoteCheck.objects.get().result == "pass"
    with pytest.raises(ValidationError, match="检查日期不能早于"):
        checks.checks_record(
            actor=world.checker,
            organisation=branch,
            month=date(2022, 7, 1),
            checked_on=date(2022, 6, 2),
            entries=[CheckEntry(member, "pass")],
        )
    with pytest.raises(PermissionDenied):
        checks.checks_record(
            actor=world.member,
            organisation=branch,
            month=date(2022, 7, 1),
            checked_on=date(2022, 7, 2),
            entries=[CheckEntry(member, "pass")],
        )
    assert NoteCheck.objects.count() == 1


def test_settings_negative_refused(world, branch):
    with pytest.raises(ValidationError, match="不能为负数"):
        checks.settings_update(
            actor=world.secretary,
            organisation=branch,
            version=None,
            books_per_term=-1,
            member_hours=32,
            officer_hours=56,
        )
    row = checks.settings_update(
        actor=world.secretary,
        organisation=branch,
        version=None,
        books_per_term=3,
        member_hours=30,
        officer_hours=50,
    )
    assert row.books_per_term == 3


def test_settings_period_quotas_bounded_and_optional(world, branch):
    yearly = {"books_per_term": 2, "member_hours": Decimal("32"), "officer_hours": Decimal("56")}
    with pytest.raises(ValidationError) as refused:
        checks.settings_update(
            actor=world.secretary, organisation=branch, version=None, **yearly, weekly_hours=Decimal("41")
        )
    assert refused.value.message_dict == {"weekly_hours": ["每周学习时数不能超过40小时"]}
    row = checks.settings_update(
        actor=world.secretary, organisation=branch, version=None, **yearly, monthly_hours=Decimal("8")
    )
    assert (row.weekly_hours, row.monthly_hours) == (None, Decimal("8"))
