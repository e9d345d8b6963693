"""走访慰问 pages: list, detail, create, edit, export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, without

from .. import selectors
from ..exporters import VISITS
from ..forms import VisitForm
from ..models import STUDENT_FAMILY_LABEL, VisitCategory
from ..services import visits as services
from .common import filters


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.view")
    f = filters(request)
    category = request.GET.get("category", "")
    category = category if category in VisitCategory.values else ""
    period = f["period"]
    context = {
        "org": org,
        **f,
        "category": category,
        "categories": VisitCategory.choices,
        "people": selectors.people_choices(org),
        "page": paginate(
            request,
            selectors.visit_list(org, period, text=f["text"], person=f["person"], category=category),
        ),
        "person_times": figures.compute("care.visit_person_times", org, period).value,
        "money": figures.compute("care.visit_money", org, period).value,
        "can_edit": policy.has_perm(request.user, "care.edit", org),
        "orgs": policy.orgs_readable(request.user, "care.view"),
    }
    return render(request, "care/visit_list.html", context)


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = selectors.visit_get(request.user, pk)
    context = {
        "visit": visit,
        "visitors": selectors.visit_visitors(visit),
        "can_edit": policy.has_perm(request.user, "care.edit", visit),
    }
    return render(request, "care/visit_detail.html", context)


def _context(org, title: str) -> dict:
    return {"org": org, "title": title, "back": "care:visits"}


@login_required
def visit_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.edit")
    form = VisitForm(request.POST or None, people=selectors.people_choices(org), initial={"headcount": 1})
    return form_page(
        request,
        form,
        save=lambda data: services.visit_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记走访慰问"),
        redirect_to=lambda visit: visit,
        template="care/form.html",
        context=_context(org, _("登记走访慰问")),
    )


def _pseudonym(visit) -> str:
    name = visit.visited_name
    if visit.category != VisitCategory.STUDENT_FAMILY or name == STUDENT_FAMILY_LABEL:
        return ""
    return name.removeprefix(f"{STUDENT_FAMILY_LABEL}（").removesuffix("）")


@login_required
def visit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    visit = selectors.visit_get(request.user, pk, "care.edit")
    student = visit.category == VisitCategory.STUDENT_FAMILY
    initial = initial_from(
        visit,
        *("category", "visited_on", "headcount", "other_visitors", "goods", "money", "notes"),
        person=visit.person_id,
        visited_name="" if student else visit.visited_name,
        pseudonym=_pseudonym(visit),
        visitors=[p.pk for p in selectors.visit_visitors(visit)],
    )
    form = VisitForm(
        request.POST or None, people=selectors.people_choices(visit.organisation), initial=initial
    )
    return form_page(
        request,
        form,
        save=lambda data: services.visit_update(actor=request.user, visit=visit, **data),
        success=_("已保存"),
        redirect_to=visit,
        template="care/form.html",
        context={**_context(visit.organisation, _("编辑走访慰问")), "removal": ("care.visit", visit.pk)},
    )


@login_required
def visit_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.view")
    period = filters(request)["period"]
    return export_or_job(
        request,
        VISITS,
        VISITS.choose(request.GET.get("format")),
        obj=org,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )
