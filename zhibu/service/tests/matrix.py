from datetime import date

from zhibu.core.testing import Case, officers

from .factories import (
    AssistancePairFactory,
    LiaisonFactory,
    ParticipationFactory,
    PartnerClassFactory,
    TutoringSeriesFactory,
    TutoringSessionFactory,
    VolunteerEventFactory,
    VolunteerGroupFactory,
)

ORG_A = "?org=yucai"
# The ledger is the officers'; the bureau sees figures only.
VIEW = officers(bureau=403)
EDIT = VIEW
# A member's own tutoring: hers, and the officers'.
OWN = {"secretary": 200, "committee": 200, "member": 200, "checker": 403, "bureau": 403, "outsider": 404}


def an_event(world):
    return {"pk": VolunteerEventFactory(organisation=world.branch).pk}


def a_participation(world):
    return {"pk": ParticipationFactory(event__organisation=world.branch, person=world.people["member"]).pk}


def a_group(world):
    return {"pk": VolunteerGroupFactory(organisation=world.branch, leader=world.people["committee"]).pk}


def her_session(world):
    return {"pk": TutoringSessionFactory(organisation=world.branch, tutor=world.people["member"]).pk}


def her_series(world):
    return {"pk": TutoringSeriesFactory(organisation=world.branch, tutor=world.people["member"]).pk}


def a_pair(world):
    return {"pk": AssistancePairFactory(organisation=world.branch, helper=world.people["secretary"]).pk}


def a_liaison(world):
    return {
        "pk": LiaisonFactory(
            organisation=world.branch, person=world.people["committee"], term_start=date(2023, 2, 1)
        ).pk
    }


def a_partner(world):
    return {"pk": PartnerClassFactory(organisation=world.branch).pk}


MATRIX = {
    "service:events": Case(expect=VIEW, query=ORG_A),
    "service:event_create": Case(expect=EDIT, query=ORG_A),
    "service:event": Case(expect=VIEW, kwargs=an_event),
    "service:event_edit": Case(expect=EDIT, kwargs=an_event),
    "service:participation_edit": Case(expect=EDIT, kwargs=a_participation),
    "service:group_create": Case(expect=EDIT, query=ORG_A),
    "service:group": Case(expect=VIEW, kwargs=a_group),
    "service:group_edit": Case(expect=EDIT, kwargs=a_group),
    "service:tutoring": Case(expect=VIEW, query=ORG_A),
    "service:tutoring_add": Case(expect=OWN, query=ORG_A),
    "service:tutoring_session": Case(expect=OWN, kwargs=her_session),
    "service:tutoring_edit": Case(expect=OWN, kwargs=her_session),
    "service:series_create": Case(expect=OWN, query=ORG_A),
    "service:series": Case(expect=OWN, kwargs=her_series),
    "service:series_extend": Case(expect=OWN, kwargs=her_series),
    "service:mine": Case(expect={**OWN, "outsider": 200}),
    "service:pairs": Case(expect=VIEW, query=ORG_A),
    "service:pair_create": Case(expect=EDIT, query=ORG_A),
    "service:pair": Case(expect=VIEW, kwargs=a_pair),
    "service:pair_edit": Case(expect=EDIT, kwargs=a_pair),
    "service:visit_create": Case(expect=EDIT, kwargs=a_pair),
    "service:liaisons": Case(expect=VIEW, query=ORG_A),
    "service:class_create": Case(expect=EDIT, query=ORG_A),
    "service:liaison_create": Case(expect=EDIT, query=ORG_A),
    "service:liaison": Case(expect=VIEW, kwargs=a_liaison),
    "service:liaison_edit": Case(expect=EDIT, kwargs=a_liaison),
    "service:contact_create": Case(expect=EDIT, kwargs=a_liaison),
    "service:partners": Case(expect=VIEW, query=ORG_A),
    "service:partner_create": Case(expect=EDIT, query=ORG_A),
    "service:partner": Case(expect=VIEW, kwargs=a_partner),
    "service:partner_edit": Case(expect=EDIT, kwargs=a_partner),
    "service:partner_session_create": Case(expect=EDIT, kwargs=a_partner),
    "service:export": Case(expect=VIEW, kwargs={"what": "tutoring"}, query=ORG_A),
}
