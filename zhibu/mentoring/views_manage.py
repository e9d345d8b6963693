"""The secretary's pages: students, branch settings, the booklet."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import audit, downloads
from zhibu.core.web import call_service, chosen_organisation, paginate

from . import access, booklet, selectors, services
from .forms import BookletForm, SettingsForm, StudentForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def student_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    page = paginate(request, selectors.students_of(org))
    return render(request, "mentoring/student_list.html", {"org": org, "page": page})


@login_required
def student_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    enabled = selectors.settings_for(org).guardian_contact_enabled
    form = StudentForm(request.POST or None, guardian_enabled=enabled)
    if request.method == "POST" and form.is_valid():
        student = call_service(
            form, services.student_create, actor=request.user, organisation=org, data=form.cleaned_data
        )
        if student:
            messages.success(request, _("已登记学生，化名 %(p)s") % {"p": student.pseudonym})
            return redirect(f"{_students_url()}?org={org.code}")
    return render(request, "mentoring/form.html", {"form": form, "org": org, "title": _("登记学生")})


@login_required
def student_edit(request: HttpRequest, pk: int) -> HttpResponse:
    student = selectors.student_get(request.user, pk)
    enabled = selectors.settings_for(student.organisation).guardian_contact_enabled
    initial = {name: getattr(student, name) for name in services.STUDENT_FIELDS} | {
        "version": student.version
    }
    form = StudentForm(request.POST or None, initial=initial, guardian_enabled=enabled)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        updated = call_service(
            form,
            services.student_update,
            actor=request.user,
            student=student,
            version=form.cleaned_data.get("version"),
            data=data,
        )
        if updated:
            messages.success(request, _("已保存"))
            return redirect(f"{_students_url()}?org={student.organisation.code}")
    else:
        # The form shows the real name: that is a read of sensitive data like any other.
        audit.record(request.user, "mentoring.student.read", student)
    context = {"form": form, "org": student.organisation, "title": _("学生信息") + f" · {student.pseudonym}"}
    return render(request, "mentoring/form.html", context)


def _students_url() -> str:
    from django.urls import reverse

    return reverse("mentoring:students")


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    current = selectors.settings_for(org)
    initial = {
        "default_scheme": current.default_scheme,
        "guardian_contact_enabled": current.guardian_contact_enabled,
        "retention_years": current.retention_years,
        "version": current.version,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = call_service(
            form, services.settings_update, actor=request.user, organisation=org, data=form.cleaned_data
        )
        if saved:
            messages.success(request, _("包教设置已保存"))
            return redirect(f"{_students_url()}?org={org.code}")
    return render(request, "mentoring/form.html", {"form": form, "org": org, "title": _("包教设置")})


@login_required
def booklet_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    cases = list(
        selectors.case_list(request.user, org=org, status="all").order_by("mentor__name", "started_on")
    )
    form = BookletForm(request.POST if request.method == "POST" else None, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = call_service(
            form,
            booklet.booklet_export,
            actor=request.user,
            organisation=org,
            case_ids=[int(pk) for pk in form.cleaned_data["cases"]],
            real_names=form.cleaned_data["real_names"],
            confirm=form.cleaned_data["confirm"],
        )
        if data:
            name = _("%(org)s党员包教工作记录%(day)s.docx") % {
                "org": org.name,
                "day": f"{timezone.localdate():%Y%m%d}",
            }
            return downloads.file_response(data, filename=name, content_type=DOCX)
    return render(request, "mentoring/booklet.html", {"form": form, "org": org, "case_count": len(cases)})
