"""党费 pages to read: the branch's dues, a member's dues (and 我的党费), payments, the ledger export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.web import chosen_organisation, export_or_job, paginate, period_from_request

from .. import access, book, selectors
from ..exporters import LEDGER

RECENT_MONTHS = 24


def _officer_org(request: HttpRequest, perm: str = "dues.view"):
    org = chosen_organisation(request, perm)
    access.require(request.user, perm, org)
    return org


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every member with her base, due and arrears; the year's totals as figures. A 支委 not in charge
    of dues gets the totals only, as the bureau does: the branch's sums are no one's pay."""
    org = chosen_organisation(request, "dues.view")
    today = timezone.localdate()
    year = Period.year(today.year)
    in_charge = access.in_charge(request.user, org)
    context = {
        "org": org,
        "in_charge": in_charge,
        "page": paginate(request, book.build(org, today), per_page=50) if in_charge else None,
        "due": figures.compute("dues.due", org, year).value,
        "collected": figures.compute("dues.collected", org, year).value,
        "voluntary": figures.compute("dues.voluntary", org, year).value,
        "year": year,
    }
    return render(request, "dues/index.html", context)


def _member_page(request: HttpRequest, person, *, mine: bool) -> HttpResponse:
    today = timezone.localdate()
    people = selectors.people_in(person.organisation, [person.pk])
    found = book.build(person.organisation, today, people=people)
    member = found[0] if found else None
    context = {
        "person": person,
        "member": member,
        "recent": list(reversed(member.months[-RECENT_MONTHS:])) if member else [],
        "bases": selectors.bases_of_person(person),
        "payments": selectors.payments_of_person(person),
        "mine": mine,
    }
    return render(request, "dues/person.html", context)


@login_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.person_get(request.user, pk)
    access.require(request.user, "dues.view", found)
    return _member_page(request, found, mine=False)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """我的党费: the member's own base, dues, payments and arrears — nobody else's."""
    own = policy.person_of(request.user)
    if own is None:
        raise PermissionDenied("dues.own")
    policy.require(request.user, "dues.own", own)
    return _member_page(request, own, mine=True)


@login_required
def payments(request: HttpRequest) -> HttpResponse:
    org = _officer_org(request)
    period = period_from_request(request)
    text = request.GET.get("q", "").strip()[:50]
    context = {
        "org": org,
        "period": period,
        "text": text,
        "page": paginate(request, selectors.payment_list(org, period.start, period.end, text=text)),
        "collected": figures.compute("dues.collected", org, period).value,
        "voluntary": figures.compute("dues.voluntary", org, period).value,
    }
    return render(request, "dues/payment_list.html", context)


@login_required
def payment(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.payment_get(request.user, pk)
    access.require(request.user, "dues.view", found)
    return render(request, "dues/payment_detail.html", {"payment": found, "months": found.months.all()})


@login_required
def ledger_export(request: HttpRequest) -> HttpResponse:
    org = _officer_org(request)
    period = period_from_request(request)
    return export_or_job(
        request,
        LEDGER,
        LEDGER.choose(request.GET.get("format")),
        obj=org,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )


@login_required
def bands(request: HttpRequest) -> HttpResponse:
    """The bands on file, newest set first: anyone keeping or overseeing dues may read the rule."""
    if not any(policy.has_perm(request.user, p) for p in ("dues.view", "dues.bands", "dues.own")):
        raise PermissionDenied("dues.view")
    sets: dict = {}
    for band in selectors.bands():
        sets.setdefault(band.effective_from, []).append(band)
    return render(
        request,
        "dues/bands.html",
        {"sets": sets.items(), "can_add": policy.has_perm(request.user, "dues.bands")},
    )
