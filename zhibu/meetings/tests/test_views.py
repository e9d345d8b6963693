"""Views: happy path, wrong role, other branch, bad input, htmx sheet, files, query counts."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zhibu.core.tests.factories import PersonFactory
from zhibu.meetings.models import Attachment, Attendance, CadenceRule, Meeting

from .factories import AttachmentFactory, MeetingVoteFactory
from .helpers import at, make_meeting, mtype, png_bytes, png_upload

NOW = at(2023, 6, 30, 12, 0)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def form_data(**overrides) -> dict:
    data = {
        "types": [mtype("committee_meeting").pk],
        "topic": "支委会：研究七一评先",
        "held_at": "2023-06-28T16:00",
        "held": "on",
        "place": "校长室",
    }
    data.update(overrides)
    return data


def test_secretary_records_a_meeting(world, login):
    client = login(world.secretary)
    response = client.post(reverse("meetings:create") + "?org=yucai", form_data())
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "meetings:attendance", args=[meeting.pk]
    )
    assert meeting.organisation == world.branch and [t.code for t in meeting.types.all()] == [
        "committee_meeting"
    ]
    page = client.get(reverse("meetings:detail", args=[meeting.pk]))
    assert "支委会：研究七一评先" in page.content.decode()


def test_future_held_meeting_shows_message_and_writes_nothing(world, login):
    response = login(world.secretary).post(
        reverse("meetings:create") + "?org=yucai", form_data(held_at="2023-07-05T16:00")
    )
    assert response.status_code == 200
    assert "未来的会议不能标记为“已召开”" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_missing_type_is_named(world, login):
    response = login(world.secretary).post(reverse("meetings:create") + "?org=yucai", form_data(types=[]))
    assert "请至少选择一种会议类型" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_member_cannot_record_and_outsider_cannot_see(world, login):
    meeting = make_meeting(world.branch, "committee_meeting", held_at=at(2023, 6, 5))
    assert login(world.member).post(reverse("meetings:create") + "?org=yucai", form_data()).status_code == 403
    assert login(world.member).get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    assert login(world.outsider).get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404
    assert (
        login(world.outsider).post(reverse("meetings:edit", args=[meeting.pk]), form_data()).status_code
        == 404
    )
    assert Meeting.objects.count() == 1


def test_edit_with_stale_version_is_refused(world, login):
    meeting = make_meeting(world.branch, "committee_meeting", held_at=at(2023, 6, 5))
    url = reverse("meetings:edit", args=[meeting.pk])
    client = login(world.secretary)
    assert client.post(url, form_data(version=1, topic="第一次修改")).status_code == 302
    response = client.post(url, form_data(version=1, topic="过期的修改"))
    assert "已被他人修改" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.topic == "第一次修改"


def test_list_query_count_is_constant(world, login):
    client = login(world.secretary)
    url = reverse("meetings:list") + "?org=yucai"

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 1, 5))
    few = count()
    for day in range(1, 21):
        make_meeting(
            world.branch, "theme_day", "party_lecture", held_at=at(2023, 2, day), host=world.people["member"]
        )
    assert count() == few


def test_calendar_page_states_and_constant_queries(world, login):
    client = login(world.member)
    url = reverse("meetings:calendar") + "?org=yucai&year=2023"

    def get():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        return response, len(ctx)

    make_meeting(world.branch, "committee_meeting", held_at=at(2023, 1, 6))
    response, few = get()
    html = response.content.decode()
    assert "逾期未召开" in html and 'class="slot held' in html and 'class="slot overdue' in html
    for month in range(2, 7):
        make_meeting(world.branch, "committee_meeting", "theme_day", held_at=at(2023, month, 6))
    response, many = get()
    assert many == few
    assert (
        reverse("meetings:detail", args=[Meeting.objects.order_by("pk").last().pk])
        in response.content.decode()
    )


# --- attendance sheet ---------------------------------------------------------------------------
def test_one_click_toggle_returns_the_row(world, login):
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    row = meeting.attendance.get(person=world.people["member"])
    url = reverse("meetings:attendance_toggle", args=[meeting.pk, row.pk])
    response = login(world.secretary).post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="att-{row.pk}"') and "请假" in html and "请填写请假事由" in html
    row.refresh_from_db()
    assert row.status == Attendance.Status.LEAVE


def test_reason_is_saved_and_blank_reason_is_refused(world, login):
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    row = meeting.attendance.get(person=world.people["member"])
    row.status = Attendance.Status.LEAVE
    row.save(update_fields=["status"])
    url = reverse("meetings:attendance_reason", args=[meeting.pk, row.pk])
    client = login(world.secretary)
    bad = client.post(url, {"reason": "  "}, HTTP_HX_REQUEST="true")
    assert "刘丹请假，请填写请假事由" in bad.content.decode()
    client.post(url, {"reason": "带学生参加比赛"}, HTTP_HX_REQUEST="true")
    row.refresh_from_db()
    assert (row.status, row.reason) == ("leave", "带学生参加比赛")


def test_toggle_by_member_is_forbidden(world, login):
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    row = meeting.attendance.first()
    url = reverse("meetings:attendance_toggle", args=[meeting.pk, row.pk])
    assert login(world.member).post(url).status_code == 403
    assert login(world.outsider).post(url).status_code == 404
    row.refresh_from_db()
    assert row.status == "present"


def test_duplicate_and_other_branch_attendee_messages(world, login):
    meeting = make_meeting(world.branch, "forum", held_at=at(2023, 6, 20))
    url = reverse("meetings:attendance", args=[meeting.pk])
    client = login(world.secretary)
    dup = client.post(url, {"person": world.people["member"].pk, "status": "present"})
    assert dup.status_code == 400 and "刘丹已在本次会议的签到名单中" in dup.content.decode()
    other = client.post(url, {"person": world.people["other_member"].pk, "status": "present"})
    assert other.status_code == 400 and "所选人员不在本支部名册中" in other.content.decode()
    assert meeting.attendance.count() == 3
    ok = client.post(url, {"person": world.people["checker"].pk, "status": "present"})
    assert ok.status_code == 302 and meeting.attendance.count() == 4


def test_sign_sheet_lists_names_by_strokes(world, login):
    PersonFactory(organisation=world.branch, name="丁一")  # 丁: 2 strokes, first
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    html = login(world.member).get(reverse("meetings:sign_sheet", args=[meeting.pk])).content.decode()
    order = [html.index(name) for name in ("丁一", "于雪华", "刘丹", "张文华")]
    assert order == sorted(order)
    assert "签到表" in html and "签名" in html and "序号" in html


def test_detail_shows_quorum_and_vote_result(world, login):
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    MeetingVoteFactory(meeting=meeting, subject="评选优秀共产党员", approve=2, abstain=1)
    html = login(world.member).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "应到会有表决权党员3人，实到3人，超过半数" in html
    assert "赞成2票，超过应到会有表决权党员3人的半数，通过" in html


def test_vote_over_present_shows_message(world, login):
    meeting = make_meeting(world.branch, "general_meeting", held_at=at(2023, 6, 20))
    response = login(world.secretary).post(
        reverse("meetings:vote_add", args=[meeting.pk]),
        {"subject": "x", "approve": 5, "oppose": 0, "abstain": 0},
    )
    assert response.status_code == 400 and "多于实到有表决权党员3人" in response.content.decode()
    assert meeting.votes.count() == 0


# --- attachments --------------------------------------------------------------------------------
def test_upload_photo_and_serve_it_inline(world, login):
    meeting = make_meeting(world.branch, "theme_day", held_at=at(2023, 6, 20))
    client = login(world.secretary)
    response = client.post(
        reverse("meetings:attachment_add", args=[meeting.pk]), {"upload": png_upload(), "caption": "合影"}
    )
    assert response.status_code == 302
    item = Attachment.objects.get()
    served = login(world.member).get(reverse("meetings:attachment", args=[item.pk]))
    assert served["Content-Type"] == "image/png" and served["X-Content-Type-Options"] == "nosniff"
    assert "attachment" not in served.get("Content-Disposition", "")
    assert b"".join(served.streaming_content) == png_bytes()
    assert login(world.outsider).get(reverse("meetings:attachment", args=[item.pk])).status_code == 404


def test_document_is_served_as_a_download(world, login):
    import openpyxl

    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active["A1"] = "签到"
    book.save(buffer)
    meeting = make_meeting(world.branch, "theme_day", held_at=at(2023, 6, 20))
    item = AttachmentFactory(
        meeting=meeting,
        kind=Attachment.Kind.DOCUMENT,
        file__filename="签到表.xlsx",
        file__data=buffer.getvalue(),
        original_name="签到表.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        size=len(buffer.getvalue()),
        caption="",
        uploaded_by=world.secretary,
    )
    served = login(world.member).get(reverse("meetings:attachment", args=[item.pk]))
    assert served["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    "upload,message",
    [
        (lambda: SimpleUploadedFile("假照片.jpg", b"plain text, not a photo"), "“假照片.jpg”不是有效的图片"),
        (
            lambda: SimpleUploadedFile("大照片.jpg", b"\xff\xd8\xff\xe0" + b"\0" * (20 * 1024 * 1024)),
            "“大照片.jpg”大小为20.0 MB，超过附件上限10.0 MB",
        ),
    ],
)
def test_bad_upload_shows_message_and_writes_nothing(world, login, upload, message, settings):
    meeting = make_meeting(world.branch, "theme_day", held_at=at(2023, 6, 20))
    response = login(world.secretary).post(
        reverse("meetings:attachment_add", args=[meeting.pk]), {"upload": upload()}
    )
    assert response.status_code == 400 and message in response.content.decode()
    assert Attachment.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "meetings").exists()


# --- rules and types ----------------------------------------------------------------------------
def test_bureau_changes_a_rule_from_a_date(world, login):
    client = login(world.bureau)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    data = {
        "meeting_type": mtype("party_lecture").pk,
        "every": "month",
        "times": 1,
        "effective_from": tomorrow,
    }
    assert client.post(reverse("meetings:rules"), data).status_code == 302
    rules = CadenceRule.objects.filter(meeting_type__code="party_lecture", organisation=None).order_by(
        "effective_from"
    )
    assert [(r.every, r.effective_to) for r in rules] == [
        ("quarter", timezone.localdate()),
        ("month", None),
    ]
    stale = client.post(reverse("meetings:rules"), {**data, "effective_from": "2020-01-01"})
    assert stale.status_code == 400 and "生效日期不能早于今天" in stale.content.decode()
    assert login(world.secretary).post(reverse("meetings:rules"), data).status_code == 403
    assert CadenceRule.objects.filter(meeting_type__code="party_lecture").count() == 2


def test_secretary_adds_a_type_and_uses_it(world, login):
    client = login(world.secretary)
    response = client.post(reverse("meetings:type_create") + "?org=yucai", {"name": "包教工作座谈会"})
    assert response.status_code == 302
    blank = client.post(reverse("meetings:type_create") + "?org=yucai", {"name": "包教工作座谈会"})
    assert blank.status_code == 400 and "已有名为“包教工作座谈会”的会议类型" in blank.content.decode()
    page = client.get(reverse("meetings:create") + "?org=yucai").content.decode()
    assert "包教工作座谈会" in page
    assert "包教工作座谈会" not in login(world.outsider).get(reverse("meetings:create")).content.decode()
