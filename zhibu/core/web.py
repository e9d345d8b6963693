"""Small helpers every app's views share: the organisation a page is about, pagination, service
error mapping, period parsing, and the two shapes of a write from a page: a form page
(`form_page`) and a button's POST (`post_action`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import downloads, policy, selectors
from .export_jobs import EXPORT, export_params
from .jobs import job_start
from .periods import Period
from .registries import exporters

PER_PAGE = 25
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def paginate(
    request: HttpRequest, items, per_page: int = PER_PAGE, *, rows: Callable[[Any], list] | None = None
) -> Page:
    """The requested page of items (a queryset is cut in the database). `rows` turns the page's
    items into what the page shows — per-row numbers counted for those rows only, not the whole list."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    if rows is not None:
        page.object_list = rows(page.object_list)
    return page


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


def initial_from(row: Any, *names: str, **values: Any) -> dict[str, Any]:
    """An edit form's initial values: the row's named attributes, `values`, and the version the
    user saw (the service refuses a save made on a stale one)."""
    return {"version": row.version, **{name: getattr(row, name) for name in names}, **values}


def without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The form's cleaned data less the keys the service does not take (e.g. "version")."""
    return {k: v for k, v in data.items() if k not in keys}


def _said(text: str | Callable[[Any], str] | None, result: Any) -> str | None:
    return text(result) if callable(text) else text


def _done(redirect_to: Any, result: Any) -> HttpResponse:
    target = redirect_to(result) if callable(redirect_to) else redirect_to
    return target if isinstance(target, HttpResponse) else redirect(target)


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[dict[str, Any]], Any],
    redirect_to: Any,
    template: str,
    success: str | Callable[[Any], str] | None = None,
    context: dict[str, Any] | Callable[[], dict[str, Any]] | None = None,
    invalid_status: int = 200,
    shown: Callable[[], None] | None = None,
) -> HttpResponse:
    """A page with a form that one service saves: on a POST the form accepts, `save(cleaned_data)`
    runs through `call_service` (its ValidationError shown beside the fields); a truthy result says
    `success` and goes to `redirect_to` — a URL, a URL name or a model, or a function of the result
    giving one of these or a whole response (a download). Otherwise the template is rendered with
    the form and `context` (a dict, or a function giving one, so nothing is read for a saved form),
    with `invalid_status` when the form has errors. `shown()` runs when the form is shown rather
    than saved (a GET, or input the form refused): e.g. to audit a read of what the form displays."""
    if request.method == "POST" and form.is_valid():
        result = call_service(form, lambda: save(form.cleaned_data))
        if result:
            text = _said(success, result)
            if text:
                messages.success(request, text)
            return _done(redirect_to, result)
    elif shown is not None:
        shown()
    extra = context() if callable(context) else context or {}
    status = invalid_status if form.errors else 200
    return render(request, template, {"form": form, **extra}, status=status)


def post_action(
    request: HttpRequest,
    run: Callable[[], Any],
    *,
    success: str | Callable[[Any], str],
    redirect_to: Any,
    refused: Callable[[ValidationError], str] | None = None,
) -> HttpResponse:
    """A button's POST (recheck, submit, revoke, delete): run the service, say `success` — or the
    service's refusal as an error message, through `refused` when given — and go back to
    `redirect_to` (a URL, a URL name or a model)."""
    try:
        result = run()
    except ValidationError as exc:
        messages.error(request, refused(exc) if refused else " ".join(exc.messages))
    else:
        messages.success(request, _said(success, result))
    return redirect(redirect_to)


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


def chosen_period(request: HttpRequest) -> Period | None:
    """The span a list is narrowed to (?from=&to=, or ?period=term&on=…); None: the whole history."""
    if request.GET.get("from") or request.GET.get("period"):
        return period_from_request(request, "term")
    return None


class VersionedForm(forms.Form):
    """Carries the row version the user saw; the service refuses a stale one."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def chosen_organisation(request: HttpRequest, perm: str):
    """?org=CODE among the organisations the user may see with perm (404 otherwise), else home."""
    code = request.GET.get("org")
    if code:
        org = get_object_or_404(policy.orgs_in_scope(request.user), code=code)
        policy.require(request.user, perm, org)
        return org
    org = selectors.home_organisation(request.user)
    if org is None or not policy.has_perm(request.user, perm, org):
        raise PermissionDenied(perm)
    return org


def export_or_job(
    request: HttpRequest,
    what: str | Any,
    fmt: str,
    *,
    obj: Any,
    label: str | None = None,
    after: dict[str, Any] | None = None,
    **params: Any,
) -> HttpResponse:
    """An export button: the file at once when it is small, a background job when it is large.

    The choice is the exporter's `background(obj, **params)` (for a row export: more rows than
    ZHIBU_EXPORT_JOB_ROWS), not the user's. A user clicking 导出Excel expects the file; she cannot
    judge whether 2,000 or 20,000 rows will outlast the request, so there is no second "后台导出"
    button to choose wrongly. A small export downloads as it always did; a large one opens the job
    page, whose bar follows the rows written and which then offers the same file (same permission,
    same audit entry: core/export_jobs.py)."""
    spec = exporters.get(what) if isinstance(what, str) else what
    if spec.perm:
        policy.require(request.user, spec.perm, obj)  # before counting anything for this user
    if fmt not in spec.formats or not spec.runs_in_background(obj, **params):
        return downloads.export(request.user, spec, fmt, obj=obj, after=after, **params)
    job = job_start(
        actor=request.user,
        organisation=obj,
        kind=EXPORT,
        label=label or _("导出%(what)s") % {"what": spec.label},
        params=export_params(spec, fmt, after=after, **params),
    )
    return redirect("core:job", pk=job.pk)
