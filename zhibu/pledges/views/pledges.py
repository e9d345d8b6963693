"""承诺台账: the list of pledges with the period's figures, one pledge with its items, the forms and
the export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import (
    chosen_organisation,
    export_or_job,
    form_page,
    initial_from,
    paginate,
    period_from_request,
    without,
)

from .. import selectors
from ..exporters import LEDGER
from ..forms import PledgeForm
from ..models import Scope
from ..services import pledges as services
from .common import FORM, chosen_period, list_filter, may_write, require_write

FIELDS = ("scope", "title", "identity", "starts_on", "ends_on", "note")
FIGURES = ("pledges.made", "pledges.items_closed", "pledges.on_time_rate")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "pledges.view")
    filters, text, person = list_filter(request, org)
    period = chosen_period(request)
    shown = period_from_request(request)
    context = {
        "org": org,
        "period": period,
        "filters": filters,
        "figures": [figures.compute(code, org, shown) for code in FIGURES],
        "figure_period": shown,
        "page": paginate(request, selectors.pledge_list(org, text=text, person=person, period=period)),
        "can_edit": policy.has_perm(request.user, "pledges.edit", org),
        "can_pledge": policy.has_perm(request.user, "pledges.own", org),
        "orgs": policy.orgs_readable(request.user, "pledges.view"),
        "today": timezone.localdate(),
    }
    return render(request, "pledges/index.html", context)


@login_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = selectors.pledge_get(request.user, pk)
    context = {
        "pledge": pledge,
        "items": selectors.items_of_pledge(pledge),
        "can_write": may_write(request.user, pledge),
        "can_remove": policy.has_perm(request.user, "pledges.edit", pledge),
        "today": timezone.localdate(),
    }
    return render(request, "pledges/pledge_detail.html", context)


def _url(pledge) -> str:
    return reverse("pledges:pledge", args=[pledge.pk])


def _back(org) -> str:
    return reverse("pledges:index") + f"?org={org.code}"


@login_required
def pledge_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "pledges.own")
    officer = policy.has_perm(request.user, "pledges.edit", org)
    today = timezone.localdate()
    form = PledgeForm(
        request.POST or None,
        people=selectors.person_choices(org),
        own=not officer,
        initial={"starts_on": today, "scope": Scope.MEMBER},
    )

    def save(data):
        data = without(data, "version")
        if not officer:
            data.update(scope=Scope.MEMBER, person=policy.person_of(request.user))
        return services.pledge_create(actor=request.user, organisation=org, **data)

    return form_page(
        request,
        form,
        save=save,
        success=_("已作出承诺，请逐项添加承诺事项"),
        redirect_to=_url,
        template=FORM,
        context={"org": org, "title": _("作出承诺"), "back": _back(org)},
    )


@login_required
def pledge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = selectors.pledge_get(request.user, pk)
    require_write(request.user, pledge)
    officer = policy.has_perm(request.user, "pledges.edit", pledge)
    form = PledgeForm(
        request.POST or None,
        people=selectors.person_choices(pledge.organisation),
        own=not officer,
        initial=initial_from(pledge, *FIELDS, person=pledge.person_id),
    )

    def save(data):
        if not officer:
            data = {**data, "scope": pledge.scope, "person": pledge.person}
        return services.pledge_update(actor=request.user, pledge=pledge, **data)

    return form_page(
        request,
        form,
        save=save,
        success=_("已保存"),
        redirect_to=_url(pledge),
        template=FORM,
        context={
            "org": pledge.organisation,
            "title": _("编辑承诺"),
            "back": _url(pledge),
            "remove": ("pledges.pledge", pledge.pk) if officer else None,
        },
    )


@login_required
def export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "pledges.view")
    return export_or_job(
        request,
        LEDGER,
        LEDGER.choose(request.GET.get("format")),
        obj=org,
        label=_("导出%(org)s承诺台账") % {"org": org.name},
    )
