"""The secretary's pages: students, branch settings, the booklet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, downloads
from zhibu.core.web import chosen_organisation, form_page, initial_from, paginate, without

from .. import access, booklet, selectors, services
from ..forms import BookletForm, SettingsForm, StudentForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def student_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    page = paginate(request, selectors.students_of(org))
    return render(request, "mentoring/student_list.html", {"org": org, "page": page})


def _students_url(org) -> str:
    return f"{reverse('mentoring:students')}?org={org.code}"


@login_required
def student_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    enabled = selectors.settings_for(org).guardian_contact_enabled
    return form_page(
        request,
        StudentForm(request.POST or None, guardian_enabled=enabled),
        save=lambda data: services.student_create(actor=request.user, organisation=org, data=data),
        success=lambda student: _("已登记学生，化名 %(p)s") % {"p": student.pseudonym},
        redirect_to=_students_url(org),
        template="mentoring/form.html",
        context={"org": org, "title": _("登记学生")},
    )


@login_required
def student_edit(request: HttpRequest, pk: int) -> HttpResponse:
    student = selectors.student_get(request.user, pk)
    enabled = selectors.settings_for(student.organisation).guardian_contact_enabled
    initial = initial_from(student, *services.STUDENT_FIELDS)
    return form_page(
        request,
        StudentForm(request.POST or None, initial=initial, guardian_enabled=enabled),
        save=lambda data: services.student_update(
            actor=request.user, student=student, version=data.get("version"), data=without(data, "version")
        ),
        success=_("已保存"),
        redirect_to=_students_url(student.organisation),
        template="mentoring/form.html",
        context={"org": student.organisation, "title": _("学生信息") + f" · {student.pseudonym}"},
        # The form shows the real name: that is a read of sensitive data like any other.
        shown=lambda: audit.record(request.user, "mentoring.student.read", student),
    )


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    initial = initial_from(
        selectors.settings_for(org), "default_scheme", "guardian_contact_enabled", "retention_years"
    )
    return form_page(
        request,
        SettingsForm(request.POST or None, initial=initial),
        save=lambda data: services.settings_update(actor=request.user, organisation=org, data=data),
        success=_("包教设置已保存"),
        redirect_to=_students_url(org),
        template="mentoring/form.html",
        context={"org": org, "title": _("包教设置")},
    )


@login_required
def booklet_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    cases = list(selectors.booklet_choices(request.user, org))
    name = _("%(org)s党员包教工作记录%(day)s.docx") % {
        "org": org.name,
        "day": f"{timezone.localdate():%Y%m%d}",
    }
    return form_page(
        request,
        BookletForm(request.POST if request.method == "POST" else None, cases=cases),
        save=lambda data: booklet.booklet_export(
            actor=request.user,
            organisation=org,
            case_ids=[int(pk) for pk in data["cases"]],
            real_names=data["real_names"],
            confirm=data["confirm"],
        ),
        # The answer to a confirmed POST is the booklet itself, not a redirect.
        redirect_to=lambda data: downloads.file_response(data, filename=name, content_type=DOCX),
        template="mentoring/booklet.html",
        context={"org": org, "case_count": len(cases)},
    )
