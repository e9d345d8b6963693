"""The attendance sheet (one click per person, htmx) and the printable 签到表."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import policy
from zhibu.core.web import call_service, form_page, post_action

from .. import selectors, services
from ..forms import AttendeeForm, ReasonForm


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
def attendance_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk, "meetings.edit")
    people = selectors.roster_choices(meeting.organisation)
    form = AttendeeForm(request.POST or None, people=people, initial={"status": "present"})
    return form_page(
        request,
        form,
        save=lambda data: services.attendance_add(actor=request.user, meeting=meeting, **data),
        success=lambda row: _("已添加%(name)s") % {"name": row.person.name},
        redirect_to=_sheet_url(meeting),
        template="meetings/attendance.html",
        context=lambda: {
            "meeting": meeting,
            "org": meeting.organisation,
            "rows": selectors.attendance_of(meeting),
            "types": selectors.types_of(meeting),
        },
        invalid_status=400,
    )


@login_required
@require_POST
def attendance_fill(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk, "meetings.edit")
    return post_action(
        request,
        lambda: services.attendance_fill(
            actor=request.user, meeting=meeting, group=request.POST.get("group", "")
        ),
        success=lambda n: _("已添加%(n)d人，均记为出席，可逐个改为请假或缺席。") % {"n": n},
        redirect_to=_sheet_url(meeting),
    )


def _sheet_url(meeting) -> str:
    return reverse("meetings:attendance", args=[meeting.pk])


def _row_response(request: HttpRequest, meeting, row, error: str = "") -> HttpResponse:
    if _is_htmx(request):
        return render(
            request, "meetings/_attendance_row.html", {"meeting": meeting, "row": row, "error": error}
        )
    if error:
        messages.error(request, error)
    return redirect(_sheet_url(meeting))


@login_required
@require_POST
def attendance_toggle(request: HttpRequest, pk: int, row: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk)
    attendance = selectors.attendance_get(meeting, row)
    services.attendance_toggle(actor=request.user, attendance=attendance)
    return _row_response(request, meeting, attendance)


@login_required
@require_POST
def attendance_reason(request: HttpRequest, pk: int, row: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk)
    attendance = selectors.attendance_get(meeting, row)
    policy.require(request.user, "meetings.edit", meeting)
    form = ReasonForm(request.POST)
    error = ""
    if form.is_valid():
        call_service(
            form,
            services.attendance_set,
            actor=request.user,
            attendance=attendance,
            status=attendance.status,
            reason=form.cleaned_data["reason"],
        )
    if form.errors:
        error = "；".join(str(e) for errors in form.errors.values() for e in errors)
        attendance.refresh_from_db()
    return _row_response(request, meeting, attendance, error)


@login_required
def sign_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """签到表 for printing: 序号, 姓名 (按姓氏笔画), 签名, 备注."""
    meeting = selectors.meeting_get(request.user, pk)
    rows = selectors.attendance_of(meeting)
    blank_rows = range(max(0, 3 - sum(1 for r in rows if r.is_guest)))
    context = {
        "meeting": meeting,
        "rows": rows,
        "types": selectors.types_of(meeting),
        "blank_rows": blank_rows,
        "offset": len(rows),
    }
    return render(request, "meetings/sign_sheet.html", context)
