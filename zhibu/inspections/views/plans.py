"""The bureau's pages: plans, their items and state, the results table and its export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import downloads, policy
from zhibu.core.web import chosen_organisation, form_page, paginate, post_action, without

from .. import selectors, services
from ..exporters import RESULTS
from ..forms import PlanForm, items_text
from ..models import PlanState


@login_required
def plans(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "inspections.view")
    context = {
        "org": org,
        "page": paginate(request, selectors.plans_of(org)),
        "can_manage": policy.has_perm(request.user, "inspections.manage", org),
    }
    return render(request, "inspections/plans.html", context)


def _plan_data(data: dict) -> dict:
    return without(data, "version", "items")


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "inspections.manage")
    initial = {"excellent_from": 90, "good_from": 80, "pass_from": 60, "scope_label": _("市直")}
    return form_page(
        request,
        PlanForm(request.POST or None, initial=initial),
        save=lambda data: services.plan_create(
            actor=request.user, organisation=org, data=_plan_data(data), items=data["items"]
        ),
        success=_("已新建检查评比。"),
        redirect_to=lambda plan: plan,
        template="inspections/form.html",
        context={"org": org, "title": _("新建检查评比")},
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk)
    context = {
        "plan": plan,
        "items": selectors.items_of(plan),
        "can_manage": policy.has_perm(request.user, "inspections.manage", plan),
        "can_score": policy.has_perm(request.user, "inspections.score", plan),
    }
    return render(request, "inspections/plan_detail.html", context)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk, "inspections.manage")
    items = selectors.items_of(plan)
    names = ("title", "year", "scope_label", "excellent_from", "good_from", "pass_from")
    initial = {"version": plan.version, "items": items_text(items), **{n: getattr(plan, n) for n in names}}
    form = PlanForm(request.POST or None, initial=initial, items_locked=plan.state != PlanState.DRAFT)
    return form_page(
        request,
        form,
        save=lambda data: services.plan_update(
            actor=request.user,
            plan=plan,
            version=data.get("version"),
            data=_plan_data(data),
            items=data["items"],
        ),
        success=_("已保存。"),
        redirect_to=lambda saved: saved,
        template="inspections/form.html",
        context={"org": plan.organisation, "title": _("修改检查评比"), "plan": plan},
    )


@require_POST
@login_required
def plan_open(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk, "inspections.manage")
    return post_action(
        request,
        lambda: services.plan_open(actor=request.user, plan=plan),
        success=_("已开始评分，检查人员可以录入得分。"),
        redirect_to=plan,
    )


@require_POST
@login_required
def plan_publish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk, "inspections.manage")
    return post_action(
        request,
        lambda: services.plan_publish(actor=request.user, plan=plan),
        success=_("结果已发布，得分已冻结，各支部可以查看本支部的结果。"),
        redirect_to=plan,
    )


@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk)
    sort = request.GET.get("sort", "rank")
    sort = sort if sort in selectors.SORTS else "rank"
    context = {
        "plan": plan,
        "rows": selectors.results(plan, sort=sort),
        "sort": sort,
        "formats": RESULTS.renderers(),
    }
    return render(request, "inspections/results.html", context)


@login_required
def results_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk)
    return downloads.export(request.user, RESULTS, RESULTS.choose(request.GET.get("format")), obj=plan)
