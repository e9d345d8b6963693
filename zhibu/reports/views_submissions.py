"""Submission pages: a branch submits; the superior receives or returns and sets deadlines."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import policy
from zhibu.core.web import call_service, chosen_organisation, paginate

from . import deadlines, selectors, submissions
from .forms import DeadlineForm, DecideForm


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.document_get(request.user, pk, "reports.submit")
    try:
        submission = submissions.submission_submit(actor=request.user, document=record)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已报送%(to)s。") % {"to": submission.to_organisation.name})
    return redirect(record.get_absolute_url())


def _page(request: HttpRequest, org, deadline_form=None, status: int = 200) -> HttpResponse:
    context = {
        "org": org,
        "page": paginate(request, selectors.submissions_incoming(request.user)),
        "deadlines": [(d, deadlines.describe(d)) for d in selectors.deadlines_set_by(org)],
        "deadline_form": deadline_form or DeadlineForm(),
        "can_set": policy.has_perm(request.user, "reports.deadlines", org),
        "decide_form": DecideForm(),
    }
    return render(request, "reports/submissions.html", context, status=status)


@login_required
def submission_list(request: HttpRequest) -> HttpResponse:
    return _page(request, chosen_organisation(request, "reports.receive"))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(request.user, pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择接收或退回。"))
        return redirect("reports:submissions")
    try:
        submissions.submission_decide(
            actor=request.user,
            submission=submission,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data.get("version"),
        )
    except ValidationError as exc:
        messages.error(request, f"{submission.document.title}：{' '.join(exc.messages)}")
    else:
        messages.success(request, _("已处理：%(t)s") % {"t": submission.document.title})
    return redirect("reports:submissions")


@login_required
@require_POST
def deadline_set(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "reports.deadlines")
    form = DeadlineForm(request.POST)
    if form.is_valid():
        done = call_service(
            form,
            submissions.deadline_set,
            actor=request.user,
            organisation=org,
            kind=form.cleaned_data["kind"],
            weekday=form.cleaned_data["weekday"],
            day_of_month=form.cleaned_data["day_of_month"],
        )
        if done:
            messages.success(request, _("报送时限已保存：%(d)s") % {"d": deadlines.describe(done)})
            return redirect("reports:submissions")
    return _page(request, org, form)
