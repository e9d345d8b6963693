"""Nominating, voting and the committee's scores in a branch's campaign."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import form_page

from .. import selectors
from ..forms import BallotForm, NominationForm, ScoresForm
from ..services import nominations as services
from ..services.voting import vote_cast


@login_required
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk, "awards.nominate")
    me = policy.person_of(request.user)
    form = NominationForm(
        request.POST or None,
        kinds=selectors.kinds_qs(campaign),
        people=selectors.nominee_choices(campaign),
        initial={"person": me.pk if me else None},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.nomination_create(actor=request.user, campaign=campaign, **data),
        success=_("已推荐"),
        redirect_to=campaign,
        template="includes/form_page.html",
        context={
            "org": campaign.organisation,
            "title": _("推荐人选：%(t)s") % {"t": campaign.title},
            "back": "awards:index",
        },
    )


@login_required
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk, "awards.vote")
    form = BallotForm(
        request.POST or None,
        kinds=selectors.kinds_of(campaign),
        nominations=selectors.nominations_of(campaign),
    )
    return form_page(
        request,
        form,
        save=lambda data: vote_cast(actor=request.user, campaign=campaign, choices=form.chosen()),
        success=_("投票成功。选票不记名，任何人都无法查到您投给了谁。"),
        redirect_to=campaign,
        template="awards/vote.html",
        context={"campaign": campaign, "org": campaign.organisation},
    )


@login_required
def scores(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(request.user, pk, "awards.manage")
    form = ScoresForm(
        request.POST or None,
        nominations=selectors.nominations_of(campaign),
        criteria=selectors.criteria_of(campaign),
        scores=selectors.scores_of(campaign),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.scores_enter(actor=request.user, campaign=campaign, scores=form.scores())
        + 1,
        success=_("已保存量化考核得分"),
        redirect_to=campaign,
        template="awards/scores.html",
        context={
            "campaign": campaign,
            "criteria": selectors.criteria_of(campaign),
            "org": campaign.organisation,
        },
    )
