"""The attendance sheet of a standalone study session: one row per member or staff member."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core.models import AttendanceStatus
from zhibu.core.web import post_action

from .. import attendance, selectors
from ..services.attendance import session_attendance_set


def _statuses(post) -> dict[int, str]:
    """status-<person id> fields of the sheet; ids that are not numbers are ignored."""
    statuses = {}
    for key, value in post.items():
        if key.startswith("status-") and key[7:].isdigit():
            statuses[int(key[7:])] = value
    return statuses


@login_required
def session_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.session_get(request.user, pk, "study.edit")
    here = reverse("study:session_attendance", args=[session.pk])
    if request.method == "POST":
        fill = request.POST.get("fill", "")
        return post_action(
            request,
            lambda: session_attendance_set(
                actor=request.user, session=session, statuses=_statuses(request.POST), fill=fill
            ),
            success=_("已登记全体人员出席，可逐个改为请假或缺席。") if fill else _("出席情况已保存。"),
            redirect_to=here,
        )
    context = {
        "session": session,
        "rows": attendance.attendance_sheet(session),
        "statuses": AttendanceStatus.choices,
    }
    return render(request, "study/attendance.html", context)
