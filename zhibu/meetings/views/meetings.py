"""Meeting list, detail, create/edit, votes and attachments. Views parse and call services."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zhibu.core import downloads, policy
from zhibu.core.web import chosen_organisation, form_page, initial_from, paginate

from .. import quorum, selectors, services
from ..forms import AttachmentForm, MeetingForm, VoteForm
from ..models import Attendance, Meeting


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 1990 < int(value) < 2200 else None


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "meetings.view")
    type_code = request.GET.get("type", "")
    year = _year(request)
    qs = selectors.meeting_list(org, type_code=type_code, year=year)
    context = {
        "org": org,
        "page": paginate(request, qs, rows=selectors.with_attendance_counts),
        "types": selectors.types_for(org),
        "type_code": type_code,
        "year": year,
        "years": range(timezone.localdate().year, 2017, -1),
        "orgs": policy.orgs_readable(request.user, "meetings.view"),
        "can_edit": policy.has_perm(request.user, "meetings.edit", org),
    }
    return render(request, "meetings/list.html", context)


def _form(request: HttpRequest, org, **kwargs) -> MeetingForm:
    return MeetingForm(
        request.POST or None, types=selectors.types_for(org), people=selectors.roster_choices(org), **kwargs
    )


def _detail_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.pk])


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "meetings.edit")
    form = _form(request, org, initial={"held": True})
    return form_page(
        request,
        form,
        save=lambda data: services.meeting_create(
            actor=request.user, organisation=org, data=form.service_data(), types=data["types"]
        ),
        success=_("已登记会议，请核对签到名单"),
        redirect_to=lambda meeting: reverse("meetings:attendance", args=[meeting.pk]),
        template="meetings/form.html",
        context={"org": org, "title": _("登记会议")},
    )


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk, "meetings.edit")
    org = meeting.organisation
    initial = initial_from(
        meeting,
        *("topic", "held", "place", "host", "recorder", "minutes", "decisions"),
        types=selectors.types_of(meeting),
        held_at=timezone.localtime(meeting.held_at),
    )
    form = _form(request, org, initial=initial)
    return form_page(
        request,
        form,
        save=lambda data: services.meeting_update(
            actor=request.user,
            meeting=meeting,
            version=data.get("version"),
            data=form.service_data(),
            types=data["types"],
        ),
        success=_("已保存"),
        redirect_to=_detail_url(meeting),
        template="meetings/form.html",
        context={"org": org, "meeting": meeting, "title": _("编辑会议")},
    )


def _detail_context(request: HttpRequest, meeting: Meeting) -> dict:
    rows = selectors.attendance_of(meeting)
    members = [a for a in rows if not a.is_guest]
    context = {
        "meeting": meeting,
        "types": selectors.types_of(meeting),
        "rows": rows,
        "present": [a for a in members if a.status == Attendance.Status.PRESENT],
        "leave": [a for a in members if a.status == Attendance.Status.LEAVE],
        "absent": [a for a in members if a.status == Attendance.Status.ABSENT],
        "guests": [a for a in rows if a.is_guest],
        "expected": len(members),
        "attachments": list(selectors.attachments_of(meeting)),
        "can_edit": policy.has_perm(request.user, "meetings.edit", meeting),
        "is_general": quorum.is_general(meeting),
    }
    if context["is_general"]:
        q = quorum.quorum_of(meeting)
        context["quorum"] = q
        context["vote_results"] = quorum.vote_results(meeting, q)
    return context


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk)
    context = _detail_context(request, meeting)
    context["vote_form"] = VoteForm()
    context["attachment_form"] = AttachmentForm()
    return render(request, "meetings/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def vote_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk, "meetings.edit")
    return form_page(
        request,
        VoteForm(request.POST or None),
        save=lambda data: services.vote_record(actor=request.user, meeting=meeting, **data),
        success=_("已登记表决结果"),
        redirect_to=_detail_url(meeting),
        template="meetings/form.html",
        context={"org": meeting.organisation, "meeting": meeting, "title": _("登记表决结果")},
        invalid_status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(request.user, pk, "meetings.edit")
    return form_page(
        request,
        AttachmentForm(request.POST or None, request.FILES or None),
        save=lambda data: services.attachment_add(
            actor=request.user, meeting=meeting, upload=data["upload"], caption=data["caption"]
        ),
        success=lambda item: _("已上传“%(name)s”") % {"name": item.original_name},
        redirect_to=_detail_url(meeting),
        template="meetings/form.html",
        context={
            "org": meeting.organisation,
            "meeting": meeting,
            "title": _("上传照片或文档"),
            "multipart": True,
        },
        invalid_status=400,
    )


@login_required
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Served only through policy; images inline (their type was checked by content), everything
    else as a download, never sniffed."""
    item = selectors.attachment_get(request.user, pk)
    return downloads.file_response(
        item.file.open("rb"),
        filename=item.original_name,
        content_type=item.content_type,
        inline=item.kind == item.Kind.IMAGE,
    )
