from zhibu.core.testing import Case

from .factories import AppraisalFactory, PointAdjustmentFactory, PointRuleFactory

ORG_A = "?org=yucai"
# The branch's ranking, rules, adjustments and everyone's appraisal: the officers only; the
# bureau sees the figures, never a name.
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
# 我的积分 / 我的评议: members and officers (the office checker is no party member).
OWN = {**OFFICERS, "member": 200}
# The open button's POST: a redirect back to the list with the result as a message.
OPEN = {**OFFICERS, "secretary": 302, "committee": 302}


def a_rule(world):
    return {"pk": PointRuleFactory(organisation=world.branch).pk}


def a_member(world):
    return {"pk": world.people["member"].pk}


def an_appraisal(world):
    return {"pk": AppraisalFactory(organisation=world.branch, person=world.people["member"]).pk}


def with_appraisals(world):
    """The 2023 appraisal of branch A, so each member has her own row to open."""
    for persona in ("secretary", "committee", "member"):
        AppraisalFactory(organisation=world.branch, person=world.people[persona], year=2023)
    PointAdjustmentFactory(organisation=world.branch, person=world.people["member"])
    return ORG_A + "&year=2023"


MATRIX = {
    "appraisal:points_mine": Case(expect=OWN, query=ORG_A),
    "appraisal:ranking": Case(expect=OFFICERS, query=ORG_A),
    "appraisal:ranking_export": Case(expect=OFFICERS, query=ORG_A),
    "appraisal:points_person": Case(expect=OFFICERS, kwargs=a_member),
    "appraisal:rules": Case(expect=OFFICERS, query=ORG_A),
    "appraisal:rule_create": Case(expect=OFFICERS, query=ORG_A),
    "appraisal:rule_edit": Case(expect=OFFICERS, kwargs=a_rule),
    "appraisal:adjustment_create": Case(expect=OFFICERS, query=ORG_A),
    "appraisal:appraisals": Case(expect=OFFICERS, query=with_appraisals),
    "appraisal:appraisal_open": Case(expect=OPEN, query=ORG_A + "&year=2023", method="post"),
    "appraisal:results_export": Case(expect=OFFICERS, query=with_appraisals),
    "appraisal:appraisal": Case(expect=OFFICERS, kwargs=an_appraisal),
    "appraisal:mine": Case(expect=OWN, query=with_appraisals),
    "appraisal:self_assess": Case(expect=OWN, query=with_appraisals),
    "appraisal:rate": Case(expect=OWN, query=with_appraisals),
}
