"""A member's own study records: self-study done, books read, study notes.

A member writes only her own rows (study.own's object rule); the secretary and committee may
write them for anyone of the branch (study.edit), e.g. when typing up a paper 台账.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from zhibu.core import audit, writes
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period, cn_date
from zhibu.core.uploads import SCANS, check_upload

from ..audit_actions import StudyAction
from ..models import ReadingRecord, SelfStudyDone, SelfStudyTask, StudyNote
from .common import not_future, person_in, require_own_or_edit, required_text


@writes.service
def selfstudy_done(
    *, actor, task: SelfStudyTask, person: Person, done_on: date | None, reflection: str
) -> SelfStudyDone:
    """She marks a self-study task done, with a short reflection (学习体会)."""
    done = SelfStudyDone(task=task, organisation=task.organisation, person=person)
    require_own_or_edit(actor, done)
    person_in(task.organisation, person)
    done.done_on = not_future(done_on, "done_on", _("完成日期"))
    if done.done_on < task.assigned_on:
        raise ValidationError(
            {"done_on": _("完成日期不能早于布置日期（%(day)s）") % {"day": cn_date(task.assigned_on)}}
        )
    done.reflection = required_text(reflection, "reflection", _("学习体会"), 500)
    if SelfStudyDone.objects.filter(task=task, person=person).exists():
        raise ValidationError(
            _("%(name)s已完成“%(task)s”，无需重复提交") % {"name": person.name, "task": task.title}
        )
    done.save()
    audit.record(actor, StudyAction.SELFSTUDY_DONE, done, after=audit.snapshot(done))
    return done


def term_start_of(finished_on: date) -> date:
    """The 学期 a book counts for; August is the summer holiday and belongs to none."""
    term = Period.term_of(finished_on)
    if term is None:
        raise ValidationError(
            {
                "finished_on": _("读完日期%(day)s不在任何学期内（8月为暑假），请填写学期内的日期")
                % {"day": cn_date(finished_on)}
            }
        )
    return term.start


def _reading_fields(title: str, author: str, finished_on: date | None, notes: str) -> dict:
    finished = not_future(finished_on, "finished_on", _("读完日期"))
    return {
        "title": required_text(title, "title", _("书名"), 200).strip("《》"),
        "author": (author or "").strip()[:100],
        "finished_on": finished,
        "term_start": term_start_of(finished),
        "notes": notes or "",
    }


@writes.service
def reading_create(
    *,
    actor,
    organisation: Organisation,
    person: Person,
    title: str,
    author: str = "",
    finished_on: date | None,
    notes: str = "",
) -> ReadingRecord:
    record = ReadingRecord(organisation=organisation, person=person)
    require_own_or_edit(actor, record)
    person_in(organisation, person)
    for name, value in _reading_fields(title, author, finished_on, notes).items():
        setattr(record, name, value)
    writes.model_create(record, actor=actor, action=StudyAction.READING_CREATED)
    return record


@writes.service
def reading_update(
    *,
    actor,
    record: ReadingRecord,
    version: int | None,
    title: str,
    author: str = "",
    finished_on: date | None,
    notes: str = "",
) -> ReadingRecord:
    require_own_or_edit(actor, record)
    writes.model_update(
        record,
        actor=actor,
        action=StudyAction.READING_UPDATED,
        version=version,
        fields=_reading_fields(title, author, finished_on, notes),
    )
    return record


@writes.service
def note_create(
    *,
    actor,
    organisation: Organisation,
    person: Person,
    written_on: date | None,
    title: str,
    text: str = "",
    scan: UploadedFile | None = None,
) -> StudyNote:
    """A note as typed text, a scanned page (JPG/PNG/PDF), or both. The scan is checked by its
    bytes before anything is stored, so a refused upload leaves neither a row nor a file."""
    note = StudyNote(organisation=organisation, person=person)
    require_own_or_edit(actor, note)
    person_in(organisation, person)
    note.written_on = not_future(written_on, "written_on", _("日期"))
    note.month = note.written_on.replace(day=1)
    note.title = required_text(title, "title", _("标题"), 200)
    note.text = (text or "").strip()
    if scan:
        try:
            kind = check_upload(scan, accept=SCANS)
        except ValidationError as exc:
            raise ValidationError({"scan": exc.messages}) from exc
        note.scan_type, ext = kind.content_type, kind.ext.lstrip(".")
        note.scan_name = (scan.name or "")[:200]
    elif not note.text:
        raise ValidationError({"text": _("请填写笔记内容或上传扫描件")})
    note.full_clean(exclude=["scan"])
    if scan:
        note.scan.save(f"scan.{ext}", scan, save=False)
    note.save()
    audit.record(actor, StudyAction.NOTE_CREATED, note, after=audit.snapshot(note))
    return note
