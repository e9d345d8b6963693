from zhibu.core.testing import Case

from . import helpers

# Amounts: the secretary and the 支委 in charge (组织委员); another 支委, members, the checker and the
# bureau get 403; the other branch 404.
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
# 我的党费: whoever has a person on the roster and a branch role; the bureau's login has no person.
MINE = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 403, "outsider": 200}
# The bands: the national rule, readable by everyone keeping or overseeing dues.
BANDS = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 200, "outsider": 200}
BAND_ADD = {"secretary": 403, "committee": 403, "member": 403, "checker": 403, "bureau": 200, "outsider": 403}


def org_a(world):
    helpers.in_charge(world)
    return "?org=yucai"


def a_member(world):
    helpers.in_charge(world)
    return {"pk": world.people["member"].pk}


def a_payment(world):
    helpers.in_charge(world)
    member = world.people["member"]
    helpers.base(member)
    return {"pk": helpers.paid(member, helpers.months(2023, 3, 3)).pk}


MATRIX = {
    # A 支委 not in charge gets the totals only (200); the rows are the officers' in charge.
    "dues:index": Case(expect=OFFICERS, query="?org=yucai"),
    "dues:mine": Case(expect=MINE),
    "dues:person": Case(expect=OFFICERS, kwargs=a_member),
    "dues:payments": Case(expect=OFFICERS, query=org_a),
    "dues:payment": Case(expect=OFFICERS, kwargs=a_payment),
    "dues:payment_create": Case(expect=OFFICERS, query=org_a),
    "dues:base_create": Case(expect=OFFICERS, query=org_a),
    "dues:collection": Case(expect=OFFICERS, query=org_a),
    "dues:ledger_export": Case(expect=OFFICERS, query=org_a),
    "dues:bands": Case(expect=BANDS),
    "dues:band_create": Case(expect=BAND_ADD),
}
