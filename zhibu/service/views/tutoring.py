"""Pages of 义务补课: the list, the phone quick-add a member uses for her own sessions, a weekly
series entered once for a term, and a member's own page (我的服务)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zhibu.core import policy
from zhibu.core.registries import figures
from zhibu.core.web import (
    chosen_organisation,
    form_page,
    initial_from,
    paginate,
    period_from_request,
    post_action,
    without,
)

from .. import selectors
from ..forms import SeriesForm, TutoringForm
from ..services import tutoring as services
from .common import action, filters, list_page

FORM = "service/form.html"
WEEKDAYS = "一二三四五六日"


@login_required
def tutoring(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.view")
    f = filters(request, org)
    period = f["period"]
    n = figures.compute("service.tutoring_sessions", org, period).value
    return list_page(
        request,
        org,
        title=_("义务补课"),
        tab="service:tutoring",
        items=selectors.tutoring_list(org, period, f["person"]),
        headers=[_("日期"), _("补课党员"), _("科目"), _("学生人数"), _("时长（分钟）"), _("来源")],
        row=lambda s: [
            f"{s.held_on:%Y-%m-%d}",
            s.tutor.name,
            s.subject,
            s.students,
            s.minutes,
            _("每周安排") if s.series_id else _("单次登记"),
        ],
        link=lambda s: reverse("service:tutoring_session", args=[s.pk]),
        actions=[
            action("service:tutoring_add", _("登记补课"), org),
            action("service:series_create", _("每周补课安排"), org),
        ],
        summary=_("%(p)s党员义工共义务补课%(n)s次。") % {"p": period.label, "n": n},
        export="tutoring",
        **f,
    )


def _own(request, org) -> bool:
    """She logs her own sessions only: no tutor to pick (officers pick anyone)."""
    return not policy.has_perm(request.user, "service.edit", org)


@login_required
def tutoring_add(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.own")
    own = _own(request, org)
    me = policy.person_of(request.user)
    last = selectors.last_tutoring(me)
    initial = {"held_on": timezone.localdate(), "students": 1, "minutes": 45, "tutor": me.pk if me else None}
    if last is not None:
        initial.update(subject=last.subject, students=last.students, minutes=last.minutes)
    form = TutoringForm(request.POST or None, people=selectors.people_choices(org), own=own, initial=initial)

    def save(data):
        tutor = me if own else data.pop("tutor")
        return services.tutoring_add(
            actor=request.user, organisation=org, tutor=tutor, **without(data, "version", "tutor")
        )

    return form_page(
        request,
        form,
        save=save,
        success=lambda s: _("已登记：%(d)s %(s)s %(m)s分钟")
        % {"d": f"{s.held_on:%m-%d}", "s": s.subject, "m": s.minutes},
        redirect_to=f"{reverse('service:tutoring_add')}?org={org.code}",
        template=FORM,
        context={
            "org": org,
            "title": _("登记义务补课"),
            "hint": _("不填学生姓名，只填人数"),
            "back": reverse("service:mine") if own else reverse("service:tutoring") + f"?org={org.code}",
        },
    )


@login_required
def tutoring_detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.tutoring_get(request.user, pk)
    may_edit = policy.has_perm(request.user, "service.edit", row) or policy.has_perm(
        request.user, "service.own", row
    )
    context = {
        "org": row.organisation,
        "title": _("义务补课：%(s)s") % {"s": row},
        "fields": [
            (_("补课党员"), row.tutor.name),
            (_("补课日期"), row.held_on),
            (_("科目"), row.subject),
            (_("学生人数"), row.students),
            (_("时长（分钟）"), row.minutes),
            (_("每周补课安排"), str(row.series) if row.series else ""),
            (_("备注"), row.note),
        ],
        "actions": [
            (reverse("service:tutoring_edit", args=[pk]), _("修改")),
            (reverse("core:remove", args=["service.tutoringsession", pk]), _("删除")),
        ]
        if may_edit
        else [],
        "back": reverse("service:mine"),
    }
    return render(request, "service/detail.html", context)


@login_required
def tutoring_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.tutoring_get(request.user, pk, edit=True)
    own = _own(request, row.organisation)
    initial = initial_from(row, "held_on", "subject", "students", "minutes", "note", tutor=row.tutor_id)
    form = TutoringForm(
        request.POST or None, people=selectors.people_choices(row.organisation), own=own, initial=initial
    )
    return form_page(
        request,
        form,
        save=lambda data: services.tutoring_update(actor=request.user, session=row, **data),
        success=_("已保存"),
        redirect_to=row,
        template=FORM,
        context={"org": row.organisation, "title": _("修改义务补课"), "back": row.get_absolute_url()},
    )


@login_required
def series_create(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "service.own")
    own = _own(request, org)
    me = policy.person_of(request.user)
    initial = {"tutor": me.pk if me else None, "students": 1, "minutes": 45}
    form = SeriesForm(request.POST or None, people=selectors.people_choices(org), own=own, initial=initial)

    def save(data):
        tutor = me if own else data.pop("tutor")
        return services.series_create(
            actor=request.user, organisation=org, tutor=tutor, **without(data, "tutor")
        )

    return form_page(
        request,
        form,
        save=save,
        success=lambda s: _("已登记每周补课安排，已生成至今的各次补课记录"),
        redirect_to=lambda s: s,
        template=FORM,
        context={
            "org": org,
            "title": _("每周补课安排"),
            "hint": _("每周一次，整个学期只填一次"),
            "back": reverse("service:mine"),
        },
    )


@login_required
def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = selectors.series_get(request.user, pk)
    may_edit = policy.has_perm(request.user, "service.edit", series) or policy.has_perm(
        request.user, "service.own", series
    )
    sessions = selectors.series_sessions(series)
    context = {
        "org": series.organisation,
        "title": str(series),
        "fields": [
            (_("补课党员"), series.tutor.name),
            (_("每周"), _("星期%(d)s") % {"d": WEEKDAYS[series.weekday]}),
            (_("科目"), series.subject),
            (_("学生人数"), series.students),
            (_("每次时长（分钟）"), series.minutes),
            (_("起止日期"), f"{series.starts_on:%Y-%m-%d} — {series.ends_on:%Y-%m-%d}"),
            (_("已登记至"), series.written_until),
        ],
        "post_action": (reverse("service:series_extend", args=[pk]), _("补登至今天")) if may_edit else None,
        "sub_title": _("各次补课（可逐次修改或删除）"),
        "sub_headers": [_("日期"), _("学生人数"), _("时长（分钟）"), _("备注")],
        "sub_rows": [
            {"url": s.get_absolute_url(), "cells": [s.held_on, s.students, s.minutes, s.note]}
            for s in sessions
        ],
        "back": reverse("service:mine"),
    }
    return render(request, "service/detail.html", context)


@login_required
def series_extend(request: HttpRequest, pk: int) -> HttpResponse:
    series = selectors.series_get(request.user, pk, edit=True)
    if request.method != "POST":
        return series_detail(request, pk)
    return post_action(
        request,
        lambda: services.series_extend(actor=request.user, series=series),
        success=lambda n: _("已补登%(n)d次补课") % {"n": n},
        redirect_to=series,
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """我的服务: her own tutoring (with the quick-add) and the events she took part in."""
    if not policy.has_perm(request.user, "service.own"):
        raise PermissionDenied("service.own")
    me = policy.person_of(request.user)
    period = period_from_request(request)
    sessions = selectors.tutoring_mine(me, period)
    context = {
        "me": me,
        "period": period,
        "counts": selectors.tutoring_counts(sessions),
        "page": paginate(request, sessions),
        "series": selectors.series_mine(me),
        "events": selectors.events_mine(me, period),
        "can_log": me is not None and policy.has_perm(request.user, "service.own", me.organisation),
    }
    return render(request, "service/mine.html", context)
