"""Pages of 班级联系点: liaisons by term with their contacts, the classes, and the findings."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import findings
from zhibu.core.web import chosen_organisation, form_page, initial_from, without

from .. import selectors
from ..forms import ClassForm, ContactForm, LiaisonForm
from ..rules import LIAISON_RULES
from ..services import liaison as services
from .common import action, filters, list_page

FORM = "service/form.html"


@login_required
def liaisons(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.view")
    f = filters(request, org)
    classes = "、".join(c.name for c in selectors.classes_of(org))
    return list_page(
        request,
        org,
        title=_("班级联系点"),
        tab="service:liaisons",
        items=selectors.liaison_list(org, f["period"], f["person"]),
        headers=[_("学期"), _("班级"), _("支委"), _("班主任"), _("联系次数")],
        row=lambda li: [
            services.term_of(li.term_start).label,
            li.school_class.name,
            li.person.name,
            li.head_teacher,
            li.n_contacts,
        ],
        link=lambda li: reverse("service:liaison", args=[li.pk]),
        actions=[
            action("service:liaison_create", _("登记联系点"), org),
            action("service:class_create", _("登记班级"), org),
        ],
        summary=_("联系点班级：%(c)s") % {"c": classes or _("尚未登记")},
        export="contacts",
        extra={"findings": list(findings.run(org, f["period"], codes=LIAISON_RULES))},
        **f,
    )


@login_required
def class_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.edit")
    return form_page(
        request,
        ClassForm(request.POST or None),
        save=lambda data: services.class_create(actor=request.user, organisation=org, **data),
        success=_("已登记班级"),
        redirect_to=f"{reverse('service:liaisons')}?org={org.code}",
        template=FORM,
        context={"org": org, "title": _("登记联系点班级"), "back": reverse("service:liaisons")},
    )


def _form(request, org, **kwargs) -> LiaisonForm:
    return LiaisonForm(
        request.POST or None,
        people=selectors.committee_choices(org),
        classes=selectors.classes_of(org),
        **kwargs,
    )


@login_required
def liaison_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.edit")
    return form_page(
        request,
        _form(request, org),
        save=lambda data: services.liaison_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记班级联系点"),
        redirect_to=lambda li: li,
        template=FORM,
        context={
            "org": org,
            "title": _("登记班级联系点"),
            "hint": _("联系人须为该学期的支部委员"),
            "back": reverse("service:liaisons"),
        },
    )


@login_required
def liaison_detail(request: HttpRequest, pk: int) -> HttpResponse:
    liaison = selectors.liaison_get(request.user, pk)
    can_edit = policy.has_perm(request.user, "service.edit", liaison)
    contacts = selectors.liaison_contacts(liaison)
    context = {
        "org": liaison.organisation,
        "title": _("班级联系点：%(l)s") % {"l": liaison},
        "fields": [
            (_("学期"), services.term_of(liaison.term_start).label),
            (_("班级"), liaison.school_class.name),
            (_("支委"), liaison.person.name),
            (_("班主任"), liaison.head_teacher),
        ],
        "actions": [
            (reverse("service:contact_create", args=[pk]), _("登记联系")),
            (reverse("service:liaison_edit", args=[pk]), _("编辑")),
            (reverse("core:remove", args=["service.liaison", pk]), _("删除")),
        ]
        if can_edit
        else [],
        "sub_title": _("联系记录"),
        "sub_headers": [_("日期"), _("联系方式"), _("主要内容")],
        "sub_rows": [
            {"url": "", "cells": [c.contacted_on, c.get_kind_display(), c.content]} for c in contacts
        ],
        "back": reverse("service:liaisons") + f"?org={liaison.organisation.code}",
    }
    return render(request, "service/detail.html", context)


@login_required
def liaison_edit(request: HttpRequest, pk: int) -> HttpResponse:
    liaison = selectors.liaison_get(request.user, pk, "service.edit")
    initial = initial_from(
        liaison,
        "head_teacher",
        person=liaison.person_id,
        school_class=liaison.school_class_id,
        term_start=liaison.term_start.isoformat(),
    )
    return form_page(
        request,
        _form(request, liaison.organisation, initial=initial),
        save=lambda data: services.liaison_update(actor=request.user, liaison=liaison, **data),
        success=_("已保存"),
        redirect_to=liaison,
        template=FORM,
        context={
            "org": liaison.organisation,
            "title": _("编辑班级联系点"),
            "back": liaison.get_absolute_url(),
        },
    )


@login_required
def contact_create(request: HttpRequest, pk: int) -> HttpResponse:
    liaison = selectors.liaison_get(request.user, pk, "service.edit")
    return form_page(
        request,
        ContactForm(request.POST or None),
        save=lambda data: services.contact_create(actor=request.user, liaison=liaison, **data),
        success=_("已登记联系记录"),
        redirect_to=liaison,
        template=FORM,
        context={
            "org": liaison.organisation,
            "title": _("登记联系：%(l)s") % {"l": liaison},
            "back": liaison.get_absolute_url(),
        },
    )
