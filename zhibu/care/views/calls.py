"""问寒问暖 pages: the month's checklist (one table, saved at once), the list of calls, a call."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.web import chosen_organisation, form_page, paginate

from .. import selectors
from ..forms import ChecklistForm
from ..services import calls as services
from .common import filters


def _month(request: HttpRequest) -> Period:
    """?month=2023-03 (default: this month)."""
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("month", "").split("-")[:2])
        return Period.month(year, month)
    except (TypeError, ValueError):
        return Period.month(today.year, today.month)


def _rows(form: ChecklistForm, data: dict) -> list[services.CallRow]:
    return [
        services.CallRow(
            retiree=p,
            called_on=data.get(f"called_on_{p.pk}"),
            caller=data.get(f"caller_{p.pk}"),
            raised=data.get(f"raised_{p.pk}", ""),
        )
        for p in form.retirees
    ]


@login_required
def checklist(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.calls")
    month = _month(request)
    calls = selectors.calls_in_month(org, month)
    form = ChecklistForm(
        request.POST or None,
        retirees=selectors.retirees_of(org, month),
        callers=selectors.people_choices(org),
        calls=calls,
    )
    here = f"{reverse('care:calls')}?org={org.code}&month={month.start:%Y-%m}"
    return form_page(
        request,
        form,
        save=lambda data: services.calls_record(
            actor=request.user, organisation=org, month=month.start, rows=_rows(form, data)
        ),
        success=lambda saved: _("已保存%(m)s的问寒问暖记录：新登记%(c)d人，修改%(u)d人")
        % {"m": saved.month.label, "c": saved.created, "u": saved.updated},
        redirect_to=here,
        template="care/checklist.html",
        context=lambda: {
            "org": org,
            "month": month,
            "previous": month.previous(),
            "next": Period.month(month.end.year + (month.end.month == 12), month.end.month % 12 + 1),
            "future": month.start > timezone.localdate(),
            "called": len(calls),
            "calls": calls,
        },
    )


@login_required
def call_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.calls")
    f = filters(request)
    context = {
        "org": org,
        **f,
        "people": selectors.people_choices(org),
        "page": paginate(request, selectors.call_list(org, f["period"], text=f["text"], person=f["person"])),
    }
    return render(request, "care/call_list.html", context)


@login_required
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_get(request.user, pk)
    context = {"call": call, "can_edit": policy.has_perm(request.user, "care.calls", call)}
    return render(request, "care/call_detail.html", context)
