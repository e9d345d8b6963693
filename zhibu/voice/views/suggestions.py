"""意见建议 pages: list with the figures, detail, create, edit, handle (answer), export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import (
    chosen_organisation,
    export_or_job,
    form_page,
    initial_from,
    paginate,
    period_from_request,
    without,
)

from .. import selectors
from ..exporters import SUGGESTIONS
from ..forms import HandleForm, SuggestionForm
from ..models import Status
from ..services import suggestions as services


@login_required
def suggestion_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "voice.edit")
    period = period_from_request(request)
    text = request.GET.get("q", "").strip()[:50]
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    context = {
        "org": org,
        "period": period,
        "text": text,
        "status": status,
        "statuses": Status.choices,
        "orgs": policy.orgs_readable(request.user, "voice.edit"),
        "page": paginate(request, selectors.suggestion_list(org, period, text=text, status=status)),
        "received": figures.compute("voice.suggestions", org, period).value,
        "adopted": figures.compute("voice.adopted", org, period).value,
        "in_time": figures.compute("voice.answered_in_time", org, period).value,
        "days": selectors.settings_for(org).answer_days,
        "can_set": policy.has_perm(request.user, "voice.settings", org),
    }
    return render(request, "voice/suggestion_list.html", context)


@login_required
def suggestion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = selectors.suggestion_get(request.user, pk)
    return render(request, "voice/suggestion_detail.html", {"suggestion": suggestion})


def _form(request, org, **kwargs) -> SuggestionForm:
    return SuggestionForm(
        request.POST or None,
        people=selectors.people_choices(org),
        consultations=selectors.consultation_choices(org),
        meetings=selectors.meeting_choices(org),
        **kwargs,
    )


def _context(org, title: str, **extra) -> dict:
    return {"org": org, "title": title, "back": "voice:suggestions", **extra}


@login_required
def suggestion_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "voice.edit")
    return form_page(
        request,
        _form(request, org, initial={"received_on": timezone.localdate()}),
        save=lambda data: services.suggestion_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记意见建议"),
        redirect_to=lambda suggestion: suggestion,
        template="voice/form.html",
        context=_context(org, _("登记意见建议")),
    )


@login_required
def suggestion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = selectors.suggestion_get(request.user, pk)
    initial = initial_from(
        suggestion,
        "received_on",
        "topic",
        "content",
        author=suggestion.author_id,
        anonymous=suggestion.author_id is None,
        consultation=suggestion.consultation_id,
        meeting=suggestion.meeting_id,
    )
    return form_page(
        request,
        _form(request, suggestion.organisation, initial=initial),
        save=lambda data: services.suggestion_update(actor=request.user, suggestion=suggestion, **data),
        success=_("已保存"),
        redirect_to=suggestion,
        template="voice/form.html",
        context=_context(
            suggestion.organisation, _("编辑意见建议"), removal=("voice.suggestion", suggestion.pk)
        ),
    )


@login_required
def suggestion_handle(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = selectors.suggestion_get(request.user, pk)
    initial = initial_from(
        suggestion,
        "status",
        "response",
        "reason",
        answered_on=suggestion.answered_on or timezone.localdate(),
        responder=suggestion.responder_id or getattr(request.user, "person_id", None),
    )
    return form_page(
        request,
        HandleForm(
            request.POST or None, people=selectors.people_choices(suggestion.organisation), initial=initial
        ),
        save=lambda data: services.suggestion_handle(actor=request.user, suggestion=suggestion, **data),
        success=_("已保存办理情况"),
        redirect_to=suggestion,
        template="voice/form.html",
        context=_context(suggestion.organisation, _("办理答复：%(t)s") % {"t": suggestion.topic}),
    )


@login_required
def suggestions_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "voice.edit")
    period = period_from_request(request)
    return export_or_job(
        request,
        SUGGESTIONS,
        SUGGESTIONS.choose(request.GET.get("format")),
        obj=org,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )
