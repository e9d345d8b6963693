"""Roster import (upload, error table, template) and export pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhibu.core import downloads
from zhibu.core.spreadsheets.files import limit_text
from zhibu.core.spreadsheets.writing import XLSX_TYPE
from zhibu.core.web import chosen_organisation

from ..exporters import ROSTER
from ..roster import roster_spec
from ..services import roster as roster_services

ERRORS_SHOWN = 200  # a file with thousands of problems is usually the wrong file; the first 200 tell


class RosterUploadForm(forms.Form):
    # Empty files pass the form so the import reports them in the same words as every other problem.
    file = forms.FileField(label=gettext_lazy("花名册文件（.xlsx 或 .csv）"), allow_empty_file=True)


@login_required
def roster_import(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.import")
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = roster_services.roster_import(
            actor=request.user, organisation=org, upload=upload, filename=upload.name
        )
        if result.ok:
            messages.success(request, _("已导入%(n)d人") % {"n": result.created})
            if result.ignored_columns:
                ignored = "、".join(result.ignored_columns)
                messages.info(request, _("以下列不在花名册中，没有导入：%(cols)s") % {"cols": ignored})
            return redirect(f"{reverse('people:list')}?org={org.code}")
    context = {
        "org": org,
        "form": form,
        "result": result,
        "errors": result.errors[:ERRORS_SHOWN] if result else [],
        "errors_hidden": max(0, len(result.errors) - ERRORS_SHOWN) if result else 0,
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
    org = chosen_organisation(request, "people.export")
    return downloads.export(request.user, ROSTER, ROSTER.choose(request.GET.get("format")), obj=org)
