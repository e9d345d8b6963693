"""The 支部委员会 page: the running term and its posts, past terms; 换届, a post, the end of a post."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page

from .. import selectors
from ..forms import HoldingAddForm, HoldingEndForm, TermStartForm
from ..services import committee as committee_services

PERM = "people.committee"


def _page_url(org) -> str:
    return f"{reverse('people:committee')}?org={org.code}"


@login_required
def committee(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.view")
    terms = list(selectors.committee_terms(org))
    current = next((t for t in terms if t.ended_on is None), None)
    context = {
        "org": org,
        "current": current,
        "past": [t for t in terms if t is not current],
        "can_edit": policy.has_perm(request.user, PERM, org),
        "can_grant": policy.has_perm(request.user, "core.accounts.manage", org),
    }
    return render(request, "people/committee.html", context)


@login_required
def term_start(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, PERM)
    form = TermStartForm(request.POST or None)
    return form_page(
        request,
        form,
        save=lambda data: committee_services.term_start(actor=request.user, organisation=org, **data),
        success=lambda term: _("已记录%(day)s换届") % {"day": f"{term.started_on:%Y-%m-%d}"},
        redirect_to=_page_url(org),
        template="people/committee_form.html",
        context=lambda: {
            "org": org,
            "title": _("换届"),
            "current": selectors.current_term(org),
            "replaces": True,
        },
    )


@login_required
def holding_add(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, PERM)
    candidates = selectors.committee_candidates(org, timezone.localdate())
    form = HoldingAddForm(request.POST or None, candidates=candidates)
    return form_page(
        request,
        form,
        save=lambda data: committee_services.holding_add(actor=request.user, organisation=org, **data),
        success=lambda h: _("已记录%(name)s任%(post)s")
        % {"name": h.person.name, "post": h.get_post_display()},
        redirect_to=_page_url(org),
        template="people/committee_form.html",
        context=lambda: {
            "org": org,
            "title": _("记录支委任职"),
            "current": selectors.current_term(org),
            "can_grant": policy.has_perm(request.user, "core.accounts.manage", org),
        },
    )


@login_required
def holding_end(request: HttpRequest, pk: int) -> HttpResponse:
    holding = selectors.holding_get(request.user, pk)
    form = HoldingEndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    return form_page(
        request,
        form,
        save=lambda data: committee_services.holding_end(actor=request.user, holding=holding, **data),
        success=lambda h: _("已记录%(name)s的%(post)s任职结束")
        % {"name": h.person.name, "post": h.get_post_display()},
        redirect_to=_page_url(holding.organisation),
        template="people/committee_form.html",
        context={"org": holding.organisation, "holding": holding, "title": _("结束任职")},
    )
