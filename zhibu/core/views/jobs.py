"""A background job's page: its progress bar (polled with htmx), then its outcome and result."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .. import downloads
from ..jobs import job_get
from ..middleware import session_quiet


@login_required
def job_detail(request: HttpRequest, pk) -> HttpResponse:
    return render(request, "core/job_detail.html", {"job": job_get(request.user, pk)})


@session_quiet
@login_required
def job_status(request: HttpRequest, pk) -> HttpResponse:
    """The part of the page that polls itself until the job has finished."""
    return render(request, "core/_job_status.html", {"job": job_get(request.user, pk)})


@login_required
def job_result(request: HttpRequest, pk) -> HttpResponse:
    job = job_get(request.user, pk)
    if not job.result:
        raise Http404
    return downloads.file_response(
        job.result.open("rb"), filename=job.result_name, content_type=job.result_type
    )
