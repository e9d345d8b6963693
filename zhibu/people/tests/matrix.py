from zhibu.core.testing import Case, officers

ORG_A = "?org=yucai"
# Importing is the secretary's alone.
SECRETARY_ONLY = {
    "secretary": 200,
    "committee": 403,
    "member": 403,
    "checker": 403,
    "bureau": 403,
    "outsider": 404,
}


def a_holding(world):
    from zhibu.core.tests.factories import PostHoldingFactory

    return {"pk": PostHoldingFactory(term__organisation=world.branch, person=world.people["committee"]).pk}


def member_person(world):
    return {"pk": world.people["member"].pk}


MATRIX = {
    "people:list": Case(expect=officers(), query=ORG_A),
    "people:create": Case(expect=officers(bureau=403), query=ORG_A),
    "people:person": Case(expect=officers(), kwargs=member_person),
    "people:edit": Case(expect=officers(bureau=403), kwargs=member_person),
    "people:status": Case(expect=officers(bureau=403), kwargs=member_person),
    "people:import": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "people:import_template": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "people:export": Case(expect=officers(), query=ORG_A),
    # The committee's record is read by the officers and the bureau, and kept by the secretary.
    "people:committee": Case(expect=officers(), query=ORG_A),
    "people:committee_term_new": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "people:committee_holding_new": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "people:committee_holding_end": Case(expect=SECRETARY_ONLY, kwargs=a_holding),
}
