"""评先评优: the campaigns (list, detail with the result once the window has closed, set up,
edit), publishing the result and the tally export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, without

from .. import results, selectors
from ..exporters import TALLY
from ..forms import CampaignForm, PublishForm
from ..models import Scope
from ..services import campaigns as services
from ..services.common import is_closed, is_open
from ..services.publishing import campaign_publish


@login_required
def index(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "awards.view")
    text = request.GET.get("q", "").strip()
    context = {
        "org": org,
        "q": text,
        "page": paginate(request, selectors.campaign_list(org, text=text)),
        "can_manage": policy.has_perm(request.user, "awards.manage", org),
        "has_upper": org.parent_id is not None and policy.has_perm(request.user, "awards.manage", org),
    }
    return render(request, "awards/index.html", context)


def shows_result(campaign) -> bool:
    """The tally is shown only after the window closes (the bureau's decisions as they are made)."""
    return campaign.scope == Scope.BUREAU or is_closed(campaign)


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk)
    person = policy.person_of(request.user)
    ballot = campaign.scope == Scope.BRANCH
    voted = ballot and selectors.has_voted(campaign, person)
    context = {
        "campaign": campaign,
        "kinds": selectors.kinds_of(campaign),
        "criteria": selectors.criteria_of(campaign),
        "nominations": selectors.nominations_of(campaign),
        "is_open": is_open(campaign),
        "is_closed": is_closed(campaign),
        "voted": voted,
        "can_vote": ballot
        and is_open(campaign)
        and not voted
        and policy.has_perm(request.user, "awards.vote", campaign)
        and selectors.is_eligible(campaign, person),
        "can_nominate": ballot
        and not campaign.published_on
        and policy.has_perm(request.user, "awards.nominate", campaign),
        "can_manage": policy.has_perm(request.user, "awards.manage", campaign),
        "turnout": selectors.turnout(campaign) if ballot else None,
        "eligible": selectors.eligible_voters(campaign).count() if ballot else None,
        "result": results.compute(campaign) if shows_result(campaign) else None,
        "publish_form": PublishForm(
            initial={"published_on": timezone.localdate(), "version": campaign.version}
        ),
    }
    return render(request, "awards/campaign_detail.html", context)


FIELDS = ("title", "year", "opens_on", "closes_on", "ballot_weight", "note")


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "awards.manage")
    today = timezone.localdate()
    scope = Scope.BRANCH if org.kind == "branch" else Scope.BUREAU
    form = CampaignForm(
        request.POST or None,
        initial={
            "year": today.year,
            "scope": scope,
            "opens_on": today,
            "closes_on": today,
            "ballot_weight": "100",
        },
    )
    return form_page(
        request,
        form,
        save=lambda data: services.campaign_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已发起评选"),
        redirect_to=lambda c: c,
        template="includes/form_page.html",
        context={"org": org, "title": _("发起评先评优"), "back": "awards:index"},
    )


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk, "awards.manage")
    criteria = "\n".join(
        f"{c.name} {format(c.weight.normalize(), 'f')}" for c in selectors.criteria_of(campaign)
    )
    form = CampaignForm(
        request.POST or None,
        editing=True,
        initial=initial_from(campaign, *FIELDS, criteria=criteria),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.campaign_update(actor=request.user, campaign=campaign, **data),
        success=_("已保存"),
        redirect_to=campaign,
        template="includes/form_page.html",
        context={
            "org": campaign.organisation,
            "title": _("编辑评先评优"),
            "back": "awards:index",
            "removal": ("awards.campaign", campaign.pk),
        },
    )


@login_required
def campaign_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk, "awards.manage")
    return form_page(
        request,
        PublishForm(
            request.POST or None, initial={"published_on": timezone.localdate(), "version": campaign.version}
        ),
        save=lambda data: campaign_publish(actor=request.user, campaign=campaign, **data),
        success=_("已公示评选结果，当选人已记入荣誉"),
        redirect_to=campaign,
        template="includes/form_page.html",
        context={"org": campaign.organisation, "title": _("公示评选结果"), "back": "awards:index"},
    )


@login_required
def tally_export(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk)
    if not shows_result(campaign):
        raise PermissionDenied(_("投票截止后才能查看计票结果"))
    return export_or_job(
        request,
        TALLY,
        TALLY.choose(request.GET.get("format")),
        obj=campaign,
        label=_("导出%(title)s计票结果") % {"title": campaign.title},
    )
