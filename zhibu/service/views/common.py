"""What the service pages share: the list page (period and person filters, a paginated table built
from the rows a selector returned) and the form page's context."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zhibu.core import policy
from zhibu.core.web import paginate, period_from_request

from .. import selectors

TABS = [
    ("service:events", _("志愿服务")),
    ("service:tutoring", _("义务补课")),
    ("service:pairs", _("帮扶结对")),
    ("service:liaisons", _("班级联系点")),
    ("service:partners", _("阳光协作班")),
]


def filters(request: HttpRequest, org) -> dict[str, Any]:
    person = selectors.person_filter(org, request.GET.get("person"))
    return {"period": period_from_request(request), "person": person}


def list_page(
    request: HttpRequest,
    org,
    *,
    title: str,
    tab: str,
    items,
    headers: Iterable[str],
    row: Callable[[Any], list],
    link: Callable[[Any], str],
    actions: Iterable[tuple[str, str]] = (),
    summary: str = "",
    export: str = "",
    extra: dict[str, Any] | None = None,
    period=None,
    person=None,
) -> HttpResponse:
    page = paginate(request, items, rows=lambda objs: [{"url": link(o), "cells": row(o)} for o in objs])
    context = {
        "org": org,
        "title": title,
        "tab": tab,
        "tabs": TABS,
        "page": page,
        "headers": list(headers),
        "actions": list(actions) if policy.has_perm(request.user, "service.edit", org) else [],
        "summary": summary,
        "export": export,
        "period": period,
        "person": person,
        "people": selectors.people_choices(org) if period is not None else [],
        "orgs": policy.orgs_readable(request.user, "service.view"),
        **(extra or {}),
    }
    return render(request, "service/list.html", context)


def action(url_name: str, label: str, org, *args) -> tuple[str, str]:
    return (f"{reverse(url_name, args=args)}?org={org.code}", label)
