from zhibu.core.testing import Case

from .factories import TalkFactory

ORG_A = "?org=yucai"
# The list and a talk's page: the officers; the content on it only for its talker and the secretary.
OFFICERS = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 403, "outsider": 404}
SECRETARY = {**OFFICERS, "committee": 403}


def a_talk(world):
    """A talk by the committee persona, so she may open its edit page too."""
    talk = TalkFactory(
        organisation=world.branch, talker=world.people["committee"], talked_with=world.people["member"]
    )
    return {"pk": talk.pk}


MATRIX = {
    "talks:list": Case(expect=OFFICERS, query=ORG_A),
    "talks:create": Case(expect=OFFICERS, query=ORG_A),
    "talks:settings": Case(expect=SECRETARY, query=ORG_A),
    "talks:talk": Case(expect=OFFICERS, kwargs=a_talk),
    "talks:edit": Case(expect=OFFICERS, kwargs=a_talk),
}
