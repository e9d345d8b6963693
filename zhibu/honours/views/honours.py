"""荣誉: the branch's honours (list, detail, record, correct), the certificate and the export."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import downloads, policy
from zhibu.core.web import chosen_organisation, export_or_job, form_page, initial_from, paginate, without

from .. import selectors
from ..exporters import HONOURS
from ..forms import HonourForm
from ..models import Level
from ..services import honours as services
from .common import chosen_period, list_filter

FIELDS = ("title", "kind", "level", "issuer", "awarded_on", "occasion", "recipient", "note")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "honours.view")
    filters, text, person = list_filter(request, org)
    level = request.GET.get("level", "")
    period = chosen_period(request)
    context = {
        "period": period,
        "org": org,
        "filters": filters,
        "levels": Level.choices,
        "level": level,
        "page": paginate(
            request, selectors.honour_list(org, text=text, person=person, level=level, period=period)
        ),
        "can_edit": policy.has_perm(request.user, "honours.edit", org),
        "orgs": policy.orgs_readable(request.user, "honours.view"),
    }
    return render(request, "honours/index.html", context)


@login_required
def honour_detail(request: HttpRequest, pk: int) -> HttpResponse:
    honour = selectors.honour_get(request.user, pk)
    context = {"honour": honour, "can_edit": policy.has_perm(request.user, "honours.edit", honour)}
    return render(request, "honours/honour_detail.html", context)


def _url(honour) -> str:
    return reverse("honours:honour", args=[honour.pk])


@login_required
def honour_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "honours.edit")
    form = HonourForm(
        request.POST or None,
        request.FILES or None,
        people=selectors.person_choices(org),
        initial={"awarded_on": timezone.localdate(), "recipient": "person"},
    )
    return form_page(
        request,
        form,
        save=lambda data: services.honour_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记荣誉"),
        redirect_to=_url,
        template="honours/form.html",
        context={"org": org, "title": _("登记荣誉"), "multipart": True, "back": "honours:index"},
    )


@login_required
def honour_edit(request: HttpRequest, pk: int) -> HttpResponse:
    honour = selectors.honour_get(request.user, pk, "honours.edit")
    form = HonourForm(
        request.POST or None,
        request.FILES or None,
        people=selectors.person_choices(honour.organisation),
        initial=initial_from(honour, *FIELDS, person=honour.person_id),
    )
    return form_page(
        request,
        form,
        save=lambda data: services.honour_update(actor=request.user, honour=honour, **data),
        success=_("已保存"),
        redirect_to=_url(honour),
        template="honours/form.html",
        context={
            "org": honour.organisation,
            "title": _("编辑荣誉"),
            "multipart": True,
            "back": "honours:index",
            "remove": ("honours.honour", honour.pk),
        },
    )


@login_required
def honour_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """The certificate, only after the same policy check as the honour; never a public media URL."""
    honour = selectors.honour_get(request.user, pk)
    if not honour.attachment:
        raise Http404
    return downloads.file_response(
        honour.attachment.open("rb"),
        filename=honour.attachment_name or f"{honour.title}{PurePosixPath(honour.attachment.name).suffix}",
        content_type=honour.attachment_type,
        inline=True,
    )


@login_required
def honours_export(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "honours.view")
    return export_or_job(
        request,
        HONOURS,
        HONOURS.choose(request.GET.get("format")),
        obj=org,
        label=_("导出%(org)s荣誉台账") % {"org": org.name},
    )
