"""教学评比: rounds (list, detail, record, correct) and each participant's entry, result and award.
The participation figures shown come from the figures registry, as the summaries quote them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import (
    chosen_organisation,
    form_page,
    initial_from,
    paginate,
    period_from_request,
    without,
)

from .. import selectors
from ..forms import ParticipantForm, RoundForm
from ..models import CompetitionKind
from ..services import competitions as services
from .common import chosen_period, list_filter


@login_required
def rounds(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "honours.view")
    period = period_from_request(request)
    filters, text, person = list_filter(request, org)
    kind = request.GET.get("kind", "")
    kind = kind if kind in CompetitionKind.values else ""
    context = {
        "org": org,
        "period": period,
        "filters": filters,
        "kinds": CompetitionKind.choices,
        "kind": kind,
        "figures": [
            figures.compute(code, org, period)
            for code in (
                "honours.competition_rounds",
                "honours.competition_members",
                "honours.competition_rate",
                "honours.competition_awards",
            )
        ],
        "page": paginate(
            request,
            selectors.round_list(org, text=text, person=person, kind=kind, period=chosen_period(request)),
        ),
        "can_edit": policy.has_perm(request.user, "honours.edit", org),
    }
    return render(request, "honours/rounds.html", context)


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    competition = selectors.round_get(request.user, pk)
    context = {
        "round": competition,
        "participants": selectors.participants_of(competition),
        "can_edit": policy.has_perm(request.user, "honours.edit", competition),
    }
    return render(request, "honours/round_detail.html", context)


def _url(competition) -> str:
    return reverse("honours:round", args=[competition.pk])


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "honours.edit")
    return form_page(
        request,
        RoundForm(request.POST or None, people=selectors.person_choices(org)),
        save=lambda data: services.round_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记教学评比"),
        redirect_to=_url,
        template="honours/form.html",
        context={"org": org, "title": _("登记教学评比"), "back": "honours:rounds"},
    )


@login_required
def round_edit(request: HttpRequest, pk: int) -> HttpResponse:
    competition = selectors.round_get(request.user, pk, "honours.edit")
    initial = initial_from(
        competition,
        *("title", "kind", "held_on", "organiser", "note"),
        participants=selectors.participant_ids(competition),
    )
    return form_page(
        request,
        RoundForm(
            request.POST or None, people=selectors.person_choices(competition.organisation), initial=initial
        ),
        save=lambda data: services.round_update(actor=request.user, competition=competition, **data),
        success=_("已保存"),
        redirect_to=_url(competition),
        template="honours/form.html",
        context={
            "org": competition.organisation,
            "title": _("编辑教学评比"),
            "back": "honours:rounds",
            "remove": ("honours.competitionround", competition.pk),
        },
    )


@login_required
def participant_edit(request: HttpRequest, pk: int) -> HttpResponse:
    participant = selectors.participant_get(request.user, pk)
    return form_page(
        request,
        ParticipantForm(
            request.POST or None,
            initial={name: getattr(participant, name) for name in ("entry", "result", "award")},
        ),
        save=lambda data: services.participant_update(
            actor=request.user, participant=participant, **without(data, "version")
        ),
        success=_("已登记评比结果"),
        redirect_to=_url(participant.round),
        template="honours/form.html",
        context={
            "org": participant.organisation,
            "title": _("%(name)s · %(round)s")
            % {"name": participant.person.name, "round": participant.round.title},
            "back": "honours:rounds",
        },
    )
