"""A member's own study: 我的学习, self-study done, reading and notes (hers, or anyone's for officers)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import downloads, policy
from zhibu.core.periods import Period
from zhibu.core.web import chosen_organisation, form_page, initial_from, paginate, without

from .. import hours, selectors
from ..forms import DoneForm, NoteForm, ReadingForm
from ..services import personal as services
from ..services.common import require_own_or_edit


def _own_person(request: HttpRequest):
    person = getattr(request.user, "person", None)
    if person is None:
        raise PermissionDenied
    policy.require(request.user, "study.own", person.organisation)
    return person


def _member_page(request: HttpRequest, person, *, own: bool) -> HttpResponse:
    today = timezone.localdate()
    overview = selectors.member_overview(person, today)
    year = overview["year"]
    notes = paginate(request, selectors.notes_visible_to_owner(person), 12)
    context = {
        "person": person,
        "own": own,
        "today": today,
        **overview,
        "quota_progress": hours.quota_progress(person, today),
        "sessions": selectors.sessions_attended(person, year.start, year.end)[:30],
        "notes_page": notes,
        "notes": selectors.notes_with_checks(list(notes.object_list)),
        "done_form": DoneForm(initial={"done_on": today}),
    }
    return render(request, "study/member.html", context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """我的学习: her sessions, 学时 vs target, books vs quota, notes and checks, open tasks."""
    return _member_page(request, _own_person(request), own=True)


@login_required
def person_page(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk)
    return _member_page(request, person, own=person.pk == getattr(request.user, "person_id", None))


@login_required
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(request.user, pk)
    person = _own_person(request)
    return form_page(
        request,
        DoneForm(request.POST or None, initial={"done_on": timezone.localdate()}),
        save=lambda data: services.selfstudy_done(actor=request.user, task=task, person=person, **data),
        success=_("已完成自学任务“%(t)s”") % {"t": task.title},
        redirect_to="study:mine",
        template="study/form.html",
        context={"org": task.organisation, "title": task.title},
    )


# -- reading -----------------------------------------------------------------------------------
def _term_from(request: HttpRequest) -> Period:
    try:
        day = date.fromisoformat(request.GET.get("term", ""))
    except ValueError:
        day = timezone.localdate()
    return Period.term_of(day) or Period.term_of(day.replace(month=7))


@login_required
def reading_list(request: HttpRequest) -> HttpResponse:
    """读书: the term's records and every member's count against the quota."""
    org = chosen_organisation(request, "study.view")
    term = _term_from(request)
    context = {
        "org": org,
        "term": term,
        "previous": term.previous(),
        "next": _next_term(term),
        "page": _with_removable(
            request, org, paginate(request, selectors.reading_list(request.user, org, term))
        ),
        "tally": selectors.reading_tally(org, term)
        if policy.has_perm(request.user, "study.people", org)
        else None,
        "can_add": policy.has_perm(request.user, "study.own", org)
        or policy.has_perm(request.user, "study.edit", org),
    }
    return render(request, "study/reading_list.html", context)


def _with_removable(request: HttpRequest, org, page):
    """Mark the rows this user may edit and remove (hers, or every row for officers), asked once."""
    officer = policy.has_perm(request.user, "study.edit", org)
    own = policy.has_perm(request.user, "study.own", org) and getattr(request.user, "person_id", None)
    page.object_list = list(page.object_list)
    for record in page.object_list:
        record.removable = officer or (own and record.person_id == request.user.person_id)
    return page


def _next_term(term: Period) -> Period:
    day = term.end + timedelta(days=1)
    return Period.term_of(day) or Period.term(day.year, "autumn")  # after spring: summer, then autumn


def _picker(request: HttpRequest, org):
    """Officers pick whose record it is; a member records her own."""
    return selectors.member_choices(org) if policy.has_perm(request.user, "study.edit", org) else None


def _writer_org(request: HttpRequest):
    if request.GET.get("org"):
        return chosen_organisation(request, "study.own")
    person = _own_person(request) if getattr(request.user, "person", None) else None
    if person is not None:
        return person.organisation
    return chosen_organisation(request, "study.edit")


def _own_data(request: HttpRequest, data: dict) -> dict:
    """A member's form has no person picker: the record is hers."""
    return data if "person" in data else {**data, "person": request.user.person}


def _reading_home(request: HttpRequest, record) -> str:
    return "study:mine" if record.person_id == request.user.person_id else "study:reading"


@login_required
def reading_create(request: HttpRequest) -> HttpResponse:
    org = _writer_org(request)
    form = ReadingForm(
        request.POST or None,
        people=_picker(request, org),
        initial={"person": getattr(request.user, "person_id", None)},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.reading_create(
            actor=request.user, organisation=org, **_own_data(request, without(data, "version"))
        ),
        success=lambda record: _("已记录《%(t)s》") % {"t": record.title},
        redirect_to=lambda record: _reading_home(request, record),
        template="study/form.html",
        context={"org": org, "title": _("记录读书")},
    )


@login_required
def reading_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.reading_get(request.user, pk)
    require_own_or_edit(request.user, record)
    initial = initial_from(record, "title", "author", "finished_on", "notes")
    return form_page(
        request,
        ReadingForm(request.POST or None, initial=initial),
        save=lambda data: services.reading_update(actor=request.user, record=record, **data),
        success=_("已保存"),
        redirect_to="study:reading",
        template="study/form.html",
        context={"org": record.organisation, "title": _("编辑读书记录"), "record": record},
    )


# -- notes -------------------------------------------------------------------------------------
@login_required
def note_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "study.people")
    month = request.GET.get("month", "")
    try:
        first = date.fromisoformat(f"{month}-01") if month else None
    except ValueError:
        month, first = "", None
    page = paginate(request, selectors.note_list(request.user, org, first))
    context = {
        "org": org,
        "page": page,
        "rows": selectors.notes_with_checks(list(page.object_list)),
        "month": month,
    }
    return render(request, "study/note_list.html", context)


@login_required
def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    note = selectors.note_get(request.user, pk)
    (row,) = selectors.notes_with_checks([note])
    return render(request, "study/note_detail.html", {"note": note, "check": row[1]})


@login_required
def note_create(request: HttpRequest) -> HttpResponse:
    org = _writer_org(request)
    initial = {"person": getattr(request.user, "person_id", None), "written_on": timezone.localdate()}
    return form_page(
        request,
        NoteForm(request.POST or None, request.FILES or None, people=_picker(request, org), initial=initial),
        save=lambda data: services.note_create(
            actor=request.user, organisation=org, **_own_data(request, data)
        ),
        success=_("已保存学习笔记"),
        redirect_to=lambda note: reverse("study:note", args=[note.pk]),
        template="study/form.html",
        context={"org": org, "title": _("记学习笔记"), "multipart": True},
    )


@login_required
def note_scan(request: HttpRequest, pk: int) -> HttpResponse:
    """The scan, only after the same policy check as the note itself; never a public media URL.
    Shown inline, under the name it was uploaded with (else the note's title)."""
    note = selectors.note_get(request.user, pk)
    if not note.scan:
        raise Http404
    return downloads.file_response(
        note.scan.open("rb"),
        filename=note.scan_name or f"{note.title}{PurePosixPath(note.scan.name).suffix}",
        content_type=note.scan_type,
        inline=True,
    )
