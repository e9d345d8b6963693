"""One item of a pledge: its page (progress, 销号 history), adding and correcting it, a progress
note, 销号 with evidence, reopening, and the evidence file."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import downloads, policy
from zhibu.core.web import form_page, initial_from, without

from .. import selectors
from ..forms import CloseForm, ItemForm, ProgressForm, ReopenForm
from ..models import Scope
from ..services import closing as closing_services
from ..services import pledges as services
from .common import FORM, may_write, require_write


def _url(item) -> str:
    return reverse("pledges:item", args=[item.pk])


def _people(pledge):
    """Only a branch's pledge names a responsible committee member per item."""
    return selectors.person_choices(pledge.organisation) if pledge.scope == Scope.BRANCH else None


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get(request.user, pk)
    verify = policy.has_perm(request.user, "pledges.verify", item)
    today = timezone.localdate()
    context = {
        "item": item,
        "pledge": item.pledge,
        "progress": selectors.progress_of(item),
        "closings": selectors.closings_of(item),
        "can_write": may_write(request.user, item),
        "can_edit_item": may_write(request.user, item.pledge) and not item.is_closed,
        "can_verify": verify,
        # The pledger herself never verifies: her page says so instead of offering a form she cannot use.
        "is_pledger": policy.person_of(request.user) is not None
        and policy.person_of(request.user).pk == item.pledger_id,
        "progress_form": ProgressForm(initial={"noted_on": today}),
        "close_form": CloseForm(initial={"version": item.version, "closed_on": today}),
        "reopen_form": ReopenForm(initial={"version": item.version}),
        "overdue": not item.is_closed and item.due_on < today,
    }
    return render(request, "pledges/item_detail.html", context)


@login_required
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = selectors.pledge_get(request.user, pk)
    require_write(request.user, pledge)
    return form_page(
        request,
        ItemForm(request.POST or None, people=_people(pledge), initial={"due_on": pledge.ends_on}),
        save=lambda data: services.item_create(actor=request.user, pledge=pledge, **without(data, "version")),
        success=_("已添加承诺事项"),
        redirect_to=reverse("pledges:pledge", args=[pledge.pk]),
        template=FORM,
        context={
            "org": pledge.organisation,
            "title": _("添加承诺事项：%(t)s") % {"t": pledge.title},
            "back": reverse("pledges:pledge", args=[pledge.pk]),
        },
    )


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get(request.user, pk)
    require_write(request.user, item.pledge)
    people = _people(item.pledge)
    initial = initial_from(item, "content", "due_on")
    if people is not None:
        initial["responsible"] = item.responsible_id
    return form_page(
        request,
        ItemForm(request.POST or None, people=people, initial=initial),
        save=lambda data: services.item_update(actor=request.user, item=item, **data),
        success=_("已保存"),
        redirect_to=_url(item),
        template=FORM,
        context={"org": item.organisation, "title": _("编辑承诺事项"), "back": _url(item)},
    )


@login_required
def progress_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_get(request.user, pk)
    require_write(request.user, item)
    return form_page(
        request,
        ProgressForm(request.POST or None, initial={"noted_on": timezone.localdate()}),
        save=lambda data: services.progress_add(actor=request.user, item=item, **data),
        success=_("已记录进展"),
        redirect_to=_url(item),
        template=FORM,
        context={
            "org": item.organisation,
            "title": _("记录进展：%(c)s") % {"c": item.content},
            "back": _url(item),
        },
    )


def _verify_page(request: HttpRequest, pk: int, form_class, service, *, success: str, title: str, **extra):
    """销号 and reopening share their page: the item under pledges.verify, a versioned form, one service."""
    item = selectors.item_get(request.user, pk, "pledges.verify")
    initial = {"version": item.version, "closed_on": timezone.localdate()}
    return form_page(
        request,
        form_class(request.POST or None, request.FILES or None, initial=initial),
        save=lambda data: service(actor=request.user, item=item, **data),
        success=success,
        redirect_to=_url(item),
        template=FORM,
        context={"org": item.organisation, "title": title % {"c": item.content}, "back": _url(item), **extra},
    )


@login_required
def item_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _verify_page(
        request,
        pk,
        CloseForm,
        closing_services.item_close,
        success=_("已销号"),
        title=_("销号：%(c)s"),
        multipart=True,
    )


@login_required
def item_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _verify_page(
        request,
        pk,
        ReopenForm,
        closing_services.item_reopen,
        success=_("已重新打开，原销号记录保留在历史中"),
        title=_("重新打开：%(c)s"),
    )


@login_required
def closing_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """The evidence, only after the same policy check as the item; never a public media URL."""
    closing = selectors.closing_get(request.user, pk)
    if not closing.attachment:
        raise Http404
    return downloads.file_response(
        closing.attachment.open("rb"),
        filename=closing.attachment_name or f"佐证材料{PurePosixPath(closing.attachment.name).suffix}",
        content_type=closing.attachment_type,
        inline=True,
    )
