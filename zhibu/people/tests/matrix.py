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


def a_transfer(world):
    from zhibu.people.tests.factories import TransferFactory

    return {"pk": TransferFactory(organisation=world.branch, person=world.people["member"]).pk}


def a_mark(world):
    from zhibu.people.tests.factories import StatusMarkFactory

    return {"pk": StatusMarkFactory(organisation=world.branch, person=world.people["member"]).pk}


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
    # 组织关系转接 and 党籍 marks: read with the roster, kept by the officers.
    "people:transfers": Case(expect=officers(), query=ORG_A),
    "people:transfers_export": Case(expect=officers(), query=ORG_A + "&format=csv"),
    "people:transfer_in": Case(expect=officers(bureau=403), query=ORG_A),
    "people:transfer": Case(expect=officers(), kwargs=a_transfer),
    "people:transfer_out": Case(expect=officers(bureau=403), kwargs=member_person),
    "people:marks": Case(expect=officers(), query=ORG_A),
    "people:mark": Case(expect=officers(), kwargs=a_mark),
    "people:mark_create": Case(expect=officers(bureau=403), kwargs=member_person),
    "people:mark_end": Case(expect=officers(bureau=403), kwargs=a_mark),
}
