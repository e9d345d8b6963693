"""The score-entry table: rows are branches, columns items (?item=N: one item's column, with
remarks). The page posts every cell with the version of the score it showed."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import selectors, services
from ..models import PlanState

CELL = re.compile(r"^s-(\d+)-(\d+)$")


def _cells(post) -> dict[tuple[int, int], services.Cell]:
    cells = {}
    for key, value in post.items():
        match = CELL.match(key)
        if not match:
            continue
        branch, item = int(match[1]), int(match[2])
        suffix = f"-{branch}-{item}"
        version = post.get("v" + suffix, "0")
        cells[(branch, item)] = services.Cell(
            score=value,
            remark=post.get("r" + suffix),
            version=int(version) if version.isdigit() else -1,
        )
    return cells


@login_required
def scores(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get(request.user, pk, "inspections.score")
    items = selectors.items_of(plan)
    chosen = request.GET.get("item", "")
    column = next((i for i in items if str(i.pk) == chosen), None)
    errors: list[str] = []
    if request.method == "POST":
        try:
            changed = services.score_set(actor=request.user, plan=plan, cells=_cells(request.POST))
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("已保存%(n)d个得分。") % {"n": changed})
            return redirect(request.get_full_path())
    table = selectors.score_table(plan)
    branches = list(selectors.branches_of(plan))
    shown = [column] if column else items
    rows = [
        {
            "branch": branch,
            "cells": [(item, table.get((branch.pk, item.pk))) for item in shown],
        }
        for branch in branches
    ]
    context = {
        "plan": plan,
        "items": items,
        "shown": shown,
        "column": column,
        "rows": rows,
        "errors": errors,
        "posted": request.POST if errors else None,
        "editable": plan.state == PlanState.OPEN,
        "action": reverse("inspections:scores", args=[plan.pk]) + (f"?item={column.pk}" if column else ""),
    }
    return render(request, "inspections/scores.html", context, status=400 if errors else 200)
