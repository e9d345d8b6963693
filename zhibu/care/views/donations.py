"""捐款 pages: drives with their totals, a drive with its gifts, and the forms."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, without

from .. import selectors
from ..exporters import DONATIONS
from ..forms import DriveForm, GiftForm
from ..services import donations as services
from .common import filters


@login_required
def drive_list(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.donations.view")
    f = filters(request)
    may_view = policy.has_perm(request.user, "care.view", org)
    context = {
        "org": org,
        **f,
        # Filtering by donor would tell a member who gave: only for those who see the gifts.
        "people": selectors.people_choices(org) if may_view else None,
        "page": paginate(
            request,
            selectors.drive_list(org, f["period"], text=f["text"], person=f["person"] if may_view else None),
        ),
        "total": figures.compute("care.donations_total", org, f["period"]).value,
        "outside": figures.compute("care.donations_outside", org, f["period"]).value,
        "own": figures.compute("care.donations_own", org, f["period"]).value,
        "can_edit": policy.has_perm(request.user, "care.edit", org),
        "can_export": may_view,
    }
    return render(request, "care/drive_list.html", context)


@login_required
def drive_detail(request: HttpRequest, pk: int) -> HttpResponse:
    drive = selectors.drive_get(request.user, pk)
    may_view = policy.has_perm(request.user, "care.view", drive)
    context = {
        "drive": drive,
        "gifts": selectors.gifts_of_drive(drive) if may_view else None,
        "can_edit": policy.has_perm(request.user, "care.edit", drive),
    }
    return render(request, "care/drive_detail.html", context)


def _context(org, title: str, **extra) -> dict:
    return {"org": org, "title": title, "back": "care:drives", **extra}


@login_required
def drive_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.edit")
    return form_page(
        request,
        DriveForm(request.POST or None),
        save=lambda data: services.drive_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已发起捐款活动"),
        redirect_to=lambda drive: drive,
        template="care/form.html",
        context=_context(org, _("发起捐款活动")),
    )


@login_required
def drive_edit(request: HttpRequest, pk: int) -> HttpResponse:
    drive = selectors.drive_get(request.user, pk, "care.edit")
    initial = initial_from(drive, "purpose", "beneficiary", "started_on", "ended_on", "note")
    return form_page(
        request,
        DriveForm(request.POST or None, initial=initial),
        save=lambda data: services.drive_update(actor=request.user, drive=drive, **data),
        success=_("已保存"),
        redirect_to=drive,
        template="care/form.html",
        context=_context(drive.organisation, _("编辑捐款活动"), removal=("care.drive", drive.pk)),
    )


@login_required
def gift_create(request: HttpRequest, pk: int) -> HttpResponse:
    drive = selectors.drive_get(request.user, pk, "care.edit")
    form = GiftForm(request.POST or None, people=selectors.people_choices(drive.organisation))
    return form_page(
        request,
        form,
        save=lambda data: services.donation_create(
            actor=request.user, drive=drive, **without(data, "version")
        ),
        success=_("已登记捐款"),
        redirect_to=drive,
        template="care/form.html",
        context=_context(drive.organisation, _("登记捐款：%(p)s") % {"p": drive.purpose}),
    )


@login_required
def gift_edit(request: HttpRequest, pk: int) -> HttpResponse:
    gift = selectors.gift_get(request.user, pk, "care.edit")
    initial = initial_from(
        gift, "donor_name", "given_on", "amount", "in_kind", donor=gift.donor_id, appeal_by=gift.appeal_by_id
    )
    form = GiftForm(request.POST or None, people=selectors.people_choices(gift.organisation), initial=initial)
    return form_page(
        request,
        form,
        save=lambda data: services.donation_update(actor=request.user, gift=gift, **data),
        success=_("已保存"),
        redirect_to=gift.drive,
        template="care/form.html",
        context=_context(gift.organisation, _("编辑捐款"), removal=("care.donation", gift.pk)),
    )


@login_required
def donations_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "care.view")
    period = filters(request)["period"]
    return export_or_job(
        request,
        DONATIONS,
        DONATIONS.choose(request.GET.get("format")),
        obj=org,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
    )
