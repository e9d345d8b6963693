from zhibu.core.testing import Case

from .factories import ConsultationFactory, SuggestionFactory

ORG_A = "?org=yucai"
# Consultations: everyone of the branch; the bureau sees counts only.
VIEW = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 403, "outsider": 404}
OFFICERS = {**VIEW, "member": 403, "checker": 403}
SECRETARY = {**OFFICERS, "committee": 403}
# Answering: those the consultation asks (here the member and the committee member).
ASKED = {**OFFICERS, "secretary": 403, "member": 200}


def a_consultation(world):
    asked = [world.people["member"], world.people["committee"]]
    return {"pk": ConsultationFactory(organisation=world.branch, asked=asked).pk}


def a_suggestion(world):
    return {"pk": SuggestionFactory(organisation=world.branch, author=world.people["member"]).pk}


MATRIX = {
    "voice:consultations": Case(expect=VIEW, query=ORG_A),
    "voice:consultation_create": Case(expect=OFFICERS, query=ORG_A),
    "voice:settings": Case(expect=SECRETARY, query=ORG_A),
    "voice:consultation": Case(expect=VIEW, kwargs=a_consultation),
    "voice:consultation_edit": Case(expect=OFFICERS, kwargs=a_consultation),
    "voice:answer": Case(expect=ASKED, kwargs=a_consultation),
    "voice:answer_record": Case(expect=SECRETARY, kwargs=a_consultation),
    "voice:suggestions": Case(expect=OFFICERS, query=ORG_A),
    "voice:suggestion_create": Case(expect=OFFICERS, query=ORG_A),
    "voice:suggestions_export": Case(expect=OFFICERS, query=ORG_A),
    "voice:suggestion": Case(expect=OFFICERS, kwargs=a_suggestion),
    "voice:suggestion_edit": Case(expect=OFFICERS, kwargs=a_suggestion),
    "voice:suggestion_handle": Case(expect=OFFICERS, kwargs=a_suggestion),
}
