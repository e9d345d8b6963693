"""Pages of the mentoring ledger. Views parse, call selectors and services, and render; every page
that shows case content records exactly one read in the audit trail."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core import downloads, policy
from zhibu.core.periods import Period
from zhibu.core.web import call_service, chosen_organisation, form_page, initial_from, paginate, post_action

from .. import access, selectors, services
from ..forms import CaseCreateForm, GrantForm, LogForm, OutcomeForm, PlanForm, ReviewForm, SeminarForm
from ..models import Dimension


def _month_from(request: HttpRequest) -> Period:
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("month", "").split("-"))
        return Period.month(year, month)
    except ValueError:
        return Period.month(today.year, today.month)


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    if not policy.has_perm(request.user, access.VIEW):
        raise PermissionDenied
    status = request.GET.get("status", "active")
    qs = selectors.case_list(request.user, status=status)
    managed = list(selectors.branches_managed(request.user))
    context = {
        "page": paginate(request, qs),
        "status": status,
        "managed": managed,
        "can_review": policy.has_perm(request.user, access.REVIEW),
    }
    return render(request, "mentoring/case_list.html", context)


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk)
    dimension = request.GET.get("dimension", "")
    page = paginate(request, selectors.case_logs(case, dimension))
    services.record_read(actor=request.user, case=case, what="detail")
    can_edit = policy.has_perm(request.user, access.EDIT, case)
    can_manage = policy.has_perm(request.user, access.MANAGE, case.organisation)
    page.object_list = list(page.object_list)
    for log in page.object_list:  # the 编辑 link: asked per log without a query per row
        log.editable = access.may_edit_log(request.user, log, edits_case=can_edit, manages=can_manage)
    context = {
        "case": case,
        "student": case.student,
        "page": page,
        "dimension": dimension,
        "dimensions": Dimension.choices,
        "can_edit": can_edit,
        "can_manage": can_manage,
        "log_form": LogForm(initial={"on": timezone.localdate()}) if can_edit else None,
        "reviews": selectors.case_reviews(case),
        "seminars": selectors.case_seminars(case),
        "seminar_form": SeminarForm(meetings=selectors.seminars_available(case.organisation))
        if can_manage
        else None,
        "grants": selectors.grants_of(case) if can_manage else None,
    }
    return render(request, "mentoring/case_detail.html", context)


def _case_url(case) -> str:
    return reverse("mentoring:case", args=[case.pk])


def _case_form(request, case, form, *, title: str, save, success, shown=None) -> HttpResponse:
    """A form about one case (mentoring/form.html): back to the case's page once saved."""
    return form_page(
        request,
        form,
        save=save,
        success=success,
        redirect_to=_case_url(case),
        template="mentoring/form.html",
        context={"case": case, "title": title},
        shown=shown,
    )


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.MANAGE)
    form = CaseCreateForm(
        request.POST or None,
        students=selectors.students_choosable(org),
        mentors=selectors.mentors_available(org),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.case_create(
            actor=request.user,
            organisation=org,
            student=data["student"],
            mentor=selectors.mentor_get(org, data["mentor"]),
            started_on=data["started_on"],
            scheme=data["scheme"],
            student_kind=data["student_kind"],
        ),
        success=lambda case: _("已新建 %(p)s 的包教记录") % {"p": case.student.pseudonym},
        redirect_to=_case_url,
        template="mentoring/form.html",
        context={"org": org, "title": _("新建包教记录")},
    )


@login_required
def case_plan(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk, access.EDIT)
    return _case_form(
        request,
        case,
        PlanForm(request.POST or None, initial=initial_from(case, *services.PLAN_FIELDS)),
        save=lambda data: services.case_plan_update(
            actor=request.user, case=case, version=data.get("version"), plan=data
        ),
        success=_("包教方案已保存"),
        title=_("包教方案"),
        shown=lambda: services.record_read(actor=request.user, case=case, what="plan"),
    )


@login_required
def case_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk, access.EDIT)
    initial = initial_from(case, "outcome", "outcome_on", "ended_on", evidence=case.outcome_evidence)
    return _case_form(
        request,
        case,
        OutcomeForm(request.POST or None, initial=initial),
        save=lambda data: services.case_outcome_update(
            actor=request.user,
            case=case,
            version=data.get("version"),
            outcome=data["outcome"],
            outcome_on=data["outcome_on"],
            evidence=data["evidence"],
            ended_on=data["ended_on"],
        ),
        success=_("转化情况已保存"),
        title=_("转化情况"),
        shown=lambda: services.record_read(actor=request.user, case=case, what="outcome"),
    )


