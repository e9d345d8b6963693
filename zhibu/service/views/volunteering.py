"""Pages of the volunteering ledger: events with their participants and hours, volunteer groups."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import chosen_organisation, form_page, initial_from, without

from .. import selectors
from ..forms import EventForm, GroupForm, HoursForm
from ..services import volunteering as services
from .common import action, filters, list_page

FORM = "service/form.html"


@login_required
def events(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.view")
    f = filters(request, org)
    period = f["period"]
    n = figures.compute("service.volunteer_events", org, period).value
    hours = figures.compute("service.volunteer_hours", org, period).value
    return list_page(
        request,
        org,
        title=_("志愿服务"),
        tab="service:events",
        items=selectors.event_list(org, period, f["person"], request.GET.get("kind", "")),
        headers=[_("日期"), _("活动内容"), _("类别"), _("参加人数"), _("服务时长")],
        row=lambda e: [f"{e.held_on:%Y-%m-%d} {e.title}", e.get_kind_display(), e.people, e.total_hours or 0],
        link=lambda e: reverse("service:event", args=[e.pk]),
        actions=[
            action("service:event_create", _("登记志愿服务活动"), org),
            action("service:group_create", _("登记义工组织"), org),
        ],
        summary=_("%(p)s共开展志愿服务活动%(n)s次，累计服务%(h)s小时。")
        % {"p": period.label, "n": n, "h": hours},
        export="events",
        extra={"groups": selectors.groups_of(org)},
        **f,
    )


def _event_form(request, org, **kwargs) -> EventForm:
    return EventForm(
        request.POST or None, people=selectors.people_choices(org), groups=selectors.groups_of(org), **kwargs
    )


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.edit")
    initial = {"group": request.GET.get("group")} if request.GET.get("group") else {}
    return form_page(
        request,
        _event_form(request, org, initial={"hours": 2, **initial}),
        save=lambda data: services.event_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记志愿服务活动"),
        redirect_to=lambda e: e,
        template=FORM,
        context={"org": org, "title": _("登记志愿服务活动"), "back": reverse("service:events")},
    )


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get(request.user, pk)
    can_edit = policy.has_perm(request.user, "service.edit", event)
    people = selectors.participants_of(event)
    context = {
        "org": event.organisation,
        "title": str(event),
        "fields": [
            (_("活动类别"), event.get_kind_display()),
            (_("活动日期"), event.held_on),
            (_("地点"), event.place),
            (_("所属主题活动"), event.campaign),
            (_("义工组织"), event.group.name if event.group else ""),
            (_("社会爱心人士人数"), event.outside_helpers or ""),
            (_("备注"), event.note),
        ],
        "actions": [
            (reverse("service:event_edit", args=[pk]), _("编辑")),
            (reverse("core:remove", args=["service.volunteerevent", pk]), _("删除")),
        ]
        if can_edit
        else [],
        "sub_title": _("参加人员（%(n)d人）") % {"n": len(people)},
        "sub_headers": [_("姓名"), _("服务时长（小时）")],
        "sub_rows": [
            {
                "url": reverse("service:participation_edit", args=[p.pk]) if can_edit else "",
                "cells": [p.person.name, p.hours],
            }
            for p in people
        ],
        "back": reverse("service:events") + f"?org={event.organisation.code}",
    }
    return render(request, "service/detail.html", context)


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get(request.user, pk, "service.edit")
    fields = ("kind", "title", "held_on", "place", "campaign", "outside_helpers", "note")
    initial = initial_from(
        event, *fields, group=event.group_id, participants=selectors.participant_ids(event), hours=2
    )
    return form_page(
        request,
        _event_form(request, event.organisation, initial=initial),
        save=lambda data: services.event_update(actor=request.user, event=event, **data),
        success=_("已保存"),
        redirect_to=event,
        template=FORM,
        context={"org": event.organisation, "title": _("编辑志愿服务活动"), "back": event.get_absolute_url()},
    )


@login_required
def participation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.participation_get(request.user, pk)
    return form_page(
        request,
        HoursForm(request.POST or None, initial={"hours": row.hours}),
        save=lambda data: services.participation_update(actor=request.user, participation=row, **data),
        success=_("已修改服务时长"),
        redirect_to=row.event,
        template=FORM,
        context={
            "org": row.organisation,
            "title": _("修改%(n)s的服务时长") % {"n": row.person.name},
            "back": row.event.get_absolute_url(),
        },
    )


@login_required
def group_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.edit")
    return form_page(
        request,
        GroupForm(request.POST or None, people=selectors.people_choices(org)),
        save=lambda data: services.group_create(
            actor=request.user, organisation=org, **without(data, "version")
        ),
        success=_("已登记义工组织"),
        redirect_to=lambda g: g,
        template=FORM,
        context={"org": org, "title": _("登记义工组织"), "back": reverse("service:events")},
    )


@login_required
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.group_get(request.user, pk)
    can_edit = policy.has_perm(request.user, "service.edit", group)
    events = selectors.group_events(group)
    context = {
        "org": group.organisation,
        "title": group.name,
        "fields": [
            (_("负责人"), group.leader.name),
            (_("成立日期"), group.founded_on),
            (_("简介"), group.description),
        ],
        "actions": [
            (reverse("service:group_edit", args=[pk]), _("编辑")),
            (f"{reverse('service:event_create')}?org={group.organisation.code}&group={pk}", _("登记活动")),
        ]
        if can_edit
        else [],
        "sub_title": _("组织的活动"),
        "sub_headers": [_("日期"), _("活动内容"), _("社会爱心人士人数")],
        "sub_rows": [
            {"url": e.get_absolute_url(), "cells": [e.held_on, e.title, e.outside_helpers]} for e in events
        ],
        "back": reverse("service:events") + f"?org={group.organisation.code}",
    }
    return render(request, "service/detail.html", context)


@login_required
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = selectors.group_get(request.user, pk, "service.edit")
    initial = initial_from(group, "name", "founded_on", "description", leader=group.leader_id)
    return form_page(
        request,
        GroupForm(request.POST or None, people=selectors.people_choices(group.organisation), initial=initial),
        save=lambda data: services.group_update(actor=request.user, group=group, **data),
        success=_("已保存"),
        redirect_to=group,
        template=FORM,
        context={"org": group.organisation, "title": _("编辑义工组织"), "back": group.get_absolute_url()},
    )
