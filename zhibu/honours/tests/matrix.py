from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from zhibu.core.testing import Case

from .factories import CompetitionRoundFactory, HonourFactory, ParticipantFactory
from .helpers import PNG

ORG_A = "?org=yucai"
# Members read their branch's honours and rounds; the checker and the bureau do not (the bureau
# gets the figures); another branch's secretary finds nothing of branch A.
VIEW = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 403, "outsider": 404}
EDIT = {**VIEW, "member": 403}


def an_honour(world):
    return {"pk": HonourFactory(organisation=world.branch, person=world.people["member"]).pk}


def an_honour_with_certificate(world):
    name = "honours/matrix-certificate.png"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(PNG))
    h = HonourFactory(
        organisation=world.branch,
        person=world.people["member"],
        attachment=name,
        attachment_type="image/png",
        attachment_name="证书.png",
    )
    return {"pk": h.pk}


def a_round(world):
    return {"pk": CompetitionRoundFactory(organisation=world.branch).pk}


def a_participant(world):
    return {
        "pk": ParticipantFactory(
            round=CompetitionRoundFactory(organisation=world.branch), person=world.people["member"]
        ).pk
    }


MATRIX = {
    "honours:index": Case(expect=VIEW, query=ORG_A),
    "honours:honour_create": Case(expect=EDIT, query=ORG_A),
    "honours:export": Case(expect=VIEW, query=ORG_A),
    "honours:honour": Case(expect=VIEW, kwargs=an_honour),
    "honours:honour_edit": Case(expect=EDIT, kwargs=an_honour),
    "honours:attachment": Case(expect=VIEW, kwargs=an_honour_with_certificate),
    "honours:rounds": Case(expect=VIEW, query=ORG_A),
    "honours:round_create": Case(expect=EDIT, query=ORG_A),
    "honours:round": Case(expect=VIEW, kwargs=a_round),
    "honours:round_edit": Case(expect=EDIT, kwargs=a_round),
    "honours:participant_edit": Case(expect=EDIT, kwargs=a_participant),
}
