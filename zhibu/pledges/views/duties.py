"""岗位职责: the list (members read it), recording and correcting (officers)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page, initial_from, paginate, without

from .. import selectors
from ..forms import DutyForm
from ..models import Scope
from ..services import duties as services
from .common import FORM, chosen_period


def _back(org) -> str:
    return reverse("pledges:duties") + f"?org={org.code}"


@login_required
def duties(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "pledges.view")
    text = request.GET.get("q", "").strip()
    context = {
        "org": org,
        "q": text,
        "period": chosen_period(request),
        "page": paginate(request, selectors.duty_list(org, text=text, period=chosen_period(request))),
        "can_edit": policy.has_perm(request.user, "pledges.edit", org),
    }
    return render(request, "pledges/duties.html", context)


@login_required
def duty_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "pledges.edit")
    return form_page(
        request,
        DutyForm(
            request.POST or None,
            people=selectors.person_choices(org),
            initial={"starts_on": timezone.localdate(), "scope": Scope.MEMBER},
        ),
        save=lambda data: services.duty_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记岗位职责"),
        redirect_to=_back(org),
        template=FORM,
        context={"org": org, "title": _("登记岗位职责"), "back": _back(org)},
    )


@login_required
def duty_edit(request: HttpRequest, pk: int) -> HttpResponse:
    duty = selectors.duty_get(request.user, pk, "pledges.edit")
    initial = initial_from(duty, "scope", "post", "content", "starts_on", "ends_on", person=duty.person_id)
    return form_page(
        request,
        DutyForm(request.POST or None, people=selectors.person_choices(duty.organisation), initial=initial),
        save=lambda data: services.duty_update(actor=request.user, duty=duty, **data),
        success=_("已保存"),
        redirect_to=_back(duty.organisation),
        template=FORM,
        context={
            "org": duty.organisation,
            "title": _("编辑岗位职责"),
            "back": _back(duty.organisation),
            "remove": ("pledges.duty", duty.pk),
        },
    )
