"""One attendance row into the 回收站 and back: from the meeting's page, by those who edit meetings,
and a restore refused — with a message, nothing written — when its meeting is gone or the person's
attendance was entered again meanwhile."""

from __future__ import annotations

import pytest
from django.urls import reverse

from zhibu.core import recycle
from zhibu.core.models import AuditEntry, RemovedRecord
from zhibu.meetings.models import Attendance, Meeting

from .factories import AttendanceFactory
from .helpers import make_meeting


@pytest.fixture
def meeting(world) -> Meeting:
    return make_meeting(world.branch, topic="学习党史专题会")


@pytest.fixture
def row(meeting) -> Attendance:
    return Attendance.objects.filter(meeting=meeting).select_related("person").first()


def _remove_url(row) -> str:
    return reverse("core:remove", args=["meetings.attendance", row.pk])


def _restore(client, removed):
    return client.post(reverse("core:recycle_restore", args=[removed.pk]), follow=True)


def test_remove_from_the_meeting_page_and_restore(world, login, meeting, row):
    client = login(world.secretary)
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert _remove_url(row) in page
    confirm = client.get(_remove_url(row)).content.decode()
    assert "删除原因" in confirm and row.person.name in confirm
    response = client.post(_remove_url(row), {"reason": "误录，此人当天出差"}, follow=True)
    assert "已删除" in response.content.decode()
    assert not Attendance.objects.filter(pk=row.pk).exists()
    assert Meeting.objects.filter(pk=meeting.pk).exists()  # only the row goes
    removed = RemovedRecord.objects.get()
    assert removed.model == "meetings.attendance" and removed.rows == 1
    assert removed.label == f"出席记录：{row.person.name}（{meeting}）"
    assert AuditEntry.objects.filter(action="core.record.removed", object_id=str(row.pk)).exists()

    response = _restore(client, removed)
    assert "已恢复" in response.content.decode()
    back = Attendance.objects.get(pk=row.pk)
    assert (back.meeting_id, back.person_id, back.status) == (meeting.pk, row.person_id, row.status)


def test_reason_required_wrong_role_and_other_branch(world, login, meeting, row):
    client = login(world.secretary)
    response = client.post(_remove_url(row), {"reason": "  "})
    assert response.status_code == 200 and "这个字段是必填项" in response.content.decode()
    assert login(world.member).post(_remove_url(row), {"reason": "x"}).status_code == 403
    assert login(world.checker).get(_remove_url(row)).status_code == 403
    assert login(world.outsider).post(_remove_url(row), {"reason": "x"}).status_code == 404
    assert Attendance.objects.filter(pk=row.pk).exists() and not RemovedRecord.objects.exists()
    page = login(world.member).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert _remove_url(row) not in page


def test_restore_refused_while_its_meeting_is_removed(world, login, meeting, row):
    pk = row.pk
    alone = recycle.record_remove(actor=world.secretary, model="meetings.attendance", obj=row, reason="误录")
    whole = recycle.record_remove(
        actor=world.secretary, model="meetings.meeting", obj=Meeting.objects.get(pk=meeting.pk), reason="重复"
    )
    client = login(world.secretary)
    page = _restore(client, alone).content.decode()
    assert "它所属的会议已被删除" in page and f"请先在回收站中恢复“{whole.label}”" in page
    assert not Attendance.objects.filter(pk=pk).exists()
    alone.refresh_from_db()
    assert alone.restored_at is None
    # Restoring the meeting first brings back its sheet less the row removed before; then the row.
    _restore(client, whole)
    assert not Attendance.objects.filter(pk=pk).exists()
    _restore(client, alone)
    assert Attendance.objects.filter(pk=pk, meeting=meeting).exists()


def test_restore_refused_when_the_person_was_entered_again(world, login, meeting, row):
    removed = recycle.record_remove(
        actor=world.secretary, model="meetings.attendance", obj=row, reason="误录"
    )
    again = AttendanceFactory(
        meeting=meeting, person=row.person, status=Attendance.Status.LEAVE, reason="出差"
    )
    entries = AuditEntry.objects.count()
    page = _restore(login(world.secretary), removed).content.decode()
    assert "删除后又重新登记了同一出席记录" in page and "本次未恢复任何内容" in page
    assert list(Attendance.objects.filter(meeting=meeting, person=row.person)) == [again]
    removed.refresh_from_db()
    assert removed.restored_at is None and AuditEntry.objects.count() == entries
