from datetime import date

from zhibu.core.testing import Case
from zhibu.core.tests.factories import PersonFactory

from . import helpers

ORG_A = "?org=yucai"
# Visits and gifts: the secretary and committee only; the bureau gets figures, never the rows.
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
# The 问寒问暖 checklist: the school office (checker) fills it, the officers too.
CALLS = {**OFFICERS, "checker": 200}
# Drives and their totals: members too.
DRIVES = {**OFFICERS, "member": 200}


def a_visit(world):
    return {"pk": helpers.visit(world.branch, visitors=[world.people["secretary"]]).pk}


def a_call(world):
    retiree = PersonFactory(
        organisation=world.branch, name="万福业", is_retired=True, birth_date=date(1948, 2, 14)
    )
    return {"pk": helpers.call(retiree, date(2023, 3, 1)).pk}


def a_drive(world):
    return {"pk": helpers.drive(world.branch).pk}


def a_gift(world):
    return {"pk": helpers.gift(helpers.drive(world.branch), donor=world.people["member"]).pk}


MATRIX = {
    "care:visits": Case(expect=OFFICERS, query=ORG_A),
    "care:visit_create": Case(expect=OFFICERS, query=ORG_A),
    "care:visits_export": Case(expect=OFFICERS, query=ORG_A),
    "care:visit": Case(expect=OFFICERS, kwargs=a_visit),
    "care:visit_edit": Case(expect=OFFICERS, kwargs=a_visit),
    "care:calls": Case(expect=CALLS, query=ORG_A),
    "care:call_list": Case(expect=CALLS, query=ORG_A),
    "care:call": Case(expect=CALLS, kwargs=a_call),
    "care:drives": Case(expect=DRIVES, query=ORG_A),
    "care:drive_create": Case(expect=OFFICERS, query=ORG_A),
    "care:donations_export": Case(expect=OFFICERS, query=ORG_A),
    "care:drive": Case(expect=DRIVES, kwargs=a_drive),
    "care:drive_edit": Case(expect=OFFICERS, kwargs=a_drive),
    "care:gift_create": Case(expect=OFFICERS, kwargs=a_drive),
    "care:gift_edit": Case(expect=OFFICERS, kwargs=a_gift),
}
