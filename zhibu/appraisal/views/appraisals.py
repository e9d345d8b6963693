"""民主评议 pages: the year's list (officers), one member's appraisal with the decision, my results,
my self-assessment, my ratings of the others, the results export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, post_action

from .. import selectors
from ..exporters import RESULTS
from ..forms import DecisionForm, RatingsForm, SelfAssessmentForm
from ..models import Rating
from ..services import appraisals as services


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else timezone.localdate().year


def _tally(a) -> list[tuple[str, int]]:
    return [(r.label, getattr(a, f"n_{r.value}", 0)) for r in Rating]


@login_required
def appraisal_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.view")
    year = _year(request)
    rows = list(selectors.appraisal_list(org, year))
    context = {
        "org": org,
        "year": year,
        "years": sorted({*selectors.years_of(org), year}, reverse=True),
        "rows": [(a, _tally(a)) for a in rows],
        "ratings": Rating.choices,
        "excellent": sum(1 for a in rows if a.decision == Rating.EXCELLENT),
        "limit": services.excellent_limit(len(rows)),
        "can_manage": policy.has_perm(request.user, "appraisal.manage", org),
    }
    return render(request, "appraisal/appraisal_list.html", context)


@login_required
@require_POST
def appraisal_open(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.manage")
    year = _year(request)
    return post_action(
        request,
        lambda: services.appraisal_open(actor=request.user, organisation=org, year=year),
        success=lambda n: _("已开展%(y)d年度民主评议，新增%(n)d名党员") % {"y": year, "n": n},
        redirect_to=f"{reverse('appraisal:appraisals')}?org={org.code}&year={year}",
    )


@login_required
def appraisal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One member's appraisal: her self-assessment, the rating counts, and the decision form."""
    appraisal = selectors.appraisal_get(request.user, pk)
    can_manage = policy.has_perm(request.user, "appraisal.manage", appraisal)
    form = DecisionForm(request.POST or None, initial=initial_from(appraisal, "decision", "comment"))
    if request.method == "POST" and not can_manage:
        policy.require(request.user, "appraisal.manage", appraisal)
    return form_page(
        request,
        form,
        save=lambda data: services.decide(actor=request.user, appraisal=appraisal, **data),
        success=_("已确定评议结果"),
        redirect_to=f"{reverse('appraisal:appraisals')}?org={appraisal.organisation.code}&year={appraisal.year}",
        template="appraisal/appraisal_detail.html",
        context=lambda: {"appraisal": appraisal, "tally": _tally(appraisal), "can_manage": can_manage},
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """My results, year by year: the decision, my ratings' counts, my self-assessment."""
    org = chosen_organisation(request, "appraisal.take_part")
    person = request.user.person
    if person is None:
        raise Http404
    rows = list(selectors.own_appraisals(person))
    context = {"org": org, "rows": [(a, _tally(a)) for a in rows]}
    return render(request, "appraisal/mine.html", context)


def _own(request: HttpRequest, year: int):
    person = request.user.person
    appraisal = selectors.own_appraisal(person, year) if person else None
    if appraisal is None:
        raise Http404
    return appraisal


@login_required
def self_assess(request: HttpRequest) -> HttpResponse:
    chosen_organisation(request, "appraisal.take_part")
    appraisal = _own(request, _year(request))
    form = SelfAssessmentForm(request.POST or None, initial=initial_from(appraisal, "self_assessment"))
    return form_page(
        request,
        form,
        save=lambda data: services.self_assess(actor=request.user, appraisal=appraisal, **data),
        success=_("已保存自我评价"),
        redirect_to="appraisal:mine",
        template="includes/form_page.html",
        context={
            "org": appraisal.organisation,
            "title": _("%(y)d年度自我评价") % {"y": appraisal.year},
            "back": "appraisal:mine",
        },
    )


@login_required
def rate(request: HttpRequest) -> HttpResponse:
    """Rate the other members of the year's appraisal, once each (already given: shown, locked)."""
    org = chosen_organisation(request, "appraisal.take_part")
    appraisal = _own(request, _year(request))
    year = appraisal.year
    person = request.user.person
    form = RatingsForm(
        request.POST if request.method == "POST" else None,  # nothing chosen is still a submission
        appraisals=selectors.ratees(org, year, person),
        done=selectors.rated_by(person, year),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.ratings_record(
            actor=request.user, organisation=org, year=year, ratings=form.ratings()
        ),
        success=lambda n: _("已提交%(n)d名党员的评议") % {"n": n},
        redirect_to=f"{reverse('appraisal:rate')}?org={org.code}&year={year}",
        template="appraisal/rate.html",
        context=lambda: {"org": org, "year": year, "ratings": dict(Rating.choices)},
    )


@login_required
def results_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "appraisal.view")
    return export_or_job(
        request, RESULTS, RESULTS.choose(request.GET.get("format")), obj=org, year=_year(request)
    )
