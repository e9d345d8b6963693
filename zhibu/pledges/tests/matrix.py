from zhibu.core.testing import Case

from .factories import DutyFactory, ItemClosingFactory, PledgeFactory, PledgeItemFactory
from .helpers import PNG

ORG_A = "?org=yucai"
# Members read their branch's pledges and duties; the checker and the bureau do not (the bureau
# gets the figures); another branch's secretary finds nothing of branch A.
VIEW = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 403, "outsider": 404}
EDIT = {**VIEW, "member": 403}
# The member's own pledge: she writes its rows, but never verifies (销号) it.
OWN = VIEW
VERIFY = EDIT


def own_pledge(world):
    return {"pk": PledgeFactory(organisation=world.branch, person=world.people["member"]).pk}


def own_item(world):
    pledge = PledgeFactory(organisation=world.branch, person=world.people["member"])
    return {"pk": PledgeItemFactory(pledge=pledge).pk}


def an_evidence(world):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = "pledges/matrix-evidence.png"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(PNG))
    item = PledgeItemFactory(pledge=PledgeFactory(organisation=world.branch, person=world.people["member"]))
    closing = ItemClosingFactory(
        item=item,
        verifier=world.people["secretary"],
        attachment=name,
        attachment_type="image/png",
        attachment_name="佐证.png",
    )
    return {"pk": closing.pk}


def a_duty(world):
    return {"pk": DutyFactory(organisation=world.branch, person=world.people["member"]).pk}


MATRIX = {
    "pledges:index": Case(expect=VIEW, query=ORG_A),
    "pledges:pledge_create": Case(expect=OWN, query=ORG_A),
    "pledges:export": Case(expect=VIEW, query=ORG_A),
    "pledges:pledge": Case(expect=VIEW, kwargs=own_pledge),
    "pledges:pledge_edit": Case(expect=OWN, kwargs=own_pledge),
    "pledges:item_create": Case(expect=OWN, kwargs=own_pledge),
    "pledges:item": Case(expect=VIEW, kwargs=own_item),
    "pledges:item_edit": Case(expect=OWN, kwargs=own_item),
    "pledges:progress_add": Case(expect=OWN, kwargs=own_item),
    "pledges:item_close": Case(expect=VERIFY, kwargs=own_item),
    "pledges:item_reopen": Case(expect=VERIFY, kwargs=own_item),
    "pledges:evidence": Case(expect=VIEW, kwargs=an_evidence),
    "pledges:duties": Case(expect=VIEW, query=ORG_A),
    "pledges:duty_create": Case(expect=EDIT, query=ORG_A),
    "pledges:duty_edit": Case(expect=EDIT, kwargs=a_duty),
}
