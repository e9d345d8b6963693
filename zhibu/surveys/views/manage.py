"""满意度测评 for the officers: surveys (list, results, set up, edit), the printable code slips and
the results export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, without

from .. import selectors, services, tokens
from ..exporters import RESULTS
from ..forms import SurveyForm

SLIPS_PER_PAGE = 8  # two columns of four on an A4 page


@login_required
def index(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "surveys.view")
    text = request.GET.get("q", "").strip()
    context = {
        "org": org,
        "q": text,
        "page": paginate(request, selectors.survey_list(org, text=text)),
        "can_manage": policy.has_perm(request.user, "surveys.manage", org),
    }
    return render(request, "surveys/index.html", context)


@login_required
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(request.user, pk)
    returned, questions = selectors.results(survey)
    context = {
        "survey": survey,
        "returned": returned,
        "questions": questions,
        "link": request.build_absolute_uri(reverse("surveys:answer", args=[survey.public_id])),
        "can_manage": policy.has_perm(request.user, "surveys.manage", survey),
    }
    return render(request, "surveys/survey_detail.html", context)


@login_required
def survey_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "surveys.manage")
    today = timezone.localdate()
    form = SurveyForm(
        request.POST or None,
        initial={"opens_on": today, "closes_on": today, "respondents": 50, "audience": "parents"},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.survey_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已发起测评，请打印问卷码发放"),
        redirect_to=lambda s: s,
        template="includes/form_page.html",
        context={"org": org, "title": _("发起满意度测评"), "back": "surveys:index"},
    )


@login_required
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(request.user, pk, "surveys.manage")
    fields = ("title", "audience", "opens_on", "closes_on", "respondents", "note")
    form = SurveyForm(request.POST or None, editing=True, initial=initial_from(survey, *fields))
    return form_page(
        request,
        form,
        save=lambda data: services.survey_update(actor=request.user, survey=survey, **data),
        success=_("已保存"),
        redirect_to=survey,
        template="includes/form_page.html",
        context={
            "org": survey.organisation,
            "title": _("编辑满意度测评"),
            "back": "surveys:index",
            "removal": ("surveys.survey", survey.pk),
        },
    )


@login_required
def slips(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable slips: each with the survey's title, the code and the link carrying it."""
    survey = selectors.survey_get(request.user, pk, "surveys.manage")
    services.slips_printed(actor=request.user, survey=survey)
    base = request.build_absolute_uri(reverse("surveys:answer", args=[survey.public_id]))
    all_codes = [(code, f"{base}?t={code}") for code in tokens.codes(survey)]
    pages = [all_codes[i : i + SLIPS_PER_PAGE] for i in range(0, len(all_codes), SLIPS_PER_PAGE)]
    return render(request, "surveys/slips.html", {"survey": survey, "pages": pages, "base": base})


@login_required
def results_export(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(request.user, pk)
    return export_or_job(
        request, RESULTS, RESULTS.choose(request.GET.get("format")), obj=survey,
        label=_("导出%(title)s结果") % {"title": survey.title},
    )  # fmt: skip
