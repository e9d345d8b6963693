"""A branch's own results: published plans only, its own scores, total, level and rank, never
another branch's scores nor the ranking list (the rank says where it stands: 名列第N名（共M个）)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zhibu.core.web import chosen_organisation

from .. import selectors
from ..ranks import cn_rank


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    org = chosen_organisation(request, "inspections.own")
    rows = []
    # One query per published plan (a handful a year), never per branch.
    for plan in selectors.published_for(org)[:50]:
        rows.append((plan, selectors.branch_result(plan, org, selectors.items_of(plan))))
    return render(request, "inspections/mine.html", {"org": org, "rows": rows})


@login_required
def result(request: HttpRequest, pk: int, branch: int) -> HttpResponse:
    org = selectors.branch_in_scope(request.user, branch)
    plan = selectors.published_plan_for(org, pk)
    items = selectors.items_of(plan)
    mine = selectors.branch_scores(plan, org)
    row = selectors.branch_result(plan, org, items)
    context = {
        "org": org,
        "plan": plan,
        "lines": [(item, mine.get(item.pk)) for item in items],
        "row": row,
        "rank_words": cn_rank(row.rank) if row else "",
    }
    return render(request, "inspections/result.html", context)