@login_required
@require_POST
def log_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk, access.EDIT)
    return _case_form(
        request,
        case,
        LogForm(request.POST, request.FILES),
        save=lambda data: services.log_create(actor=request.user, case=case, **data),
        success=_("已记录一条帮教日志"),
        title=_("添加帮教日志"),
    )


@login_required
def review_month(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, access.REVIEW)
    month = _month_from(request)
    rows = list(selectors.review_rows(request.user, org, month))
    for row in rows:
        review = row.month_reviews[0] if row.month_reviews else None
        row.review = review
        row.form = ReviewForm(
            initial={
                "month": month.start,
                "reviewed": review.reviewed if review else True,
                "remark": review.remark if review else "",
            },
            prefix=f"c{row.pk}",
        )
    context = {
        "org": org,
        "month": month,
        "previous": month.previous(),
        "next": Period.month(*_next_month(month.start)),
        "rows": rows,
        "reviewed_count": sum(1 for r in rows if r.review and r.review.reviewed),
    }
    return render(request, "mentoring/review.html", context)


def _next_month(day: date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


@login_required
@require_POST
def review_save(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk, access.REVIEW)
    form = ReviewForm(request.POST, prefix=f"c{case.pk}")
    review = None
    if form.is_valid():
        review = call_service(
            form,
            services.review_save,
            actor=request.user,
            case=case,
            month=form.cleaned_data["month"],
            reviewed=form.cleaned_data["reviewed"],
            remark=form.cleaned_data["remark"],
        )
    if not request.headers.get("HX-Request") and review:
        messages.success(request, _("已保存 %(p)s 的检查") % {"p": case.student.pseudonym})
        return redirect(
            f"{reverse('mentoring:review')}?org={case.organisation.code}&month={review.month:%Y-%m}"
        )
    # htmx swaps only 2xx responses, so errors come back as 200 with the messages in the row.
    return render(
        request,
        "mentoring/_review_form.html",
        {"case": case, "form": form, "review": review, "saved": bool(review)},
    )


@login_required
def grant_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk, access.MANAGE)
    users = selectors.grantable_users(case.organisation)

    def chosen(data: dict):
        user = next((u for u in users if u.pk == int(data["user"])), None)
        if user is None:  # only accounts offered on the form may be granted
            raise Http404
        return user

    return _case_form(
        request,
        case,
        GrantForm(request.POST or None, users=users),
        save=lambda data: services.grant_create(
            actor=request.user,
            case=case,
            user=chosen(data),
            reason=data["reason"],
            ends_on=data["ends_on"],
        ),
        success=lambda grant: _("已授权 %(u)s 查阅") % {"u": grant.user.display_name},
        title=_("授权查阅"),
    )


@login_required
@require_POST
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    grant = selectors.grant_get(request.user, pk)
    return post_action(
        request,
        lambda: services.grant_revoke(actor=request.user, grant=grant),
        success=_("已撤销授权"),
        redirect_to=reverse("mentoring:case", args=[grant.case_id]),
    )


@login_required
@require_POST
def seminar_link(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_get(request.user, pk, access.MANAGE)
    return _case_form(
        request,
        case,
        SeminarForm(request.POST, meetings=selectors.seminars_available(case.organisation)),
        save=lambda data: services.seminar_link(
            actor=request.user, case=case, meeting=selectors.seminar_get(case.organisation, data["meeting"])
        ),
        success=_("已关联座谈会"),
        title=_("关联座谈会"),
    )


@login_required
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors.attachment_get(request.user, pk)
    services.record_read(actor=request.user, case=attachment.log.case, what=f"attachment {attachment.pk}")
    # Never the uploaded name: it often names the student. A neutral Chinese name and the suffix.
    name = _("包教记录附件%(n)d%(suffix)s") % {"n": attachment.pk, "suffix": Path(attachment.filename).suffix}
    return downloads.file_response(
        base64.b64decode(attachment.content),
        filename=name,
        content_type=attachment.content_type,
    )
