"""回收站: remove with a reason, restore within the period, refusals that name what holds a record,
purge with files — through the pages, as the personas."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from zhibu.core import recycle
from zhibu.core.models import AuditEntry, RemovedRecord
from zhibu.core.tests.factories import RemovedRecordFactory  # noqa: F401 - the factory rule
from zhibu.meetings.models import Attachment, Attendance, Meeting
from zhibu.meetings.tests.factories import AttachmentFactory
from zhibu.meetings.tests.helpers import make_meeting


def remove_url(model: str, pk: int) -> str:
    return reverse("core:remove", args=[model, pk])


@pytest.fixture
def meeting(world) -> Meeting:
    return make_meeting(world.branch, topic="学习党史专题会")


def test_secretary_removes_a_meeting_with_its_sheet_and_restores_it(world, login, meeting):
    rows = Attendance.objects.filter(meeting=meeting).count()
    assert rows > 0
    client = login(world.secretary)
    assert "删除原因" in client.get(remove_url("meetings.meeting", meeting.pk)).content.decode()
    response = client.post(remove_url("meetings.meeting", meeting.pk), {"reason": "重复登记"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("meetings:list")
    assert "已删除" in response.content.decode()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert not Attendance.objects.filter(meeting_id=meeting.pk).exists()
    removed = RemovedRecord.objects.get()
    assert (removed.reason, removed.rows) == ("重复登记", 1 + rows)
    entry = AuditEntry.objects.get(action="core.record.removed")
    assert entry.before["topic"] == "学习党史专题会" and entry.after == {"reason": "重复登记"}

    page = client.get(reverse("core:recycle")).content.decode()
    assert "学习党史专题会" in page and "重复登记" in page
    client.post(reverse("core:recycle_restore", args=[removed.pk]))
    restored = Meeting.objects.get(pk=meeting.pk)
    assert restored.topic == "学习党史专题会" and set(restored.types.all()) == set(meeting.types.all())
    assert Attendance.objects.filter(meeting=restored).count() == rows
    assert RemovedRecord.objects.get().restored_at is not None
    assert AuditEntry.objects.filter(action="core.record.restored").exists()


def test_removal_without_a_reason_writes_nothing(world, login, meeting):
    response = login(world.secretary).post(remove_url("meetings.meeting", meeting.pk), {"reason": " "})
    assert response.status_code == 200 and "这个字段是必填项" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists() and not RemovedRecord.objects.exists()


def test_wrong_role_is_403_and_other_branch_is_404(world, login, meeting):
    assert (
        login(world.member).post(remove_url("meetings.meeting", meeting.pk), {"reason": "x"}).status_code
        == 403
    )
    assert (
        login(world.outsider).post(remove_url("meetings.meeting", meeting.pk), {"reason": "x"}).status_code
        == 404
    )
    assert login(world.secretary).get(remove_url("nothing.here", 1)).status_code == 404
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_person_with_records_is_not_removed_and_the_message_says_why(world, login, meeting):
    person = Attendance.objects.filter(meeting=meeting).first().person
    response = login(world.secretary).post(remove_url("people.person", person.pk), {"reason": "录错了"})
    assert "引用它，不能删除" in response.content.decode()
    assert not RemovedRecord.objects.exists()


def test_restore_after_the_keeping_period_is_refused(world, login, meeting):
    removed = recycle.record_remove(
        actor=world.secretary, model="meetings.meeting", obj=meeting, reason="错录"
    )
    with time_machine.travel(timezone.now() + timedelta(days=recycle.days() + 1)):
        response = login(world.secretary).post(
            reverse("core:recycle_restore", args=[removed.pk]), follow=True
        )
    assert "无法恢复" in response.content.decode()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_only_the_secretary_sees_the_recycle_bin(world, login, meeting):
    recycle.record_remove(actor=world.secretary, model="meetings.meeting", obj=meeting, reason="错录")
    assert login(world.committee).get(reverse("core:recycle")).status_code == 403
    page = login(world.outsider).get(reverse("core:recycle")).content.decode()
    assert "学习党史专题会" not in page  # the other branch's secretary sees her own bin only


def test_purge_deletes_old_removals_and_their_files(world, meeting):
    attachment = AttachmentFactory(meeting=meeting)
    name, storage = attachment.file.name, attachment.file.storage
    recycle.record_remove(actor=world.secretary, model="meetings.meeting", obj=meeting, reason="错录")
    assert storage.exists(name) and not Attachment.objects.exists()  # kept for a restore
    assert recycle.recycle_purge() == 0
    assert recycle.recycle_purge(now=timezone.now() + timedelta(days=recycle.days() + 1)) == 1
    assert not storage.exists(name) and not RemovedRecord.objects.exists()
    assert AuditEntry.objects.filter(action="core.record.purged").exists()


def test_removed_mentoring_rows_are_kept_encrypted(world, login):
    from django.db import connection

    from zhibu.mentoring.tests.factories import make_case

    case = make_case(world.people["member"])
    recycle.record_remove(actor=world.secretary, model="mentoring.case", obj=case, reason="重复")
    with connection.cursor() as cursor:
        cursor.execute("SELECT payload FROM core_removedrecord")
        (stored,) = cursor.fetchone()
    assert case.student.pseudonym not in stored and "mentoring" not in stored
    assert RemovedRecord.objects.get().label.endswith(case.student.pseudonym)


def test_detail_pages_offer_removal_to_those_who_may(world, login, meeting):
    url = remove_url("meetings.meeting", meeting.pk)
    page = reverse("meetings:detail", args=[meeting.pk])
    assert url in login(world.secretary).get(page).content.decode()
    assert url not in login(world.member).get(page).content.decode()
    person = world.people["member"]
    assert (
        remove_url("people.person", person.pk)
        in login(world.secretary).get(reverse("people:person", args=[person.pk])).content.decode()
    )
