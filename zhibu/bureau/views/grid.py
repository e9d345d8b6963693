"""The oversight grid of a committee, its .xlsx export, and a branch's read-only page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zhibu.core import downloads, policy
from zhibu.core.selectors import organisation_in_scope
from zhibu.core.web import chosen_organisation

from .. import grid, selectors

PER_PAGE = 50
# The branch's own pages a committee may read, by the permission each needs.
LINKS = {
    "meetings": "meetings.view",
    "study": "study.view",
    "reports": "reports.view",
    "figures": "figures.view",
}


def _options(request: HttpRequest) -> dict:
    today = timezone.localdate()
    return {
        "span": grid.parse_span(request.GET.get("span", ""), today),
        "text": request.GET.get("q", "").strip()[:40],
        "meeting_type": request.GET.get("type", "").strip()[:40],
        "only_problems": request.GET.get("problems") == "1",
        "sort": request.GET.get("sort", "").strip()[:80],
    }


@login_required
def grid_page(request: HttpRequest) -> HttpResponse:
    root = chosen_organisation(request, "bureau.oversight")
    options = _options(request)
    today = timezone.localdate()
    data = grid.build(root, options["span"], today, **{k: v for k, v in options.items() if k != "span"})
    page = Paginator(data.rows, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    unsorted = query.copy()
    unsorted.pop("sort", None)
    context = {
        "root": root,
        "grid": data,
        "page": page,
        "options": options,
        "span_value": grid.span_value(options["span"]),
        "span_choices": grid.span_choices(today),
        "committees": selectors.committees_overseen(request.user),
        "query": query.urlencode(),
        "headers": grid.headers(data, options["sort"]),
        "lines": grid.page_cells(page.object_list, data.columns, data.figure_specs),
        "unsorted": unsorted.urlencode(),
    }
    return render(request, "bureau/grid.html", context)


@login_required
def grid_export(request: HttpRequest) -> HttpResponse:
    root = chosen_organisation(request, "bureau.oversight")
    options = _options(request)
    return downloads.export(request.user, "bureau.grid", "xlsx", obj=root, **options)


@login_required
def branch(request: HttpRequest, code: str) -> HttpResponse:
    """A branch seen from above: its row of the grid with every period, and links to its own pages
    (which the committee may read; writing there stays the branch's)."""
    target = organisation_in_scope(request.user, code)
    policy.require(request.user, "bureau.oversight", target)
    today = timezone.localdate()
    span = grid.parse_span(request.GET.get("span", ""), today)
    data = grid.build(target, span, today)
    context = {
        "branch": target,
        "grid": data,
        "row": data.rows[0] if data.rows else None,
        "lines": grid.row_lines(data.rows[0], data.columns) if data.rows else [],
        "span_value": grid.span_value(span),
        "span_choices": grid.span_choices(today),
        "figure_values": [(spec, data.rows[0].figures.get(spec.code, 0)) for spec in data.figure_specs]
        if data.rows
        else [],
        "found": [(code, label, data.rows[0].findings.get(code, 0)) for code, label in data.severities]
        if data.rows
        else [],
        "may": {name: policy.has_perm(request.user, perm, target) for name, perm in LINKS.items()},
    }
    return render(request, "bureau/branch.html", context)
