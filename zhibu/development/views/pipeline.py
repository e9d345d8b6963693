"""The pipeline (everyone by stage, with the next step and its eligible or due day), a person's
timeline, recording a step, and the pipeline's export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.web import chosen_organisation, export_or_job, form_page, paginate

from .. import intervals, selectors
from ..exporters import PIPELINE
from ..forms import StepForm
from ..services import steps as services

STAGE_FIGURES = (
    ("applicant", "development.applicants"),
    ("activist", "development.activists"),
    ("candidate", "development.candidates"),
    ("probationary", "development.probationary"),
)


@login_required
def pipeline(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "development.view")
    today = timezone.localdate()
    stage = request.GET.get("stage", "")
    stage = stage if stage in selectors.PIPELINE_STATUSES else ""
    book = selectors.rulebook()
    period = Period.span(today, today)
    counts = [(status, figures.compute(code, org, period)) for status, code in STAGE_FIGURES]
    context = {
        "org": org,
        "stage": stage,
        "counts": counts,
        "due": figures.compute("development.probationary_due", org, period),
        "page": paginate(
            request,
            selectors.pipeline_people(org, stage=stage),
            rows=lambda people: selectors.pipeline_rows(people, today, book),
        ),
        "today": today,
        "can_edit": policy.has_perm(request.user, "development.edit", org),
        "can_settings": policy.has_perm(request.user, "development.settings", org),
    }
    return render(request, "development/pipeline.html", context)


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    who = selectors.person_get(request.user, pk)
    today = timezone.localdate()
    steps = selectors.steps_of_person(who)
    book = selectors.rulebook()
    context = {
        "person": who,
        "steps": steps,
        "nexts": intervals.next_steps(book, steps, today) if steps else [],
        "today": today,
        "can_edit": policy.has_perm(request.user, "development.edit", who),
    }
    return render(request, "development/person.html", context)


@login_required
def step_create(request: HttpRequest, pk: int) -> HttpResponse:
    who = selectors.person_get(request.user, pk, "development.edit")
    today = timezone.localdate()
    steps = selectors.steps_of_person(who)
    form = StepForm(
        request.POST or None,
        sponsors=selectors.sponsor_choices(who.organisation, today),
        votes=selectors.vote_choices(who.organisation),
        steps=intervals.candidates_next(steps),
        initial={"day": today},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.step_record(actor=request.user, person=who, **data),
        success=lambda step: _("已登记%(name)s的“%(step)s”")
        % {"name": who.name, "step": step.get_step_display()},
        redirect_to=lambda step: step,
        template="development/step_form.html",
        context={"person": who, "org": who.organisation, "steps": steps},
    )


@login_required
def pipeline_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "development.view")
    return export_or_job(request, PIPELINE, PIPELINE.choose(request.GET.get("format")), obj=org)
