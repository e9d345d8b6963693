"""Small helpers every app's views share: the organisation a page is about, pagination, service
error mapping, period parsing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from . import policy
from .periods import Period

PER_PAGE = 25
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def paginate(request: HttpRequest, items, per_page: int = PER_PAGE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def call_service(form: forms.Form, service: Callable[..., Any], **kwargs) -> Any | None:
    """Run a service; turn its ValidationError into form errors so the page shows them beside the
    fields and nothing was written (the service's transaction rolled back)."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None


def period_from_request(request: HttpRequest, default_kind: str = "year") -> Period:
    """?period=month&on=2023-05-01 or ?from=2021-09-01&to=2023-07-31; defaults to this year."""
    today = timezone.localdate()
    try:
        if request.GET.get("from") and request.GET.get("to"):
            return Period.span(date.fromisoformat(request.GET["from"]), date.fromisoformat(request.GET["to"]))
        on = date.fromisoformat(request.GET["on"]) if request.GET.get("on") else today
        return Period.parse(request.GET.get("period", default_kind), on)
    except ValueError:
        return Period.parse(default_kind, today)


class VersionedForm(forms.Form):
    """Carries the row version the user saw; the service refuses a stale one."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def home_organisation(user):
    """The organisation a user's pages open on: the first one they hold a role on."""
    orgs = list(policy.orgs_readable(user, "core.dashboard").order_by("path")[:1])
    return orgs[0] if orgs else None


def chosen_organisation(request: HttpRequest, perm: str):
    """?org=CODE among the organisations the user may see with perm (404 otherwise), else home."""
    code = request.GET.get("org")
    if code:
        org = get_object_or_404(policy.orgs_in_scope(request.user), code=code)
        policy.require(request.user, perm, org)
        return org
    org = home_organisation(request.user)
    if org is None or not policy.has_perm(request.user, perm, org):
        raise PermissionDenied
    return org
