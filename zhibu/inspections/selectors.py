"""Reads of 检查评比, each starting from the user's scope, and the results query.

Totals. A branch's total is its weighted score as a percentage of the weighted full marks:

    total = 100 × Σ score_i × weight_i / Σ max_i × weight_i        (rounded to 2 places)

so weights need not sum to 1 and full marks need not sum to 100; with every weight 1 and full
marks adding up to 100 — the usual table — the total is simply the sum of the scores. An item a
branch has no score on counts 0. The branches ranked are those with at least one score ("参评").

Ranking is competition ranking (1, 2, 2, 4) by the rounded total, so two branches that show the same
total share a rank. Totals and ranks come from one grouped query with a window function; the
number of queries does not depend on the number of branches.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, QuerySet, Sum, Value, Window
from django.db.models.functions import Rank, Round
from django.shortcuts import get_object_or_404

from zhibu.core import policy
from zhibu.core.models import Organisation
from zhibu.core.selectors import get_permitted

from .models import ZERO, InspectionPlan, Level, PlanItem, PlanState, Score

TOTAL_FIELD = DecimalField(max_digits=12, decimal_places=4)


def plans_visible(user) -> QuerySet[InspectionPlan]:
    qs = InspectionPlan.objects.filter(organisation__in=policy.orgs_readable(user, "inspections.view"))
    return qs.select_related("organisation")


def plans_of(org: Organisation) -> QuerySet[InspectionPlan]:
    return InspectionPlan.objects.filter(organisation=org).order_by("-year", "-pk")


def plan_get(user, pk: int, perm: str = "inspections.view") -> InspectionPlan:
    """A plan of the user's scope (404 otherwise), with `perm` on it (403 otherwise)."""
    qs = InspectionPlan.objects.select_related("organisation", "published_by")
    return get_permitted(user, qs, pk, perm)


def items_of(plan: InspectionPlan) -> list[PlanItem]:
    return list(plan.items.order_by("order", "pk"))


def branches_of(plan: InspectionPlan) -> QuerySet[Organisation]:
    """The branches the plan inspects: every 党支部 below its organisation, in tree order."""
    qs = plan.organisation.subtree().filter(kind=Organisation.Kind.BRANCH)
    return qs.exclude(pk=plan.organisation_id).order_by("path")


def score_table(plan: InspectionPlan) -> dict[tuple[int, int], Score]:
    """{(branch id, item id): Score} — the score-entry table in one query."""
    return {(s.organisation_id, s.item_id): s for s in plan.scores.all()}


def full_marks(items: list[PlanItem]) -> Decimal:
    """Σ max_i × weight_i: the weighted score a branch with full marks everywhere would reach."""
    return sum((item.max_score * item.weight for item in items), ZERO)


@dataclass
class ResultRow:
    branch_id: int
    branch_name: str
    total: Decimal
    rank: int
    level: str
    of: int  # how many branches were ranked

    @property
    def level_label(self) -> str:
        return str(Level(self.level).label)


def _ranked(plan: InspectionPlan, items: list[PlanItem]) -> QuerySet:
    marks = full_marks(items) or Decimal("1")
    weighted = ExpressionWrapper(F("score") * F("item__weight"), output_field=TOTAL_FIELD)
    total = ExpressionWrapper(
        Round(Sum(weighted) * Value(Decimal("100")) / Value(marks), 2), output_field=TOTAL_FIELD
    )
    return (
        Score.objects.filter(plan=plan)
        .values("organisation_id", "organisation__name", "organisation__path")
        .annotate(total=total)
        .annotate(rank=Window(Rank(), order_by=F("total").desc()))
    )


def _rows(plan: InspectionPlan, values: list[dict], of: int) -> list[ResultRow]:
    return [
        ResultRow(
            branch_id=v["organisation_id"],
            branch_name=v["organisation__name"],
            total=Decimal(str(v["total"])).quantize(Decimal("0.01")),
            rank=v["rank"],
            level=plan.level_of(Decimal(str(v["total"]))),
            of=of,
        )
        for v in values
    ]


SORTS = {
    "rank": ("rank", "organisation__path"),
    "-total": ("-total", "organisation__path"),
    "total": ("total", "organisation__path"),
    "name": ("organisation__path",),
}


def results(plan: InspectionPlan, items: list[PlanItem] | None = None, sort: str = "rank") -> list[ResultRow]:
    """Every ranked branch with its total, rank and level (one query)."""
    items = items_of(plan) if items is None else items
    values = list(_ranked(plan, items).order_by(*SORTS.get(sort, SORTS["rank"])))
    return _rows(plan, values, len(values))


def branch_result(plan: InspectionPlan, branch: Organisation, items: list[PlanItem]) -> ResultRow | None:
    """One branch's total, rank and level, ranked among all. The ranking is read whole (one query)
    and the branch picked here: a WHERE on the branch would run before the window and rank it alone."""
    return next((row for row in results(plan, items) if row.branch_id == branch.pk), None)


def branch_scores(plan: InspectionPlan, branch: Organisation) -> dict[int, Score]:
    """{item id: Score} of one branch (one query)."""
    return {s.item_id: s for s in plan.scores.filter(organisation=branch)}


# --- a branch's own view ---------------------------------------------------------------------------
def branch_in_scope(user, pk: int, perm: str = "inspections.own") -> Organisation:
    """A branch of the user's scope (404 otherwise) on which she holds `perm` (403 otherwise)."""
    org = get_object_or_404(policy.orgs_in_scope(user), pk=pk)
    policy.require(user, perm, org)
    return org


def published_for(branch: Organisation) -> QuerySet[InspectionPlan]:
    """Published plans run by an organisation above the branch."""
    return (
        InspectionPlan.objects.filter(state=PlanState.PUBLISHED, organisation__in=branch.ancestors())
        .select_related("organisation")
        .order_by("-year", "-pk")
    )


def published_plan_for(branch: Organisation, pk: int) -> InspectionPlan:
    """A published plan over the branch, else a 404 (a draft's scores are not the branch's yet)."""
    return get_object_or_404(published_for(branch), pk=pk)


def published_in_years(branch: Organisation, first: int, last: int) -> QuerySet[InspectionPlan]:
    """Published plans over the branch whose year falls in [first, last], with a score of the branch."""
    qs = published_for(branch).filter(year__range=(first, last), scores__organisation=branch)
    return qs.distinct()
