"""读书记录 into the 回收站 and back: a member removes her own, officers anyone's, from the reading
list or the record's form; a reason is required, another member's record is refused (403) and
another branch's does not exist (404)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from zhibu.core.models import AuditEntry, RemovedRecord
from zhibu.study.models import ReadingRecord

from .helpers import book

LIST = reverse("study:reading") + "?org=yucai&term=2022-10-10"


def _remove_url(record) -> str:
    return reverse("core:remove", args=["study.reading", record.pk])


def test_member_removes_her_own_book_and_the_secretary_restores_it(world, branch, login):
    mine = book(branch, world.people["member"], "红星照耀中国", date(2022, 10, 10))
    pk = mine.pk
    client = login(world.member)
    assert _remove_url(mine) in client.get(LIST).content.decode()
    assert _remove_url(mine) in client.get(reverse("study:reading_edit", args=[pk])).content.decode()
    response = client.post(_remove_url(mine), {"reason": "记重了"}, follow=True)
    assert "已删除" in response.content.decode()
    assert not ReadingRecord.objects.filter(pk=pk).exists()
    removed = RemovedRecord.objects.get()
    assert (removed.model, removed.reason) == ("study.reading", "记重了")
    assert "红星照耀中国" in removed.label
    assert AuditEntry.objects.filter(action="core.record.removed", object_id=str(pk)).exists()

    secretary = login(world.secretary)
    assert "红星照耀中国" in secretary.get(reverse("core:recycle")).content.decode()
    response = secretary.post(reverse("core:recycle_restore", args=[removed.pk]), follow=True)
    assert "已恢复" in response.content.decode()
    back = ReadingRecord.objects.get(pk=pk)
    assert (back.title, back.person, back.term_start) == (
        "红星照耀中国",
        world.people["member"],
        date(2022, 9, 1),
    )


def test_officers_remove_anyones_book(world, branch, login):
    theirs = book(branch, world.people["member"], "苦难辉煌", date(2022, 10, 10))
    client = login(world.committee)
    assert _remove_url(theirs) in client.get(LIST).content.decode()
    assert client.post(_remove_url(theirs), {"reason": "代录错了人"}).status_code == 302
    assert not ReadingRecord.objects.exists()


def test_reason_required_wrong_role_and_other_branch(world, branch, login):
    theirs = book(branch, world.people["secretary"], "苦难辉煌", date(2022, 10, 10))
    response = login(world.secretary).post(_remove_url(theirs), {"reason": " "})
    assert response.status_code == 200 and "这个字段是必填项" in response.content.decode()
    member = login(world.member)
    assert member.post(_remove_url(theirs), {"reason": "x"}).status_code == 403
    assert _remove_url(theirs) not in member.get(LIST).content.decode()
    assert login(world.checker).post(_remove_url(theirs), {"reason": "x"}).status_code == 403
    assert login(world.outsider).post(_remove_url(theirs), {"reason": "x"}).status_code == 404
    assert ReadingRecord.objects.filter(pk=theirs.pk).exists() and not RemovedRecord.objects.exists()
