"""Roster import (upload, error table, template) and export pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhibu.core import downloads
from zhibu.core.jobs import job_start
from zhibu.core.spreadsheets.files import limit_text
from zhibu.core.spreadsheets.writing import XLSX_TYPE
from zhibu.core.web import chosen_organisation, export_or_job

from ..exporters import ROSTER
from ..jobs import ROSTER_IMPORT
from ..roster import roster_spec
from ..services import roster as roster_services


class RosterUploadForm(forms.Form):
    # Empty files pass the form so the import reports them in the same words as every other problem.
    file = forms.FileField(label=gettext_lazy("花名册文件（.xlsx 或 .csv）"), allow_empty_file=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ZHIBU_IMPORT_MAX_BYTES
        if upload.size > limit:  # refused here, before the file is stored for the worker
            raise forms.ValidationError(
                _("文件大小超过%(limit)s，请删去无关的工作表或分批导入") % {"limit": limit_text(limit)}
            )
        return upload


@login_required
def roster_import(request: HttpRequest) -> HttpResponse:
    """Upload → a background job that checks every row and imports all or nothing; the job's page
    shows its progress, then the count or the table of problems (sheet, row, column, reason)."""
    org = chosen_organisation(request, "people.import")
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = job_start(
            actor=request.user,
            organisation=org,
            kind=ROSTER_IMPORT,
            label=_("导入花名册：%(name)s") % {"name": upload.name},
            params={"filename": upload.name},
            upload=upload,
        )
        return redirect("core:job", pk=job.pk)
    context = {
        "org": org,
        "form": form,
        "columns": roster_spec().columns,
        "max_size": limit_text(settings.ZHIBU_IMPORT_MAX_BYTES),
        "max_rows": roster_spec().max_rows,
    }
    return render(request, "people/roster_import.html", context)


@login_required
def roster_template(request: HttpRequest) -> HttpResponse:
    chosen_organisation(request, "people.import")
    return downloads.file_response(
        roster_services.roster_template(),
        filename=_("%(title)s导入模板.xlsx") % {"title": roster_spec().title},
        content_type=XLSX_TYPE,
    )


@login_required
def roster_export(request: HttpRequest) -> HttpResponse:
    """The file at once; a roster larger than ZHIBU_EXPORT_JOB_ROWS as a background job (its page)."""
    org = chosen_organisation(request, "people.export")
    return export_or_job(
        request,
        ROSTER,
        ROSTER.choose(request.GET.get("format")),
        obj=org,
        label=_("导出%(org)s人员名册") % {"org": org.name},
    )
