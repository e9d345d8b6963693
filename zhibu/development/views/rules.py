"""The rules' versions (everyone who sees the pipeline reads what judges it) and their entry by the
superior committee; the branch's own settings."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page, initial_from

from .. import selectors
from ..forms import RuleForm, SettingsForm
from ..services import rules as services


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "development.view")
    context = {
        "org": org,
        "rules": selectors.rules_all(),
        "can_add": policy.has_perm(request.user, "development.rules", org),
    }
    return render(request, "development/rules.html", context)


@login_required
def rule_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "development.rules")
    return form_page(
        request,
        RuleForm(request.POST or None),
        save=lambda data: services.rule_add(actor=request.user, organisation=org, **data),
        success=_("已录入时限规定"),
        redirect_to=f"{reverse('development:rules')}?org={org.code}",
        template="development/form.html",
        context={"org": org, "title": _("录入发展党员时限规定（新版本）"), "back": "development:rules"},
    )


@login_required
def settings_edit(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "development.settings")
    current = selectors.settings_for(org)
    initial = initial_from(current, "window_years") if current.pk else {"window_years": current.window_years}
    return form_page(
        request,
        SettingsForm(request.POST or None, initial=initial),
        save=lambda data: services.settings_update(actor=request.user, organisation=org, **data),
        success=_("已保存"),
        redirect_to=f"{reverse('development:pipeline')}?org={org.code}",
        template="development/form.html",
        context={"org": org, "title": _("发展党员设置"), "back": "development:pipeline"},
    )
