"""Correcting a mentoring log: the author's 7 free days, a reason after them (or for anyone else's
log), the old wording kept encrypted and shown, audited, only to the case's readers."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from docx import Document

from zhibu.core import crypto
from zhibu.core.models import AuditEntry
from zhibu.core.versioning import StaleEdit
from zhibu.mentoring import log_edits, retention
from zhibu.mentoring.models import LogRevision, MentoringLog

from .factories import LogRevisionFactory, make_log

OLD = "课后辅导语文三十分钟"
NEW = "课后辅导数学四十分钟"


@pytest.fixture
def log(world, case):
    """Written today by the mentor (the member persona) herself."""
    return make_log(case, timezone.localdate() - timedelta(days=1), text=OLD, author=world.users["member"])


def _age(log: MentoringLog, days: int) -> MentoringLog:
    MentoringLog.objects.filter(pk=log.pk).update(created_at=timezone.now() - timedelta(days=days))
    log.refresh_from_db()
    return log


def _data(log, **changes) -> dict:
    return {"on": log.on, "dimension": log.dimension, "text": NEW, "observation": "", **changes}


def _post(client, log, reason: str | None = None, **changes):
    data = {**_data(log, **changes), "version": log.version}
    if reason is not None:
        data["reason"] = reason
    return client.post(reverse("mentoring:log_edit", args=[log.pk]), data)


def _stored(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608 - test constants
        return cursor.fetchone()[0]


def test_author_rewrites_within_7_days_without_a_reason(world, log, client):
    client.force_login(world.users["member"])
    page = client.get(reverse("mentoring:log_edit", args=[log.pk])).content.decode()
    assert OLD in page and 'name="reason"' not in page
    response = _post(client, log)
    assert response.status_code == 302
    log.refresh_from_db()
    assert (log.text, log.version) == (NEW, 2)
    assert not LogRevision.objects.exists()  # a draft's wording is not kept
    entry = AuditEntry.objects.get(action="mentoring.log.changed")
    assert entry.after["previous_kept"] is False and entry.after["text"] == "***"
    assert OLD not in str(entry.before) and NEW not in str(entry.after)


def test_after_7_days_without_a_reason_nothing_is_written(world, log, client):
    log = _age(log, 8)
    client.force_login(world.users["member"])
    assert 'name="reason"' in client.get(reverse("mentoring:log_edit", args=[log.pk])).content.decode()
    entries = AuditEntry.objects.filter(action="mentoring.log.changed").count()
    response = _post(client, log, reason="  ")
    assert response.status_code == 200
    assert "超过7天的日志需要填写修改原因" in response.content.decode()
    log.refresh_from_db()
    assert (log.text, log.version) == (OLD, 1)
    assert not LogRevision.objects.exists()
    assert AuditEntry.objects.filter(action="mentoring.log.changed").count() == entries

    with pytest.raises(ValidationError) as exc:
        log_edits.log_update(actor=world.users["member"], log=log, version=1, data=_data(log))
    assert exc.value.message_dict["reason"] == ["超过7天的日志需要填写修改原因。"]


def test_with_a_reason_the_old_text_is_kept_encrypted_and_audited(world, log, client):
    log = _age(log, 30)
    client.force_login(world.users["member"])
    response = _post(client, log, reason="记错了科目", observation="有明显进步")
    assert response.status_code == 302
    log.refresh_from_db()
    assert (log.text, log.observation, log.version) == (NEW, "有明显进步", 2)
    revision = LogRevision.objects.get()
    assert (revision.text, revision.observation) == (OLD, "能独立完成练习")
    assert (revision.reason, revision.changed_by) == ("记错了科目", world.users["member"])
    assert revision.organisation == log.organisation
    for column, plain in (("text", OLD), ("observation", "能独立完成练习"), ("reason", "记错了科目")):
        stored = _stored("mentoring_logrevision", column, revision.pk)
        assert plain not in stored and crypto.decrypt(stored) == plain
    entry = AuditEntry.objects.get(action="mentoring.log.changed")
    assert entry.actor == world.users["member"] and entry.after["previous_kept"] is True
    assert entry.object_repr == log.case.student.pseudonym
    assert "记错了科目" not in str(entry.after) and OLD not in str(entry.before)


def test_the_secretary_corrects_anyones_log_with_a_reason_at_any_age(world, log):
    secretary = world.users["secretary"]
    with pytest.raises(ValidationError) as exc:
        log_edits.log_update(actor=secretary, log=log, version=1, data=_data(log))
    assert "修改他人填写的日志需要填写修改原因" in exc.value.messages[0]
    log_edits.log_update(actor=secretary, log=log, version=1, data=_data(log), reason="按支部检查意见更正")
    assert LogRevision.objects.get().changed_by == secretary


def test_the_mentor_may_not_rewrite_a_log_someone_else_wrote(world, case, other_member, client):
    """The mentor edits the case but did not write this log and is no secretary: 403."""
    by_secretary = make_log(case, timezone.localdate(), text=OLD, author=world.users["secretary"])
    client.force_login(world.users["member"])
    assert client.get(reverse("mentoring:log_edit", args=[by_secretary.pk])).status_code == 403
    assert _post(client, by_secretary).status_code == 403
    case_page = client.get(reverse("mentoring:case", args=[case.pk])).content.decode()
    assert reverse("mentoring:log_edit", args=[by_secretary.pk]) not in case_page
    with pytest.raises(PermissionDenied):
        log_edits.log_update(
            actor=world.users["member"], log=by_secretary, version=1, data=_data(by_secretary)
        )
    client.force_login(other_member)  # a member of the branch with no access to the case
    assert _post(client, by_secretary).status_code == 403
    by_secretary.refresh_from_db()
    assert by_secretary.text == OLD


def test_another_branch_gets_404(world, log, client):
    client.force_login(world.users["outsider"])
    assert client.get(reverse("mentoring:log_edit", args=[log.pk])).status_code == 404
    assert _post(client, log, reason="x").status_code == 404
    assert client.get(reverse("mentoring:log", args=[log.pk])).status_code == 404
    log.refresh_from_db()
    assert log.text == OLD


def test_a_stale_version_is_refused(world, log):
    log_edits.log_update(actor=world.users["member"], log=log, version=1, data=_data(log))
    stale = MentoringLog.objects.get(pk=log.pk)
    stale.version = 1
    with pytest.raises(StaleEdit):
        log_edits.log_update(
            actor=world.users["member"], log=stale, version=1, data=_data(log, text="第三稿")
        )
    assert MentoringLog.objects.get(pk=log.pk).text == NEW


def test_bad_input_names_the_field(world, log):
    with pytest.raises(ValidationError) as exc:
        log_edits.log_update(
            actor=world.users["member"], log=log, version=1, data=_data(log, on=date(2000, 1, 1))
        )
    assert "早于帮教开始日期" in exc.value.message_dict["on"][0]
    with pytest.raises(ValidationError) as exc:
        log_edits.log_update(
            actor=world.users["member"],
            log=log,
            version=1,
            data=_data(log, text=OLD, observation=log.observation),
        )
    assert "没有变化" in exc.value.messages[0]


def test_previous_versions_are_shown_to_case_readers_and_each_read_audited(world, log, client):
    LogRevisionFactory(log=log, text="最初的记录", reason="补充观察", changed_by=world.users["member"])
    url = reverse("mentoring:log", args=[log.pk])
    for persona in ("member", "secretary"):
        client.force_login(world.users[persona])
        page = client.get(url).content.decode()
        assert "最初的记录" in page and "补充观察" in page
    reads = AuditEntry.objects.filter(action="mentoring.log.history_read", object_id=str(log.pk))
    assert reads.count() == 2 and reads.first().after == {"revisions": 1}
    assert "最初的记录" not in str(reads.first().after)
    for persona in ("committee", "bureau", "checker"):
        client.force_login(world.users[persona])
        assert client.get(url).status_code == 403
    assert reads.count() == 2
    client.force_login(world.users["member"])
    case_page = client.get(reverse("mentoring:case", args=[log.case_id])).content.decode()
    assert url in case_page and reverse("mentoring:log_edit", args=[log.pk]) in case_page


def test_retention_purges_previous_versions_with_the_log(world, case, log):
    LogRevisionFactory(log=log)
    case.student.left_on = date(2015, 7, 1)
    case.student.save()
    retention.run()
    assert not LogRevision.objects.exists()


def test_the_booklet_prints_the_current_text_only(world, log, client):
    LogRevisionFactory(log=log, text="最初的记录")
    client.force_login(world.users["secretary"])
    response = client.post(reverse("mentoring:booklet") + "?org=yucai", {})
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "最初的记录" not in text and OLD in text
