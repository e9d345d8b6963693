"""Removing a mentoring log into the 回收站: its author while it is still her draft, or the secretary;
its revisions and attachments go with it and come back on a restore; the bin shows the pseudonym and
the day only, and keeps the rows encrypted."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import RemovedRecord
from zhibu.mentoring.models import LogAttachment, LogRevision, MentoringLog

from .factories import LogRevisionFactory, make_case, make_log

TEXT = "周三放学后陪他复习分数加减法"
OLD = "周三放学后陪他复习小数"
NAME = "欧阳翠花"
MODEL = "mentoring.mentoringlog"


def remove_url(pk: int) -> str:
    return reverse("core:remove", args=[MODEL, pk])


@pytest.fixture
def log(world, case):
    """Written yesterday by the mentor (the member persona), with a photo and an earlier wording."""
    case.student.name = NAME
    case.student.save()
    log = make_log(case, timezone.localdate() - timedelta(days=1), text=TEXT, author=world.users["member"])
    LogRevisionFactory(log=log, organisation=log.organisation, text=OLD, reason="补充细节")
    LogAttachment.objects.create(
        log=log,
        organisation=log.organisation,
        filename="作业.png",
        content_type="image/png",
        size=3,
        content="cG5n",
    )
    return log


def _age(log: MentoringLog, days: int) -> None:
    MentoringLog.objects.filter(pk=log.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_author_removes_her_log_and_the_secretary_restores_it_whole(world, login, log):
    client = login(world.users["member"])
    page = client.get(reverse("mentoring:log", args=[log.pk])).content.decode()
    assert remove_url(log.pk) in page
    response = client.post(remove_url(log.pk), {"reason": "记到别的学生名下了"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mentoring:cases")
    assert "已删除" in response.content.decode()
    assert not MentoringLog.objects.filter(pk=log.pk).exists()
    assert not LogRevision.objects.exists() and not LogAttachment.objects.exists()
    removed = RemovedRecord.objects.get()
    assert removed.rows == 3
    assert removed.label == f"包教日志：{log.case.student.pseudonym} {log.on:%Y-%m-%d}"

    secretary = login(world.secretary)
    bin_page = secretary.get(reverse("core:recycle")).content.decode()
    assert log.case.student.pseudonym in bin_page and "记到别的学生名下了" in bin_page
    assert NAME not in bin_page and TEXT not in bin_page
    secretary.post(reverse("core:recycle_restore", args=[removed.pk]))
    restored = MentoringLog.objects.get(pk=log.pk)
    assert restored.text == TEXT and restored.author_id == world.users["member"].pk
    assert [r.text for r in restored.revisions.all()] == [OLD]
    assert [(a.filename, a.content) for a in restored.attachments.all()] == [("作业.png", "cG5n")]


def test_the_stored_removal_keeps_neither_the_text_nor_the_name_in_plain(world, log):
    from zhibu.core import recycle

    recycle.record_remove(actor=world.secretary, model=MODEL, obj=log, reason="重复")
    with connection.cursor() as cursor:
        cursor.execute("SELECT label, reason, payload FROM core_removedrecord")
        stored = " ".join(cursor.fetchone())
        cursor.execute("SELECT CAST(before AS TEXT), CAST(after AS TEXT) FROM core_auditentry")
        trail = " ".join(str(v) for row in cursor.fetchall() for v in row)
    for secret in (TEXT, OLD, NAME, "作业.png"):
        assert secret not in stored and secret not in trail


def test_a_reason_is_required_and_nothing_is_removed_without_one(world, login, log):
    response = login(world.users["member"]).post(remove_url(log.pk), {"reason": "  "})
    assert response.status_code == 200 and "这个字段是必填项" in response.content.decode()
    assert MentoringLog.objects.filter(pk=log.pk).exists() and not RemovedRecord.objects.exists()


def test_after_7_days_only_the_secretary_may_remove_it(world, login, log):
    _age(log, 8)
    member = login(world.users["member"])
    assert remove_url(log.pk) not in member.get(reverse("mentoring:log", args=[log.pk])).content.decode()
    assert member.post(remove_url(log.pk), {"reason": "不要了"}).status_code == 403
    assert MentoringLog.objects.filter(pk=log.pk).exists()
    secretary = login(world.secretary)
    assert remove_url(log.pk) in secretary.get(reverse("mentoring:log", args=[log.pk])).content.decode()
    assert secretary.post(remove_url(log.pk), {"reason": "错录"}).status_code == 302
    assert not MentoringLog.objects.filter(pk=log.pk).exists()


def test_the_mentor_may_not_remove_what_the_secretary_wrote(world, login, case):
    theirs = make_log(case, date(2023, 3, 1), author=world.secretary)
    client = login(world.users["member"])
    assert (
        remove_url(theirs.pk) not in client.get(reverse("mentoring:log", args=[theirs.pk])).content.decode()
    )
    assert client.post(remove_url(theirs.pk), {"reason": "不对"}).status_code == 403


def test_wrong_role_is_403_and_other_branch_is_404(world, login, log, other_member):
    assert login(other_member).post(remove_url(log.pk), {"reason": "x"}).status_code == 403
    assert login(world.committee).post(remove_url(log.pk), {"reason": "x"}).status_code == 403
    assert login(world.outsider).post(remove_url(log.pk), {"reason": "x"}).status_code == 404
    elsewhere = make_log(make_case(world.people["outsider"]), date(2023, 3, 1), author=world.outsider)
    assert login(world.secretary).post(remove_url(elsewhere.pk), {"reason": "x"}).status_code == 404
    assert MentoringLog.objects.count() == 2 and not RemovedRecord.objects.exists()


def test_every_log_on_the_case_page_links_to_its_own_page(world, login, log):
    # the log's page is where its 删除 is: it must be reachable for a log never edited too
    page = login(world.secretary).get(reverse("mentoring:case", args=[log.case_id])).content.decode()
    assert reverse("mentoring:log", args=[log.pk]) in page
