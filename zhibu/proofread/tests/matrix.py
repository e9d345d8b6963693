from zhibu.core.testing import Case

from .factories import ConfusionEntryFactory

ORG_A = "?org=yucai"
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
SECRETARY = {**OFFICERS, "committee": 403}


def an_entry(world) -> dict:
    return {"pk": ConfusionEntryFactory(organisation=world.branch).pk}


def with_an_entry(world) -> str:
    """The entries page with one entry on it (pages show what exists: the hostile-input test needs a row)."""
    ConfusionEntryFactory(organisation=world.branch)
    return ORG_A


MATRIX = {
    "proofread:check": Case(expect=OFFICERS, query=ORG_A),
    "proofread:entries": Case(expect=SECRETARY, query=with_an_entry),
    "proofread:entry_remove": Case(expect={**SECRETARY, "secretary": 302}, kwargs=an_entry, method="post"),
}
