"""党费 pages that write: a base, a payment, a month's collection for the whole branch, a band set."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core.web import call_service, chosen_organisation, form_page

from .. import access, book, calc, selectors
from ..forms import BandSetForm, BaseForm, CollectionForm, PaymentForm
from ..services import bands as band_services
from ..services import bases as base_services
from ..services import payments as payment_services


def _org(request: HttpRequest):
    org = chosen_organisation(request, "dues.edit")
    access.require(request.user, "dues.edit", org)
    return org


def _back(org) -> str:
    return f"{reverse('dues:index')}?org={org.code}"


def _context(org, title: str) -> dict:
    return {"org": org, "title": title, "back": _back(org)}


def _initial_person(request: HttpRequest) -> dict:
    person = request.GET.get("person", "")
    return {"person": int(person)} if person.isdigit() else {}


@login_required
def base_create(request: HttpRequest) -> HttpResponse:
    org = _org(request)
    people = selectors.member_choices(org, timezone.localdate())
    return form_page(
        request,
        BaseForm(request.POST or None, people=people, initial=_initial_person(request)),
        save=lambda data: base_services.base_create(actor=request.user, organisation=org, **data),
        success=_("已登记党费基数"),
        redirect_to=lambda base: base,
        template="dues/form.html",
        context=_context(org, _("登记党费基数")),
    )


@login_required
def payment_create(request: HttpRequest) -> HttpResponse:
    org = _org(request)
    people = selectors.member_choices(org, timezone.localdate())
    initial = {**_initial_person(request), "paid_on": timezone.localdate()}
    return form_page(
        request,
        PaymentForm(request.POST or None, people=people, initial=initial),
        save=lambda data: payment_services.payment_create(actor=request.user, organisation=org, **data),
        success=_("已登记党费交纳"),
        redirect_to=lambda payment: payment,
        template="dues/form.html",
        context=_context(org, _("登记党费交纳")),
    )


def _month(request: HttpRequest) -> date:
    try:
        return date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        return calc.month_start(timezone.localdate())


@login_required
def collection(request: HttpRequest) -> HttpResponse:
    """One screen for the whole branch: every member due in the month, her due pre-filled; tick who
    paid and save once — every row is checked before anything is written."""
    org = _org(request)
    month = _month(request)
    members = [(m.person, m.month(month)) for m in book.build(org, month)]
    members = [(p, m) for p, m in members if m is not None]
    form = CollectionForm(request.POST or None, members=members, initial={"paid_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = call_service(
            form,
            payment_services.collection_save,
            actor=request.user,
            organisation=org,
            month=month,
            paid_on=form.cleaned_data["paid_on"],
            rows=form.service_rows(),
        )
        if done is not None:
            messages.success(
                request, _("已登记%(n)d名党员%(m)s的党费") % {"n": len(done), "m": calc.month_label(month)}
            )
            return redirect(f"{reverse('dues:collection')}?org={org.code}&month={month:%Y-%m}")
    context = {
        "form": form,
        "org": org,
        "month": month,
        "label": calc.month_label(month),
        "previous": calc.add_months(month, -1),
        "next": calc.add_months(month, 1),
    }
    return render(request, "dues/collection.html", context)


@login_required
def band_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "dues.bands")
    return form_page(
        request,
        BandSetForm(request.POST or None),
        save=lambda data: band_services.band_set_create(actor=request.user, organisation=org, **data),
        success=_("已登记新的党费交纳标准"),
        redirect_to="dues:bands",
        template="dues/form.html",
        context={"org": org, "title": _("登记党费交纳标准"), "back": reverse("dues:bands")},
    )
