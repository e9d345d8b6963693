"""Plans live at the bureau: every branch persona is outside their scope (404). A branch's own
result is its officers' (the bureau holds no inspections.own: it reads the results table)."""

from zhibu.core.testing import Case
from zhibu.inspections.models import PlanState

from .helpers import give, make_plan

BUREAU_ONLY = {
    "secretary": 404,
    "committee": 404,
    "member": 404,
    "checker": 404,
    "bureau": 200,
    "outsider": 404,
}
BUREAU_POST = {**BUREAU_ONLY, "bureau": 302}
OWN = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
ORG_BUREAU = "?org=bureau"
ORG_A = "?org=yucai"


def a_plan(world):
    return {"pk": make_plan(world).pk}


def a_draft(world):
    return {"pk": make_plan(world, state=PlanState.DRAFT).pk}


def a_scored_plan(world):
    plan = make_plan(world)
    give(plan, world.branch, 14, 18, 13, 9, 36)
    return {"pk": plan.pk}


def a_published_result(world):
    plan = make_plan(world, state=PlanState.PUBLISHED)
    give(plan, world.branch, 14, 18, 13, 9, 36)
    give(plan, world.other_branch, 15, 19, 14, 9, 37)
    return {"pk": plan.pk, "branch": world.branch.pk}


MATRIX = {
    "inspections:plans": Case(expect=BUREAU_ONLY, query=ORG_BUREAU),
    "inspections:plan_create": Case(expect=BUREAU_ONLY, query=ORG_BUREAU),
    "inspections:plan": Case(expect=BUREAU_ONLY, kwargs=a_plan),
    "inspections:plan_edit": Case(expect=BUREAU_ONLY, kwargs=a_plan),
    "inspections:plan_open": Case(expect=BUREAU_POST, kwargs=a_draft, method="post"),
    "inspections:plan_publish": Case(expect=BUREAU_POST, kwargs=a_scored_plan, method="post"),
    "inspections:scores": Case(expect=BUREAU_ONLY, kwargs=a_scored_plan),
    "inspections:results": Case(expect=BUREAU_ONLY, kwargs=a_scored_plan),
    "inspections:results_export": Case(expect=BUREAU_ONLY, kwargs=a_scored_plan),
    "inspections:mine": Case(expect=OWN, query=ORG_A),
    "inspections:result": Case(expect=OWN, kwargs=a_published_result),
}
