from zhibu.core.testing import Case, officers

ORG_A = "?org=yucai"
SECRETARY_ONLY = {
    "secretary": 200,
    "committee": 403,
    "member": 403,
    "checker": 403,
    "bureau": 403,
    "outsider": 404,
}


def an_election(world):
    from zhibu.elections.tests.factories import ElectionFactory

    return {"pk": ElectionFactory(organisation=world.branch, presided_by=world.people["secretary"]).pk}


MATRIX = {
    # The elections are read by the officers and the bureau, recorded by the secretary (as the
    # committee's record on the people pages).
    "elections:index": Case(expect=officers(), query=ORG_A),
    "elections:election": Case(expect=officers(), kwargs=an_election),
    "elections:regular": Case(expect=SECRETARY_ONLY, query=ORG_A),
    "elections:by_election": Case(expect=SECRETARY_ONLY, query=ORG_A),
}
