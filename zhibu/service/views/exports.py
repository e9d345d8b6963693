"""导出Excel for a service list over the chosen period."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from zhibu.core import downloads
from zhibu.core.web import chosen_organisation, period_from_request

from ..exporters import exporter


@login_required
def export(request: HttpRequest, what: str) -> HttpResponse:
    spec = exporter(what)
    if spec is None:
        raise Http404
    org = chosen_organisation(request, "service.view")
    period = period_from_request(request)
    fmt = spec.choose(request.GET.get("format"))
    return downloads.export(
        request.user, spec, fmt, obj=org, start=period.start.isoformat(), end=period.end.isoformat()
    )
