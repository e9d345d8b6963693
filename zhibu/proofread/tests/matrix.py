from zhibu.core.testing import Case

from .factories import ConfusionEntryFactory

ORG_A = "?org=yucai"
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
SECRETARY = {**OFFICERS, "committee": 403}


def an_entry(world) -> dict:
    return {"pk": ConfusionEntryFactory(organisation=world.branch).pk}


MATRIX = {
    "proofread:check": Case(expect=OFFICERS, query=ORG_A),
    "proofread:entries": Case(expect=SECRETARY, query=ORG_A),
    "proofread:entry_remove": Case(expect={**SECRETARY, "secretary": 302}, kwargs=an_entry, method="post"),
}
