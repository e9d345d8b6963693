"""谈心谈话 pages: list, detail, create, edit, the quota setting."""

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
from ..forms import SettingsForm, TalkForm
from ..services import talks as services


def _filters(request: HttpRequest) -> dict:
    person = request.GET.get("person", "")
    return {
        "period": period_from_request(request),
        "text": request.GET.get("q", "").strip()[:50],
        "person": int(person) if person.isdigit() else None,
    }


@login_required
def talk_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "talks.view")
    f = _filters(request)
    period = f["period"]
    context = {
        "org": org,
        **f,
        "people": selectors.people_choices(org),
        "orgs": policy.orgs_readable(request.user, "talks.view"),
        "page": paginate(request, selectors.talk_list(org, period, text=f["text"], person=f["person"])),
        "held": figures.compute("talks.held", org, period).value,
        "met": figures.compute("talks.quota_met", org, period).value,
        "quota": selectors.settings_for(org).monthly_quota,
        "can_edit": policy.has_perm(request.user, "talks.edit", org),
        "can_set": policy.has_perm(request.user, "talks.settings", org),
    }
    return render(request, "talks/talk_list.html", context)


@login_required
def talk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    talk = selectors.talk_get(request.user, pk)
    context = {
        "talk": talk,
        "can_read": policy.has_perm(request.user, "talks.content", talk),
        "can_edit": policy.has_perm(request.user, "talks.edit", talk),
    }
    return render(request, "talks/talk_detail.html", context)


def _form(request, org, **kwargs) -> TalkForm:
    today = timezone.localdate()
    return TalkForm(
        request.POST or None,
        talkers=selectors.committee_choices(org, today),
        people=selectors.people_choices(org),
        **kwargs,
    )


@login_required
def talk_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "talks.edit")
    initial = {"held_on": timezone.localdate(), "talker": getattr(request.user, "person_id", None)}
    return form_page(
        request,
        _form(request, org, initial=initial),
        save=lambda data: services.talk_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记谈心谈话"),
        redirect_to=lambda talk: talk,
        template="talks/form.html",
        context={"org": org, "title": _("登记谈心谈话")},
    )


@login_required
def talk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    talk = selectors.talk_get(request.user, pk, "talks.edit")
    initial = initial_from(
        talk,
        "held_on",
        "topic",
        "content",
        "follow_up",
        talker=talk.talker_id,
        talked_with=talk.talked_with_id,
    )
    return form_page(
        request,
        _form(request, talk.organisation, initial=initial),
        save=lambda data: services.talk_update(actor=request.user, talk=talk, **data),
        success=_("已保存"),
        redirect_to=talk,
        template="talks/form.html",
        context={"org": talk.organisation, "title": _("编辑谈心谈话"), "removal": ("talks.talk", talk.pk)},
    )


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "talks.settings")
    initial = initial_from(selectors.settings_for(org), "monthly_quota")
    return form_page(
        request,
        SettingsForm(request.POST or None, initial=initial),
        save=lambda data: services.settings_update(actor=request.user, organisation=org, **data),
        success=_("已保存谈心谈话要求"),
        redirect_to=f"{request.path}?org={org.code}",
        template="talks/form.html",
        context={"org": org, "title": _("谈心谈话要求")},
    )
