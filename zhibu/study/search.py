"""The study ledger in the search box: sessions, self-study tasks and reading for everyone who reads
the branch's study (study.view); notes only for those who read every member's study (study.people)
and for their writer herself (study.own)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import ReadingRecord, SelfStudyTask, StudyNote, StudySession

LABEL = _("学习")


def _sessions_of(meeting):
    return StudySession.objects.filter(meeting_id=meeting.pk).select_related("meeting")


@search.register(
    "study.sessions",
    model=StudySession,
    label=LABEL,
    perm="study.view",
    rows=lambda: StudySession.objects.select_related("meeting"),
    follows={"meetings.meeting": _sessions_of},  # a linked session's title is its meeting's topic
    order=30,
)
def session_document(session: StudySession) -> search.Doc:
    text = "\n".join(part for part in (session.subject, session.note) if part)
    return search.Doc(title=str(session), text=text, day=session.on)


@search.register("study.tasks", model=SelfStudyTask, label=LABEL, perm="study.view", order=31)
def task_document(task: SelfStudyTask) -> search.Doc:
    return search.Doc(title=str(task), text=task.material, day=task.assigned_on)


@search.register(
    "study.reading",
    model=ReadingRecord,
    label=LABEL,
    perm="study.view",
    rows=lambda: ReadingRecord.objects.select_related("person"),
    order=32,
)
def reading_document(record: ReadingRecord) -> search.Doc:
    text = "\n".join(part for part in (record.author, record.notes) if part)
    return search.Doc(title=str(record), text=text, day=record.finished_on)


@search.register(
    "study.notes",
    model=StudyNote,
    label=_("学习笔记"),
    perm="study.people",
    own_perm="study.own",
    rows=lambda: StudyNote.objects.select_related("person"),
    order=33,
)
def note_document(note: StudyNote) -> search.Doc:
    return search.Doc(title=str(note), text=note.text, day=note.written_on, owner_person_id=note.person_id)
