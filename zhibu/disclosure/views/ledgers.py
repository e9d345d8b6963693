"""从台账生成: the publishable sources (core.registries.publishable) the user may read, a period,
the chosen source's drafts, and a button per draft that makes it a disclosure draft item."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core.periods import Period
from zhibu.core.web import chosen_organisation, period_from_request, post_action

from .. import selectors
from ..services import notices as services


def _chosen(sources, code: str):
    return next((s for s in sources if s.code == code), None)


@login_required
def ledgers(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "disclosure.edit")
    sources = selectors.sources_for(request.user, org)
    period = period_from_request(request)
    source = _chosen(sources, request.GET.get("source", ""))
    drafts = source.build(org, period) if source is not None and not source.sensitive else []
    context = {
        "org": org,
        "sources": sources,
        "source": source,
        "period": period,
        "drafts": list(enumerate(drafts)),
    }
    return render(request, "disclosure/ledgers.html", context)


@login_required
@require_POST
def from_ledger(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "disclosure.edit")
    code = request.POST.get("source", "")
    try:
        period = Period.span(*(date.fromisoformat(request.POST.get(k, "")) for k in ("from", "to")))
        index = int(request.POST.get("index", ""))
    except ValueError:
        period, index = None, -1
    if period is None or _chosen(selectors.sources_for(request.user, org), code) is None:
        messages.error(request, _("请先选择台账和期间"))
        return redirect(f"{reverse('disclosure:ledgers')}?org={org.code}")
    back = f"{reverse('disclosure:ledgers')}?org={org.code}&source={code}&from={period.start}&to={period.end}"
    return post_action(
        request,
        lambda: services.notice_from_source(
            actor=request.user, organisation=org, source_code=code, period=period, index=index
        ),
        success=lambda notice: _("已生成草稿“%(t)s”，请核对后发布") % {"t": notice.title},
        redirect_to=back,
    )
