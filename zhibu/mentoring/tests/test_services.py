"""Bad input: a clear Chinese message naming what is wrong, and nothing written."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.core.testing import png_bytes
from zhibu.core.tests.factories import PersonFactory
from zhibu.core.versioning import StaleEdit
from zhibu.mentoring import services
from zhibu.mentoring.models import CaseAccessGrant, MentoringCase, MentoringLog, Student

from .factories import make_case, make_student


def _counts():
    return (
        MentoringCase.objects.count(),
        MentoringLog.objects.count(),
        Student.objects.count(),
        AuditEntry.objects.count(),
    )


def test_student_create_generates_branch_pseudonyms(world):
    sec = world.users["secretary"]
    first = services.student_create(
        actor=sec,
        organisation=world.branch,
        data={"name": "王小川", "class_name": "七年级二班", "gender": "M"},
    )
    second = services.student_create(
        actor=sec,
        organisation=world.branch,
        data={"name": "李思琪", "class_name": "七年级一班", "gender": "F"},
    )
    other = services.student_create(
        actor=world.users["outsider"],
        organisation=world.other_branch,
        data={"name": "赵一鸣", "class_name": "八年级一班", "gender": "M"},
    )
    assert (first.pseudonym, second.pseudonym, other.pseudonym) == ("学生A01", "学生A02", "学生A01")
    assert str(first) == "学生A01"
    entry = AuditEntry.objects.get(action="mentoring.student.created", object_id=str(first.pk))
    assert "王小川" not in str(entry.after) and entry.after["name"] == "***"


def test_pseudonym_blocks():
    assert services.pseudonym_for(1) == "学生A01"
    assert services.pseudonym_for(99) == "学生A99"
    assert services.pseudonym_for(100) == "学生B01"


def test_guardian_contact_refused_unless_enabled(world):
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        services.student_create(
            actor=world.users["secretary"],
            organisation=world.branch,
            data={
                "name": "王小川",
                "class_name": "七年级二班",
                "gender": "M",
                "guardian_contact": "13900000000",
            },
        )
    assert "监护人联系方式" in str(exc.value)
    assert _counts() == before


def test_create_case_happy_path(world):
    student = make_student(world.branch)
    case = services.case_create(
        actor=world.users["secretary"],
        organisation=world.branch,
        student=student,
        mentor=world.people["member"],
        started_on=date(2023, 9, 1),
    )
    assert case.scheme == "baojiao" and str(case) == student.pseudonym
    assert AuditEntry.objects.filter(action="mentoring.case.created").count() == 1


def test_second_active_case_same_student_same_scheme_refused(world, client):
    case = make_case(world.people["member"])
    before = _counts()
    client.force_login(world.users["secretary"])
    response = client.post(
        reverse("mentoring:case_create") + "?org=yucai",
        {
            "student": case.student_id,
            "mentor": world.people["committee"].pk,
            "scheme": "baojiao",
            "started_on": "2023-09-01",
        },
    )
    assert response.status_code == 200
    assert "已有一条进行中的包教记录" in response.content.decode()
    assert _counts() == before


def test_second_case_other_scheme_allowed(world):
    case = make_case(world.people["member"])
    services.case_create(
        actor=world.users["secretary"],
        organisation=world.branch,
        student=case.student,
        mentor=world.people["committee"],
        started_on=date(2023, 9, 1),
        scheme="shuanglian",
    )
    assert MentoringCase.objects.count() == 2


def test_ended_case_does_not_block_a_new_one(world):
    case = make_case(world.people["member"], ended_on=date(2023, 6, 30))
    services.case_create(
        actor=world.users["secretary"],
        organisation=world.branch,
        student=case.student,
        mentor=world.people["member"],
        started_on=date(2023, 9, 1),
    )
    assert MentoringCase.objects.count() == 2


def test_mentor_who_is_not_a_party_member_refused(world):
    student = make_student(world.branch)
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        services.case_create(
            actor=world.users["secretary"],
            organisation=world.branch,
            student=student,
            mentor=world.people["checker"],  # 何静 is an activist, not a member
            started_on=date(2023, 9, 1),
        )
    assert "何静" in str(exc.value) and "不是党员" in str(exc.value)
    assert _counts() == before


def test_mentor_of_another_branch_refused(world):
    student = make_student(world.branch)
    before = _counts()
    with pytest.raises(ValidationError) as exc:
        services.case_create(
            actor=world.users["secretary"],
            organisation=world.branch,
            student=student,
            mentor=world.people["other_member"],
            started_on=date(2023, 9, 1),
        )
    assert "不是本支部的党员" in str(exc.value)
    assert _counts() == before


def test_non_member_staff_refused_through_the_view(world, client):
    staff = PersonFactory(organisation=world.branch, name="丁一凡", party_status="none")
    student = make_student(world.branch)
    client.force_login(world.users["secretary"])
    response = client.post(
        reverse("mentoring:case_create") + "?org=yucai",
        {"student": student.pk, "mentor": staff.pk, "scheme": "baojiao", "started_on": "2023-09-01"},
    )
    # 丁一凡 is not offered as a mentor at all: the choice is refused by the form.
    assert response.status_code == 200 and "field-error" in response.content.decode()
    assert MentoringCase.objects.count() == 0


def test_log_dated_before_case_start_refused(world, client):
    case = make_case(world.people["member"], started_on=date(2023, 2, 1))
    before = _counts()
    client.force_login(world.users["member"])
    response = client.post(
        reverse("mentoring:log_create", args=[case.pk]),
        {"on": "2023-01-20", "dimension": "study", "text": "辅导数学"},
    )
    assert response.status_code == 200
    assert "早于帮教开始日期" in response.content.decode()
    assert _counts() == before


def test_log_in_future_and_empty_text_refused(world):
    case = make_case(world.people["member"])
    for kwargs, message in [
        ({"on": timezone.localdate() + timedelta(days=1), "text": "x"}, "不能晚于今天"),
        ({"on": date(2023, 3, 1), "text": "  "}, "请填写做了什么"),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.log_create(actor=world.users["member"], case=case, dimension="study", **kwargs)
    assert MentoringLog.objects.count() == 0


def test_log_written_and_audited_without_text(world):
    case = make_case(world.people["member"])
    log = services.log_create(
        actor=world.users["member"],
        case=case,
        on=date(2023, 3, 1),
        dimension="psychology",
        text="陪同散步谈心",
    )
    entry = AuditEntry.objects.get(action="mentoring.log.created")
    assert entry.after["text"] == "***" and entry.object_repr == case.student.pseudonym
    assert log.author == world.users["member"]


def test_plan_stale_version_refused(world):
    case = make_case(world.people["member"])
    services.case_plan_update(
        actor=world.users["member"], case=case, version=case.version, plan={"plan_study": "每周辅导两次"}
    )
    stale = MentoringCase.objects.get(pk=case.pk)
    with pytest.raises(StaleEdit):
        services.case_plan_update(
            actor=world.users["secretary"], case=stale, version=1, plan={"plan_study": "覆盖"}
        )
    assert MentoringCase.objects.get(pk=case.pk).plan_study == "每周辅导两次"


def test_turned_needs_date_and_evidence(world):
    case = make_case(world.people["member"])
    with pytest.raises(ValidationError, match="转化依据"):
        services.case_outcome_update(
            actor=world.users["member"],
            case=case,
            version=case.version,
            outcome="turned",
            outcome_on=None,
            evidence="",
            ended_on=None,
        )
    assert MentoringCase.objects.get(pk=case.pk).outcome == "ongoing"


def test_grant_needs_reason_future_end_and_branch_user(world):
    case = make_case(world.people["member"])
    sec = world.users["secretary"]
    today = timezone.localdate()
    bad = [
        ({"user": world.users["committee"], "reason": "", "ends_on": today}, "理由"),
        (
            {"user": world.users["committee"], "reason": "检查", "ends_on": today - timedelta(days=1)},
            "有效期",
        ),
        ({"user": world.users["checker"], "reason": "检查", "ends_on": today}, "只能授权给本支部"),
        ({"user": world.users["bureau"], "reason": "检查", "ends_on": today}, "只能授权给本支部"),
    ]
    for kwargs, message in bad:
        with pytest.raises(ValidationError, match=message):
            services.grant_create(actor=sec, case=case, **kwargs)
    assert CaseAccessGrant.objects.count() == 0
    grant = services.grant_create(
        actor=sec, case=case, user=world.users["committee"], reason="受托检查", ends_on=today
    )
    assert AuditEntry.objects.filter(action="mentoring.grant.created", object_id=str(grant.pk)).exists()


def test_grant_revoked_through_view_closes_access(world, client):
    case = make_case(world.people["member"])
    grant = services.grant_create(
        actor=world.users["secretary"],
        case=case,
        user=world.users["committee"],
        reason="受托检查",
        ends_on=timezone.localdate(),
    )
    client.force_login(world.users["committee"])
    assert client.get(reverse("mentoring:case", args=[case.pk])).status_code == 200
    client.force_login(world.users["secretary"])
    assert client.post(reverse("mentoring:grant_revoke", args=[grant.pk])).status_code == 302
    client.force_login(world.users["committee"])
    assert client.get(reverse("mentoring:case", args=[case.pk])).status_code == 403


def test_student_edit_view_audits_the_read_and_saves(world, client):
    student = make_student(world.branch, name="李思琪")
    client.force_login(world.users["secretary"])
    url = reverse("mentoring:student_edit", args=[student.pk])
    assert "李思琪" in client.get(url).content.decode()
    assert AuditEntry.objects.filter(action="mentoring.student.read").count() == 1
    data = {
        "name": "李思琪",
        "class_name": "八年级一班",
        "gender": "F",
        "left_on": "2024-07-10",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    student.refresh_from_db()
    assert student.class_name == "八年级一班" and student.version == 2


def test_settings_enable_guardian_contact(world, client):
    client.force_login(world.users["secretary"])
    url = reverse("mentoring:settings") + "?org=yucai"
    data = {"default_scheme": "shuanglian", "guardian_contact_enabled": "on", "retention_years": 5}
    assert client.post(url, data).status_code == 302
    student = services.student_create(
        actor=world.users["secretary"],
        organisation=world.branch,
        data={"name": "王小川", "class_name": "七年级二班", "gender": "M", "guardian_contact": "王先生 139"},
    )
    assert student.guardian_contact == "王先生 139"
    bad = client.post(url, {**data, "retention_years": 0})
    assert bad.status_code == 200 and "field-error" in bad.content.decode()


def test_member_keeps_her_case_in_the_ui(world, client):
    case = make_case(world.people["member"])
    client.force_login(world.users["member"])
    plan_url = reverse("mentoring:case_plan", args=[case.pk])
    response = client.post(
        plan_url,
        {
            "plan_thinking": "每周谈心",
            "plan_study": "辅导数学",
            "plan_life": "",
            "plan_psychology": "",
            "version": 1,
        },
    )
    assert response.status_code == 302
    client.post(
        reverse("mentoring:log_create", args=[case.pk]),
        {"on": "2023-03-08", "dimension": "thinking", "text": "课间谈心", "observation": "愿意交流"},
    )
    client.post(
        reverse("mentoring:case_outcome", args=[case.pk]),
        {"outcome": "turned", "outcome_on": "2023-06-30", "evidence": "期末成绩提高", "version": 2},
    )
    case.refresh_from_db()
    assert case.plan_thinking == "每周谈心" and case.outcome == "turned" and case.logs.count() == 1
    body = client.get(reverse("mentoring:case", args=[case.pk])).content.decode()
    assert "课间谈心" in body and "已转化" in body


def test_seminar_link(world, client):
    from zhibu.meetings.models import Meeting

    case = make_case(world.people["member"])
    meeting = Meeting.objects.create(
        organisation=world.branch, topic="包教工作座谈会", held_at=timezone.now() - timedelta(days=3)
    )
    foreign = Meeting.objects.create(organisation=world.other_branch, topic="x", held_at=timezone.now())
    client.force_login(world.users["secretary"])
    url = reverse("mentoring:seminar_link", args=[case.pk])
    assert client.post(url, {"meeting": foreign.pk}).status_code == 200  # not offered: form error
    assert client.post(url, {"meeting": meeting.pk}).status_code == 302
    assert list(case.seminars.all()) == [meeting]


def _log_post(case, upload):
    return {
        "on": "2023-03-08",
        "dimension": "study",
        "text": "批改作文",
        "observation": "",
        "attachment": upload,
    }


def test_attachment_over_the_limit_refused(world, client, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zhibu.mentoring.models import LogAttachment

    settings.ZHIBU_ATTACHMENT_MAX_BYTES = 1024 * 1024
    case = make_case(world.people["member"])
    before = _counts()
    client.force_login(world.users["member"])
    big = SimpleUploadedFile("作文.png", png_bytes() + b"0" * (1024 * 1024 + 10), content_type="image/png")
    response = client.post(reverse("mentoring:log_create", args=[case.pk]), _log_post(case, big))
    body = response.content.decode()
    assert response.status_code == 200 and "超过附件上限" in body and "作文.png" in body
    assert _counts() == before and LogAttachment.objects.count() == 0
    exe = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(reverse("mentoring:log_create", args=[case.pk]), _log_post(case, exe))
    assert "格式不受支持" in response.content.decode() and _counts() == before
    fake = SimpleUploadedFile("作文.png", b"MZ pretending", content_type="image/png")  # judged by content
    response = client.post(reverse("mentoring:log_create", args=[case.pk]), _log_post(case, fake))
    assert "不是有效的图片" in response.content.decode() and _counts() == before


def test_attachment_stored_encrypted_and_read_audited(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection

    from zhibu.mentoring.models import LogAttachment

    case = make_case(world.people["member"])
    client.force_login(world.users["member"])
    png = SimpleUploadedFile("王小川的作文.png", png_bytes() + b"-secret-bytes", content_type="image/png")
    assert (
        client.post(reverse("mentoring:log_create", args=[case.pk]), _log_post(case, png)).status_code == 302
    )
    attachment = LogAttachment.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("select filename, content from mentoring_logattachment")
        raw = " ".join(cursor.fetchone())
    assert "王小川" not in raw and "secret" not in raw
    reads = AuditEntry.objects.filter(action="mentoring.case.read").count()
    response = client.get(reverse("mentoring:attachment", args=[attachment.pk]))
    assert response.status_code == 200 and response.content == png_bytes() + b"-secret-bytes"
    assert "王小川" not in response["Content-Disposition"]
    assert AuditEntry.objects.filter(action="mentoring.case.read").count() == reads + 1
    client.force_login(world.users["committee"])
    assert client.get(reverse("mentoring:attachment", args=[attachment.pk])).status_code == 403
