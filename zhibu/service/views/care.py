"""Pages of assistance pairs (帮扶) and partner classes (阳光协作班)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page, initial_from, without

from .. import selectors
from ..forms import PairForm, PartnerForm, PartnerSessionForm, VisitForm
from ..services import care as services
from .common import action, filters, list_page

FORM = "service/form.html"


def _edit_actions(request, row, edit: str, add: str, add_label: str, model: str) -> list:
    if not policy.has_perm(request.user, "service.edit", row):
        return []
    return [
        (reverse(add, args=[row.pk]), add_label),
        (reverse(edit, args=[row.pk]), _("编辑")),
        (reverse("core:remove", args=[model, row.pk]), _("删除")),
    ]


@login_required
def pairs(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.view")
    f = filters(request, org)
    return list_page(
        request,
        org,
        title=_("帮扶结对"),
        tab="service:pairs",
        items=selectors.pair_list(org, f["period"], f["person"]),
        headers=[_("帮扶人"), _("帮扶对象"), _("结对日期"), _("走访次数"), _("捐款（元）")],
        row=lambda p: [p.helper.name, p.household, p.started_on, p.n_visits, p.money or 0],
        link=lambda p: reverse("service:pair", args=[p.pk]),
        actions=[action("service:pair_create", _("登记帮扶结对"), org)],
        export="visits",
        **f,
    )


@login_required
def pair_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.edit")
    return form_page(
        request,
        PairForm(request.POST or None, people=selectors.people_choices(org)),
        save=lambda data: services.pair_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记帮扶结对"),
        redirect_to=lambda p: p,
        template=FORM,
        context={"org": org, "title": _("登记帮扶结对"), "back": reverse("service:pairs")},
    )


@login_required
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pair = selectors.pair_get(request.user, pk)
    visits = selectors.pair_visits(pair)
    context = {
        "org": pair.organisation,
        "title": str(pair),
        "fields": [
            (_("帮扶人"), pair.helper.name),
            (_("帮扶对象"), pair.household),
            (_("困难情况"), pair.hardship),
            (_("结对日期"), pair.started_on),
            (_("结束日期"), pair.ended_on),
        ],
        "actions": _edit_actions(
            request,
            pair,
            "service:pair_edit",
            "service:visit_create",
            _("登记走访"),
            "service.assistancepair",
        ),
        "sub_title": _("走访与帮扶"),
        "sub_headers": [_("日期"), _("帮扶内容"), _("捐款（元）"), _("情况记录")],
        "sub_rows": [{"url": "", "cells": [v.visited_on, v.help_given, v.money, v.note]} for v in visits],
        "back": reverse("service:pairs") + f"?org={pair.organisation.code}",
    }
    return render(request, "service/detail.html", context)


@login_required
def pair_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pair = selectors.pair_get(request.user, pk, "service.edit")
    initial = initial_from(pair, "household", "hardship", "started_on", "ended_on", helper=pair.helper_id)
    return form_page(
        request,
        PairForm(request.POST or None, people=selectors.people_choices(pair.organisation), initial=initial),
        save=lambda data: services.pair_update(actor=request.user, pair=pair, **data),
        success=_("已保存"),
        redirect_to=pair,
        template=FORM,
        context={"org": pair.organisation, "title": _("编辑帮扶结对"), "back": pair.get_absolute_url()},
    )


@login_required
def visit_create(request: HttpRequest, pk: int) -> HttpResponse:
    pair = selectors.pair_get(request.user, pk, "service.edit")
    return form_page(
        request,
        VisitForm(request.POST or None),
        save=lambda data: services.visit_create(actor=request.user, pair=pair, **data),
        success=_("已登记走访"),
        redirect_to=pair,
        template=FORM,
        context={
            "org": pair.organisation,
            "title": _("登记走访：%(p)s") % {"p": pair},
            "back": pair.get_absolute_url(),
        },
    )


@login_required
def partners(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.view")
    return list_page(
        request,
        org,
        title=_("阳光协作班"),
        tab="service:partners",
        items=selectors.partner_list(org),
        headers=[_("协作班"), _("协作学校"), _("开班日期"), _("活动次数")],
        row=lambda p: [p.name, p.partner_school, p.opened_on, p.n_sessions],
        link=lambda p: reverse("service:partner", args=[p.pk]),
        actions=[action("service:partner_create", _("登记阳光协作班"), org)],
    )


@login_required
def partner_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.edit")
    return form_page(
        request,
        PartnerForm(request.POST or None),
        save=lambda data: services.partner_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记阳光协作班"),
        redirect_to=lambda p: p,
        template=FORM,
        context={"org": org, "title": _("登记阳光协作班"), "back": reverse("service:partners")},
    )


@login_required
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_get(request.user, pk)
    sessions = selectors.partner_sessions(partner)
    context = {
        "org": partner.organisation,
        "title": str(partner),
        "fields": [
            (_("协作学校"), partner.partner_school),
            (_("开班日期"), partner.opened_on),
            (_("开班情况"), partner.note),
        ],
        "actions": _edit_actions(
            request,
            partner,
            "service:partner_edit",
            "service:partner_session_create",
            _("登记活动"),
            "service.partnerclass",
        ),
        "sub_title": _("协作班活动"),
        "sub_headers": [_("日期"), _("活动内容"), _("参加学生人数")],
        "sub_rows": [{"url": "", "cells": [s.held_on, s.content, s.students]} for s in sessions],
        "back": reverse("service:partners") + f"?org={partner.organisation.code}",
    }
    return render(request, "service/detail.html", context)


@login_required
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_get(request.user, pk, "service.edit")
    initial = initial_from(partner, "name", "partner_school", "opened_on", "note")
    return form_page(
        request,
        PartnerForm(request.POST or None, initial=initial),
        save=lambda data: services.partner_update(actor=request.user, partner=partner, **data),
        success=_("已保存"),
        redirect_to=partner,
        template=FORM,
        context={
            "org": partner.organisation,
            "title": _("编辑阳光协作班"),
            "back": partner.get_absolute_url(),
        },
    )


@login_required
def partner_session_create(request: HttpRequest, pk: int) -> HttpResponse:
    partner = selectors.partner_get(request.user, pk, "service.edit")
    return form_page(
        request,
        PartnerSessionForm(request.POST or None),
        save=lambda data: services.partner_session_create(actor=request.user, partner=partner, **data),
        success=_("已登记协作班活动"),
        redirect_to=partner,
        template=FORM,
        context={
            "org": partner.organisation,
            "title": _("登记协作班活动"),
            "back": partner.get_absolute_url(),
        },
    )
