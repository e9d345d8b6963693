"""Notices: the committee issues them and follows who relayed; a branch lists its notices and
records the day it relayed one to its members."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page, paginate

from .. import selectors, services
from ..forms import NoticeForm, RelayForm


def _is_committee(user, org) -> bool:
    return org.kind != selectors.BRANCH and policy.has_perm(user, "bureau.notices.issue", org)


@login_required
def notice_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "bureau.notices.view")
    today = timezone.localdate()
    if _is_committee(request.user, org):
        context = {"org": org, "issuer": True, "page": paginate(request, selectors.notices_issued(org), 50)}
        return render(request, "bureau/notices.html", {**context, "today": today})
    page = paginate(request, selectors.notices_for(org), 50)
    receipts = selectors.receipts_for(org, page.object_list)
    rows = [(notice, receipts.get(notice.pk)) for notice in page.object_list]
    context = {"org": org, "issuer": False, "page": page, "rows": rows, "today": today}
    return render(request, "bureau/notices.html", context)


@login_required
def notice_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "bureau.notices.issue")
    if org.kind == selectors.BRANCH:
        raise PermissionDenied("bureau.notices.issue")
    form = NoticeForm(request.POST or None, branches=selectors.branches_under(org))
    return form_page(
        request,
        form,
        save=lambda _data: services.notice_issue(actor=request.user, organisation=org, **form.service_data()),
        success=lambda notice: _("已发布通知“%(t)s”") % {"t": notice.title},
        redirect_to=lambda notice: notice,
        template="bureau/notice_form.html",
        context={"org": org},
        invalid_status=400,
    )


@login_required
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The issuer sees every target branch and its receipt; a branch its own receipt and the
    form to record it."""
    notice = selectors.notice_issued_get(request.user, pk)
    today = timezone.localdate()
    if notice is not None:
        receipts = selectors.receipts_of(notice)
        rows = [(branch, receipts.get(branch.pk)) for branch in selectors.targets_of(notice)]
        context = {"notice": notice, "issuer": True, "rows": rows, "today": today}
        return render(request, "bureau/notice.html", context)
    branch = chosen_organisation(request, "bureau.notices.view")
    notice = selectors.notice_in(selectors.notices_for(branch), pk)
    receipt = selectors.receipt_of(notice, branch)
    may_relay = receipt is None and policy.has_perm(request.user, "bureau.notices.relay", branch)
    form = RelayForm(request.POST or None, initial={"done_on": today})
    if request.method == "POST" and not may_relay:
        raise PermissionDenied("bureau.notices.relay")
    return form_page(
        request,
        form,
        save=lambda data: services.notice_relay(actor=request.user, notice=notice, branch=branch, **data),
        success=_("已登记传达（落实）情况"),
        redirect_to=f"{reverse('bureau:notice', args=[notice.pk])}?org={branch.code}",
        template="bureau/notice.html",
        context={
            "notice": notice,
            "issuer": False,
            "branch": branch,
            "receipt": receipt,
            "may_relay": may_relay,
            "today": today,
        },
        invalid_status=400,
    )
