"""The service ledger in the search box, from the same permissions as its pages: events, pairs and
partner classes for the officers who keep the ledger (service.view); tutoring sessions also for the
member who gave them (service.own on her own rows)."""

from django.utils.translation import gettext_lazy as _

from zhibu.core.registries import search

from .models import AssistancePair, PartnerClass, TutoringSession, VolunteerEvent

LABEL = _("服务")


def _text(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


@search.register("service.events", model=VolunteerEvent, label=LABEL, perm="service.view", order=40)
def event_document(event: VolunteerEvent) -> search.Doc:
    return search.Doc(
        title=str(event), text=_text(event.place, event.campaign, event.note), day=event.held_on
    )


@search.register(
    "service.tutoring",
    model=TutoringSession,
    label=LABEL,
    perm="service.view",
    own_perm="service.own",
    rows=lambda: TutoringSession.objects.select_related("tutor"),
    order=41,
)
def tutoring_document(session: TutoringSession) -> search.Doc:
    return search.Doc(
        title=str(session), text=session.note, day=session.held_on, owner_person_id=session.tutor_id
    )


@search.register(
    "service.pairs",
    model=AssistancePair,
    label=LABEL,
    perm="service.view",
    rows=lambda: AssistancePair.objects.select_related("helper"),
    order=42,
)
def pair_document(pair: AssistancePair) -> search.Doc:
    return search.Doc(title=str(pair), text=pair.hardship, day=pair.started_on)


@search.register("service.partners", model=PartnerClass, label=LABEL, perm="service.view", order=43)
def partner_document(partner: PartnerClass) -> search.Doc:
    return search.Doc(
        title=f"{partner.name}（{partner.partner_school}）", text=partner.note, day=partner.opened_on
    )
