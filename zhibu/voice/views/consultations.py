"""征求意见 pages: list, detail (with the answers for officers, her own for a member), create,
edit, a member's answer, the secretary's entry of answers from a meeting."""

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
    form_page,
    initial_from,
    paginate,
    period_from_request,
    without,
)

from .. import selectors
from ..forms import AnswerForm, ConsultationForm, RecordForm, SettingsForm
from ..services import consultations as services
from ..services import suggestions as suggestion_services


@login_required
def consultation_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "voice.view")
    period = period_from_request(request)
    text = request.GET.get("q", "").strip()[:50]
    context = {
        "org": org,
        "period": period,
        "text": text,
        "orgs": policy.orgs_readable(request.user, "voice.view"),
        "page": paginate(request, selectors.consultation_list(org, period, text=text)),
        "count": figures.compute("voice.consultations", org, period).value,
        "can_edit": policy.has_perm(request.user, "voice.edit", org),
        "can_set": policy.has_perm(request.user, "voice.settings", org),
    }
    return render(request, "voice/consultation_list.html", context)


@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get(request.user, pk)
    officer = policy.has_perm(request.user, "voice.edit", consultation)
    today = timezone.localdate()
    context = {
        "consultation": consultation,
        "open": consultation.opens_on <= today <= consultation.closes_on,
        "asked": selectors.asked_of(consultation) if officer else None,
        "answers": selectors.answers_of(consultation) if officer else None,
        "mine": selectors.answer_of(consultation, getattr(request.user, "person_id", None)),
        "can_answer": policy.has_perm(request.user, "voice.answer", consultation),
        "can_record": policy.has_perm(request.user, "voice.record", consultation),
        "can_edit": officer,
    }
    return render(request, "voice/consultation_detail.html", context)


def _form(request, org, **kwargs) -> ConsultationForm:
    return ConsultationForm(
        request.POST or None, members=selectors.members_choices(org, timezone.localdate()), **kwargs
    )


@login_required
def consultation_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "voice.edit")
    return form_page(
        request,
        _form(request, org),
        save=lambda data: services.consultation_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已发起征求意见"),
        redirect_to=lambda consultation: consultation,
        template="voice/form.html",
        context={"org": org, "title": _("发起征求意见"), "back": "voice:consultations"},
    )


@login_required
def consultation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get(request.user, pk, "voice.edit")
    initial = initial_from(
        consultation,
        "title",
        "question",
        "opens_on",
        "closes_on",
        asked=[p.pk for p in selectors.asked_of(consultation)],
    )
    return form_page(
        request,
        _form(request, consultation.organisation, initial=initial),
        save=lambda data: services.consultation_update(actor=request.user, consultation=consultation, **data),
        success=_("已保存"),
        redirect_to=consultation,
        template="voice/form.html",
        context={"org": consultation.organisation, "title": _("编辑征求意见"), "back": "voice:consultations"},
    )


@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get(request.user, pk, "voice.answer")
    mine = selectors.answer_of(consultation, getattr(request.user, "person_id", None))
    return form_page(
        request,
        AnswerForm(request.POST or None, initial={"text": mine.text if mine else ""}),
        save=lambda data: services.answer_submit(actor=request.user, consultation=consultation, **data),
        success=_("已提交您的意见"),
        redirect_to=consultation,
        template="voice/form.html",
        context={
            "org": consultation.organisation,
            "title": _("提交意见：%(t)s") % {"t": consultation.title},
            "intro": consultation.question,
            "back": "voice:consultations",
        },
    )


@login_required
def answer_record(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_get(request.user, pk, "voice.record")
    org = consultation.organisation
    form = RecordForm(
        request.POST or None,
        people=selectors.asked_of_qs(consultation),
        meetings=selectors.meeting_choices(org),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.answer_record(actor=request.user, consultation=consultation, **data),
        success=_("已录入会上提出的意见"),
        redirect_to=consultation,
        template="voice/form.html",
        context={
            "org": org,
            "title": _("录入会上意见：%(t)s") % {"t": consultation.title},
            "back": "voice:consultations",
        },
    )


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "voice.settings")
    return form_page(
        request,
        SettingsForm(request.POST or None, initial=initial_from(selectors.settings_for(org), "answer_days")),
        save=lambda data: suggestion_services.settings_update(actor=request.user, organisation=org, **data),
        success=_("已保存意见建议答复时限"),
        redirect_to=f"{request.path}?org={org.code}",
        template="voice/form.html",
        context={"org": org, "title": _("意见建议答复时限"), "back": "voice:suggestions"},
    )
