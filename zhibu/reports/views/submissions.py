"""Submission pages: a branch submits; the superior receives or returns and sets deadlines."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page, paginate, post_action

from .. import deadlines, selectors, submissions
from ..forms import DeadlineForm, DecideForm


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.document_get(request.user, pk, "reports.submit")
    return post_action(
        request,
        lambda: submissions.submission_submit(actor=request.user, document=record),
        success=lambda submission: _("已报送%(to)s。") % {"to": submission.to_organisation.name},
        redirect_to=record.get_absolute_url(),
    )


def _page_context(request: HttpRequest, org, deadline_form: DeadlineForm) -> dict:
    return {
        "org": org,
        "page": paginate(request, selectors.submissions_incoming(request.user)),
        "deadlines": [(d, deadlines.describe(d)) for d in selectors.deadlines_set_by(org)],
        "deadline_form": deadline_form,
        "can_set": policy.has_perm(request.user, "reports.deadlines", org),
        "decide_form": DecideForm(),
    }


@login_required
def submission_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "reports.receive")
    return render(request, "reports/submissions.html", _page_context(request, org, DeadlineForm()))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(request.user, pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择接收或退回。"))
        return redirect("reports:submissions")
    title = submission.document.title
    return post_action(
        request,
        lambda: submissions.submission_decide(actor=request.user, submission=submission, **form.cleaned_data),
        success=_("已处理：%(t)s") % {"t": title},
        redirect_to="reports:submissions",
        refused=lambda exc: f"{title}：{' '.join(exc.messages)}",
    )


@login_required
@require_POST
def deadline_set(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "reports.deadlines")
    form = DeadlineForm(request.POST)
    return form_page(
        request,
        form,
        save=lambda data: submissions.deadline_set(actor=request.user, organisation=org, **data),
        success=lambda done: _("报送时限已保存：%(d)s") % {"d": deadlines.describe(done)},
        redirect_to="reports:submissions",
        template="reports/submissions.html",
        context=lambda: _page_context(request, org, form),
    )
