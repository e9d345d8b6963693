from datetime import date

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from zhibu.core.testing import ALL_OK, Case, officers

from .factories import StudyNoteFactory
from .helpers import PNG, book, note, session, task

ORG_A = "?org=yucai"
# The office checker holds the note check only (study.check): no study page, list or note.
VIEW = {**ALL_OK, "checker": 403, "outsider": 404}
EDIT = officers(bureau=403)
# Her own rows: the secretary and committee may write anyone's; the checker and bureau none.
OWN = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 403, "outsider": 404}
PEOPLE = {**ALL_OK, "member": 403, "checker": 403, "outsider": 404}


def a_session(world):
    return {"pk": session(world.branch, "party_lecture", date(2023, 4, 18), subject="党史").pk}


def a_task(world):
    return {"pk": task(world.branch, "学习党章", date(2023, 3, 1), date(2023, 3, 31)).pk}


def a_book(world):
    return {"pk": book(world.branch, world.people["member"], "平凡的世界", date(2023, 3, 5)).pk}


def a_note(world):
    return {"pk": note(world.branch, world.people["member"], date(2023, 3, 5)).pk}


def a_scanned_note(world):
    name = "study/notes/matrix-scan.png"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(PNG))
    n = StudyNoteFactory(
        organisation=world.branch,
        person=world.people["member"],
        written_on=date(2023, 3, 6),
        text="笔记内容",
        scan=name,
        scan_type="image/png",
    )
    return {"pk": n.pk}


MATRIX = {
    "study:index": Case(expect=VIEW, query=ORG_A),
    "study:session_create": Case(expect=EDIT, query=ORG_A),
    "study:session_from_meeting": Case(expect=EDIT, query=ORG_A),
    "study:session": Case(expect=VIEW, kwargs=a_session),
    "study:session_edit": Case(expect=EDIT, kwargs=a_session),
    "study:session_attendance": Case(expect=EDIT, kwargs=a_session),
    "study:tasks": Case(expect=VIEW, query=ORG_A),
    "study:task_create": Case(expect=EDIT, query=ORG_A),
    "study:task": Case(expect=VIEW, kwargs=a_task),
    "study:task_edit": Case(expect=EDIT, kwargs=a_task),
    "study:task_done": Case(expect=OWN, kwargs=a_task),
    "study:mine": Case(expect={**OWN, "outsider": 200}),
    "study:person": Case(expect=VIEW, kwargs=lambda w: {"pk": w.people["member"].pk}),
    "study:reading": Case(expect=VIEW, query=ORG_A),
    "study:reading_create": Case(expect=OWN, query=ORG_A),
    "study:reading_edit": Case(expect=OWN, kwargs=a_book),
    "study:notes": Case(expect=PEOPLE, query=ORG_A),
    "study:note_create": Case(expect=OWN, query=ORG_A),
    "study:note": Case(expect=VIEW, kwargs=a_note),
    "study:note_scan": Case(expect=VIEW, kwargs=a_scanned_note),
    "study:checks": Case(expect={**EDIT, "committee": 403, "checker": 200}, query=ORG_A),
    "study:settings": Case(expect={**EDIT, "committee": 403}, query=ORG_A),
}
