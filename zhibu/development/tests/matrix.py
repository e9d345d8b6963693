from zhibu.core.testing import Case, officers

from .factories import DevelopmentStepFactory

ORG_A = "?org=yucai"
# The pipeline, timelines and rules: the branch's officers and the superior committee.
VIEW = officers()
# Recording a step: the officers only (the bureau sees, it does not keep the branch's ledger).
EDIT = officers(bureau=403)
# The branch's settings: its secretary.
SETTINGS = officers(committee=403, bureau=403)
# A new version of the rules: the superior committee. The branch's officers are in scope, without the
# permission; the other branch's secretary sees yucai's page as not there.
RULES = {"secretary": 403, "committee": 403, "member": 403, "checker": 403, "bureau": 200, "outsider": 404}


def a_person(world):
    return {"pk": DevelopmentStepFactory(organisation=world.branch).person_id}


MATRIX = {
    "development:pipeline": Case(expect=VIEW, query=ORG_A),
    "development:export": Case(expect=VIEW, query=ORG_A),
    "development:person": Case(expect=VIEW, kwargs=a_person),
    "development:step_create": Case(expect=EDIT, kwargs=a_person),
    "development:rules": Case(expect=VIEW, query=ORG_A),
    "development:rule_create": Case(expect=RULES, query=ORG_A),
    "development:settings": Case(expect=SETTINGS, query=ORG_A),
}
