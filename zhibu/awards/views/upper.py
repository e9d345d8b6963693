"""The superior committee's selections (两先一优, 先进党支部) seen from a branch: nominate a member
or the branch itself; and the 党委 deciding its own selection."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zhibu.core.web import chosen_organisation, form_page, post_action

from .. import selectors
from ..forms import NominationForm
from ..services import nominations as services


@login_required
def upper(request: HttpRequest) -> HttpResponse:
    branch = chosen_organisation(request, "awards.manage")
    campaigns = list(selectors.upper_campaigns(branch))
    rows = [(c, selectors.nominations_of(c, branch=branch)) for c in campaigns]
    return render(request, "awards/upper.html", {"org": branch, "rows": rows})


@login_required
def branch_nominate(request: HttpRequest, pk: int) -> HttpResponse:
    branch = chosen_organisation(request, "awards.manage")
    campaign = selectors.upper_campaign_get(branch, pk)
    form = NominationForm(
        request.POST or None,
        kinds=selectors.kinds_qs(campaign),
        people=selectors.branch_members(branch, timezone.localdate()),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.branch_nominate(
            actor=request.user, campaign=campaign, branch=branch, **data
        ),
        success=_("已推荐"),
        redirect_to=f"{reverse('awards:upper')}?org={branch.code}",
        template="includes/form_page.html",
        context={"org": branch, "title": _("推荐：%(t)s") % {"t": campaign.title}, "back": "awards:upper"},
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = selectors.nomination_get(request.user, pk)
    won = request.POST.get("won") == "1"
    return post_action(
        request,
        lambda: services.nomination_decide(actor=request.user, nomination=nomination, won=won),
        success=_("已确定当选") if won else _("已确定不当选"),
        redirect_to=nomination.campaign,
    )
