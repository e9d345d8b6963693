"""Pages: happy paths through the UI, wrong role, other branch, bad input, constant query counts."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zhibu.study.models import NoteCheck, ReadingRecord, SelfStudyDone, StudyNote, StudySession, StudySettings

from .helpers import PNG, book, check, done, meeting, note, session, task

ORG = "?org=yucai"

THRESHOLDS = {"min_activity_kinds": "4", "min_attendance_rate": "60"}


def test_secretary_records_session_in_the_ui(world, branch, login):
    client = login(world.secretary)
    response = client.post(
        reverse("study:session_create") + ORG,
        {
            "form": "exemplar_report",
            "subject": "先进事迹",
            "topic": "学习郭明义同志先进事迹",
            "held_on": "2021-11-18",
            "hours": "3",
            "present": [world.people["member"].pk, world.people["committee"].pk],
        },
    )
    s = StudySession.objects.get()
    assert response.status_code == 302 and response.url == reverse("study:session", args=[s.pk])
    page = client.get(response.url).content.decode()
    assert "学习郭明义同志先进事迹" in page and "刘丹" in page and "于雪华" in page


def test_session_from_meeting_in_the_ui(world, branch, login):
    m = meeting(branch, "党史专题党课：长征精神", date(2022, 6, 23), present=[world.people["member"]])
    client = login(world.secretary)
    form_page = client.get(reverse("study:session_from_meeting") + ORG).content.decode()
    assert "党史专题党课：长征精神" in form_page
    response = client.post(
        reverse("study:session_from_meeting") + ORG,
        {"meeting": m.pk, "form": "party_lecture", "subject": "党史", "hours": "4"},
    )
    s = StudySession.objects.get()
    assert response.status_code == 302 and s.meeting == m
    detail = client.get(reverse("study:session", args=[s.pk])).content.decode()
    assert "2022年6月23日" in detail and "刘丹" in detail and "取自会议记录" in detail
    # Once linked, the meeting is no longer offered.
    assert (
        "党史专题党课：长征精神"
        not in client.get(reverse("study:session_from_meeting") + ORG).content.decode()
    )


def test_session_negative_hours_shows_message_writes_nothing(world, branch, login):
    response = login(world.secretary).post(
        reverse("study:session_create") + ORG,
        {"form": "forum", "topic": "座谈", "held_on": "2022-01-13", "hours": "-2"},
    )
    assert response.status_code == 200
    assert "学时不能为负数" in response.content.decode()
    assert StudySession.objects.count() == 0


def test_member_cannot_create_session_and_outsider_gets_404(world, branch, login):
    data = {"form": "forum", "topic": "座谈", "held_on": "2022-01-13", "hours": "2"}
    assert login(world.member).post(reverse("study:session_create") + ORG, data).status_code == 403
    assert login(world.outsider).post(reverse("study:session_create") + ORG, data).status_code == 404
    s = session(branch, "forum", date(2022, 1, 13))
    assert login(world.outsider).get(reverse("study:session", args=[s.pk])).status_code == 404
    assert StudySession.objects.count() == 1


def test_member_records_reading_and_august_is_refused(world, branch, login):
    client = login(world.member)
    response = client.post(
        reverse("study:reading_create"), {"title": "平凡的世界", "finished_on": "2023-03-05"}
    )
    assert response.status_code == 302
    record = ReadingRecord.objects.get()
    assert record.person == world.people["member"] and record.term_start == date(2023, 2, 1)
    bad = client.post(reverse("study:reading_create"), {"title": "暑假读的书", "finished_on": "2023-08-05"})
    assert bad.status_code == 200 and "不在任何学期内" in bad.content.decode()
    assert ReadingRecord.objects.count() == 1


def test_member_cannot_edit_anothers_reading(world, branch, login):
    theirs = book(branch, world.people["secretary"], "苦难辉煌", date(2022, 10, 10))
    client = login(world.member)
    url = reverse("study:reading_edit", args=[theirs.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "改了", "finished_on": "2022-10-10", "version": 1}).status_code == 403
    assert (
        client.post(reverse("core:remove", args=["study.reading", theirs.pk]), {"reason": "x"}).status_code
        == 403
    )
    assert login(world.outsider).post(url, {"title": "改了", "finished_on": "2022-10-10"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "苦难辉煌"


def test_member_marks_task_done_from_her_page(world, branch, login):
    today = timezone.localdate()
    t = task(branch, "自学党章", today.replace(day=1), today)
    client = login(world.member)
    page = client.get(reverse("study:mine")).content.decode()
    assert "自学党章" in page and "标记完成" in page
    url = reverse("study:task_done", args=[t.pk])
    bad = client.post(url, {"done_on": today.isoformat(), "reflection": "   "})
    assert bad.status_code == 200 and SelfStudyDone.objects.count() == 0
    response = client.post(url, {"done_on": today.isoformat(), "reflection": "深受教育"})
    assert response.status_code == 302 and SelfStudyDone.objects.get().person == world.people["member"]
    assert "没有待完成的自学任务" in client.get(reverse("study:mine")).content.decode()


def test_note_upload_and_scan_served_only_through_policy(world, branch, login):
    client = login(world.member)
    upload = SimpleUploadedFile("page1.png", PNG, content_type="image/png")
    response = client.post(
        reverse("study:note_create"), {"written_on": "2022-05-06", "title": "五月笔记", "scan": upload}
    )
    assert response.status_code == 302
    n = StudyNote.objects.get()
    scan = client.get(reverse("study:note_scan", args=[n.pk]))
    assert scan.status_code == 200 and scan["Content-Type"] == "image/png"
    assert b"".join(scan.streaming_content) == PNG
    assert login(world.outsider).get(reverse("study:note_scan", args=[n.pk])).status_code == 404
    assert login(world.committee).get(reverse("study:note_scan", args=[n.pk])).status_code == 200
    # The office checker checks that notes were handed in, without reading them.
    assert login(world.checker).get(reverse("study:note_scan", args=[n.pk])).status_code == 403


def test_note_upload_not_an_image_shows_message(world, branch, login, media):
    fake = SimpleUploadedFile("scan.jpg", b"<html>not a picture</html>", content_type="image/jpeg")
    response = login(world.member).post(
        reverse("study:note_create"), {"written_on": "2022-05-06", "title": "五月笔记", "scan": fake}
    )
    assert response.status_code == 200
    assert "“scan.jpg”不是有效的图片" in response.content.decode()
    assert StudyNote.objects.count() == 0 and not media.exists()


def test_member_cannot_read_anothers_note(world, branch, login):
    theirs = note(branch, world.people["secretary"], date(2022, 5, 6))
    assert login(world.member).get(reverse("study:note", args=[theirs.pk])).status_code == 403


def test_checker_records_a_month(world, branch, login):
    note(branch, world.people["member"], date(2022, 5, 6))
    client = login(world.checker)
    url = reverse("study:checks") + ORG + "&month=2022-05"
    page = client.get(url).content.decode()
    assert "刘丹" in page and "2022年5月" in page
    member_pk = world.people["member"].pk
    response = client.post(
        url, {"checked_on": "2022-05-30", f"result_{member_pk}": "pass", f"remark_{member_pk}": "认真"}
    )
    assert response.status_code == 302
    c = NoteCheck.objects.get()
    assert (c.person, c.month, c.result, c.checker) == (
        world.people["member"],
        date(2022, 5, 1),
        "pass",
        world.people["checker"],
    )
    bad = client.post(url, {"checked_on": "2022-04-01", f"result_{member_pk}": "improve"})
    assert bad.status_code == 200 and "检查日期不能早于" in bad.content.decode()
    assert NoteCheck.objects.get().result == "pass"
    assert login(world.member).post(url, {"checked_on": "2022-05-30"}).status_code == 403


def test_index_counts_forms_apart(world, branch, login):
    for form, n in (("party_lecture", 2), ("exemplar_report", 3), ("forum", 1)):
        for i in range(n):
            session(branch, form, date(2022, 3, 1 + i), topic=f"{form}{i}")
    page = (
        login(world.member)
        .get(reverse("study:index") + ORG + "&from=2022-01-01&to=2022-12-31")
        .content.decode()
    )
    assert "共集中学习6次" in page
    assert "<b>3</b><span>先进事迹报告学习</span>" in page


def _grow(branch, world, k: int):
    members = [world.people[p] for p in ("member", "secretary", "committee")]
    for i in range(k):
        day = date(2022, 3 + i % 5, 1 + i)
        m = meeting(branch, f"党史专题党课：第{i}讲", day, present=members)
        session(branch, "party_lecture", subject="党史", mtg=m)
        session(branch, "forum", day, topic=f"座谈{i}", present=members)
        t = task(branch, f"自学{i}", day, day)
        done(t, world.people["member"], day)
        book(branch, world.people["member"], f"书{i}", day)
        n = note(branch, world.people["member"], day)
        check(branch, n.person, n.month) if not NoteCheck.objects.filter(month=n.month).exists() else None


LISTS = [
    ("study:index", ORG + "&from=2022-01-01&to=2022-12-31", "secretary"),
    ("study:tasks", ORG, "secretary"),
    ("study:reading", ORG + "&term=2022-03-01", "secretary"),
    ("study:notes", ORG, "committee"),
    ("study:checks", ORG + "&month=2022-03", "checker"),
    ("study:mine", "", "member"),
]


@pytest.mark.parametrize(("url_name", "query", "persona"), LISTS)
def test_query_count_constant_as_rows_grow(
    world, branch, client, django_assert_max_num_queries, url_name, query, persona
):
    client.force_login(world.users[persona])
    url = reverse(url_name) + query
    _grow(branch, world, 2)
    client.get(url)  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _grow(branch, world, 12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_person_page_for_officers_only(world, branch, login):
    url = reverse("study:person", args=[world.people["secretary"].pk])
    assert login(world.member).get(url).status_code == 403
    assert login(world.committee).get(url).status_code == 200


def test_settings_page_changes_the_quota(world, branch, login):
    client = login(world.secretary)
    url = reverse("study:settings") + ORG
    bad = client.post(
        url, {**THRESHOLDS, "books_per_term": "-1", "member_hours": "32", "officer_hours": "56"}
    )
    assert bad.status_code == 200 and "不能为负数" in bad.content.decode()
    assert StudySettings.objects.count() == 0
    assert (
        client.post(
            url, {**THRESHOLDS, "books_per_term": "3", "member_hours": "30", "officer_hours": "50"}
        ).status_code
        == 302
    )
    assert StudySettings.objects.get().books_per_term == 3
    assert login(world.committee).get(url).status_code == 403


def test_editing_a_linked_session_keeps_the_meetings_date_and_topic(world, branch, login):
    m = meeting(branch, "民主座谈会：交流", date(2022, 7, 7), present=[world.people["member"]])
    s = session(branch, "forum", mtg=m)
    client = login(world.committee)
    url = reverse("study:session_edit", args=[s.pk])
    form_page = client.get(url).content.decode()
    assert 'name="held_on"' not in form_page and 'name="topic"' not in form_page
    response = client.post(url, {"form": "seminar", "subject": "教改", "hours": "2.5", "version": 1})
    assert response.status_code == 302
    s.refresh_from_db()
    assert (s.form, s.hours, s.held_on, s.topic, s.version) == ("seminar", Decimal("2.5"), None, "", 2)
    stale = client.post(url, {"form": "forum", "subject": "", "hours": "3", "version": 1})
    assert stale.status_code == 200 and "已被他人修改" in stale.content.decode()
