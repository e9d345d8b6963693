"""支委会选举: the list, one election with its votes, and the two forms (换届, 补选)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, form_page, paginate

from .. import selectors
from ..forms import ByElectionForm, RegularForm
from ..services import elections as services

PERM = "elections.edit"


@login_required
def index(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "elections.view")
    context = {
        "org": org,
        "current": selectors.current_term(org),
        "page": paginate(request, selectors.election_list(org)),
        "can_edit": policy.has_perm(request.user, PERM, org),
        "can_grant": policy.has_perm(request.user, "core.accounts.manage", org),
    }
    return render(request, "elections/index.html", context)


@login_required
def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = selectors.election_get(request.user, pk)
    return render(request, "elections/election_detail.html", {"election": election})


def _save(service, request, org, form):
    def save(_data):
        try:
            data = form.service_data()
        except ValidationError as exc:
            raise ValidationError({"results": exc.messages}) from exc
        return service(actor=request.user, organisation=org, **data)

    return save


def _page(request: HttpRequest, form_class, service, title: str) -> HttpResponse:
    org = chosen_organisation(request, PERM)
    people = selectors.candidates(org, timezone.localdate())
    form = form_class(request.POST or None, people=people, initial={"held_on": timezone.localdate()})
    return form_page(
        request,
        form,
        save=_save(service, request, org, form),
        success=lambda e: _("已记录%(what)s，新任支委自%(day)s起任职")
        % {"what": e.get_kind_display(), "day": f"{e.held_on:%Y-%m-%d}"},
        redirect_to=lambda e: e.get_absolute_url(),
        template="elections/form.html",
        context=lambda: {
            "org": org,
            "title": title,
            "current": selectors.current_term(org),
            "can_grant": policy.has_perm(request.user, "core.accounts.manage", org),
        },
    )


@login_required
def regular(request: HttpRequest) -> HttpResponse:
    return _page(request, RegularForm, services.election_hold, _("记录换届选举"))


@login_required
def by_election(request: HttpRequest) -> HttpResponse:
    return _page(request, ByElectionForm, services.by_election_hold, _("记录补选"))
