"""组织关系转接 and 党籍 marks: the two lists, a transfer in or out, a mark and its end, the export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, without

from .. import selectors, transfer_selectors
from ..exporters import TRANSFERS
from ..forms import MarkEndForm, MarkForm, TransferInForm, TransferOutForm
from ..models import Direction
from ..services import transfers as services

PERM = "people.transfers"


def _list_url(org) -> str:
    return f"{reverse('people:transfers')}?org={org.code}"


@login_required
def transfers(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.view")
    text = request.GET.get("q", "")
    direction = request.GET.get("direction", "")
    context = {
        "org": org,
        "q": text,
        "direction": direction,
        "directions": Direction.choices,
        "page": paginate(request, transfer_selectors.transfer_list(org, text=text, direction=direction)),
        "can_edit": policy.has_perm(request.user, PERM, org),
        "tab": "transfers",
    }
    return render(request, "people/transfers.html", context)


@login_required
def marks(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.view")
    context = {
        "org": org,
        "page": paginate(request, transfer_selectors.mark_list(org)),
        "can_edit": policy.has_perm(request.user, PERM, org),
        "tab": "marks",
    }
    return render(request, "people/marks.html", context)


@login_required
def transfer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = transfer_selectors.transfer_get(request.user, pk)
    context = {"transfer": transfer, "can_edit": policy.has_perm(request.user, PERM, transfer)}
    return render(request, "people/transfer_detail.html", context)


@login_required
def transfer_in(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, PERM)
    form = TransferInForm(
        request.POST or None,
        organisations=transfer_selectors.transfer_partners(org),
        initial={"transferred_on": timezone.localdate()},
    )

    def save(data):
        person = {key: data[key] for key in TransferInForm.PERSON_KEYS}
        person.update(unit=org.unit_name, is_staff_member=True)
        return services.transfer_in(
            actor=request.user, organisation=org, person=person, **without(data, *TransferInForm.PERSON_KEYS)
        )

    return form_page(
        request,
        form,
        save=save,
        success=lambda t: _("已登记%(name)s的组织关系转入") % {"name": t.person.name},
        redirect_to=lambda t: t.get_absolute_url(),
        template="people/transfer_form.html",
        context={"org": org, "title": _("组织关系转入")},
    )


@login_required
def transfer_out(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk, PERM)
    form = TransferOutForm(
        request.POST or None,
        organisations=transfer_selectors.transfer_partners(person.organisation),
        initial={"transferred_on": timezone.localdate()},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.transfer_out(actor=request.user, person=person, **data),
        success=lambda t: _("已登记%(name)s的组织关系转出") % {"name": t.person.name},
        redirect_to=lambda t: t.get_absolute_url(),
        template="people/transfer_form.html",
        context={
            "org": person.organisation,
            "person": person,
            "title": _("%(name)s · 组织关系转出") % {"name": person.name},
        },
    )


@login_required
def mark_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get(request.user, pk, PERM)
    form = MarkForm(request.POST or None, initial={"started_on": timezone.localdate()})
    return form_page(
        request,
        form,
        save=lambda data: services.mark_add(actor=request.user, person=person, **data),
        success=lambda m: _("已登记%(mark)s") % {"mark": m},
        redirect_to=lambda m: m.get_absolute_url(),
        template="people/transfer_form.html",
        context={
            "org": person.organisation,
            "person": person,
            "title": _("%(name)s · 登记党籍标记") % {"name": person.name},
        },
    )


@login_required
def mark_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mark = transfer_selectors.mark_get(request.user, pk)
    can_edit = policy.has_perm(request.user, PERM, mark)
    form = MarkEndForm(initial=initial_from(mark, ended_on=timezone.localdate())) if can_edit else None
    return render(request, "people/mark_detail.html", {"mark": mark, "can_edit": can_edit, "form": form})


@login_required
def mark_end(request: HttpRequest, pk: int) -> HttpResponse:
    mark = transfer_selectors.mark_get(request.user, pk, PERM)
    form = MarkEndForm(request.POST or None, initial=initial_from(mark, ended_on=timezone.localdate()))
    return form_page(
        request,
        form,
        save=lambda data: services.mark_end(actor=request.user, mark=mark, **data),
        success=_("已记录标记结束"),
        redirect_to=lambda m: m.get_absolute_url(),
        template="people/mark_detail.html",
        context={"mark": mark, "can_edit": True},
    )


@login_required
def transfers_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "people.export")
    return export_or_job(
        request,
        TRANSFERS,
        TRANSFERS.choose(request.GET.get("format")),
        obj=org,
        label=_("导出%(org)s组织关系转接台账") % {"org": org.name},
    )
