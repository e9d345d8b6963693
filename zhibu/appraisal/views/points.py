"""积分 pages: my points and rank, the branch ranking, one member's lines, the rules, adjustments."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import (
    chosen_organisation,
    export_or_job,
    form_page,
    initial_from,
    period_from_request,
    without,
)

from .. import selectors
from ..exporters import RANKING
from ..forms import AdjustmentForm, RuleForm
from ..services import points as services


def _query(org, period) -> str:
    return f"?org={org.code}&from={period.start:%Y-%m-%d}&to={period.end:%Y-%m-%d}"


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """我的积分: her points line by line, each with its record, and her rank in the branch."""
    org = chosen_organisation(request, "appraisal.points.own")
    person = request.user.person
    if person is None:
        raise Http404
    period = period_from_request(request)
    ranking = selectors.ranking(org, period)
    own = next((r for r in ranking if r.person.pk == person.pk), None)
    context = {
        "org": org,
        "period": period,
        "person": person,
        "explanation": selectors.explain(org, person, period),
        "own": own,
        "ranked": len(ranking),
    }
    return render(request, "appraisal/points_mine.html", context)


@login_required
def ranking(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.points.view")
    period = period_from_request(request)
    context = {
        "org": org,
        "period": period,
        "query": _query(org, period),
        "ranking": selectors.ranking(org, period),
        "can_manage": policy.has_perm(request.user, "appraisal.points.manage", org),
    }
    return render(request, "appraisal/ranking.html", context)


@login_required
def person_points(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.member_get(request.user, pk)
    org = person.organisation
    period = period_from_request(request)
    context = {
        "org": org,
        "period": period,
        "person": person,
        "explanation": selectors.explain(org, person, period),
        "can_manage": policy.has_perm(request.user, "appraisal.points.manage", org),
    }
    return render(request, "appraisal/points_person.html", context)


@login_required
def ranking_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.points.view")
    period = period_from_request(request)
    return export_or_job(
        request, RANKING, RANKING.choose(request.GET.get("format")), obj=org,
        start=period.start.isoformat(), end=period.end.isoformat(),
    )  # fmt: skip


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.points.manage")
    context = {"org": org, "rules": selectors.rules_of(org), "labels": selectors.source_labels()}
    return render(request, "appraisal/rules.html", context)


def _form_context(org, title: str, back: str, **extra) -> dict:
    return {"org": org, "title": title, "back": back, **extra}


@login_required
def rule_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.points.manage")
    form = RuleForm(request.POST or None, sources=selectors.sources(), initial={"cap_period": "month"})
    return form_page(
        request,
        form,
        save=lambda data: services.rule_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已新增积分规则"),
        redirect_to=f"{reverse('appraisal:rules')}?org={org.code}",
        template="includes/form_page.html",
        context=_form_context(org, _("新增积分规则"), "appraisal:rules"),
    )


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = selectors.rule_get(request.user, pk)
    initial = initial_from(
        rule, "source", "points", "cap", "cap_period", "effective_from", "effective_until", "note"
    )
    form = RuleForm(request.POST or None, sources=selectors.sources(), initial=initial)
    return form_page(
        request,
        form,
        save=lambda data: services.rule_update(actor=request.user, rule=rule, **data),
        success=_("已保存"),
        redirect_to=f"{reverse('appraisal:rules')}?org={rule.organisation.code}",
        template="includes/form_page.html",
        context=_form_context(
            rule.organisation, _("编辑积分规则"), "appraisal:rules", removal=("appraisal.pointrule", rule.pk)
        ),
    )


@login_required
def adjustment_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.points.manage")
    period = period_from_request(request)
    people = selectors.members_of(org, period.end)
    person = request.GET.get("person", "")
    form = AdjustmentForm(
        request.POST or None, people=people, initial={"person": person if person.isdigit() else None}
    )
    return form_page(
        request,
        form,
        save=lambda data: services.adjustment_create(actor=request.user, organisation=org, **data),
        success=_("已调整积分"),
        redirect_to=lambda a: reverse("appraisal:points_person", args=[a.person_id]),
        template="includes/form_page.html",
        context=_form_context(org, _("调整党员积分"), "appraisal:ranking"),
    )
