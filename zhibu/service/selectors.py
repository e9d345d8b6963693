"""Reads of the service ledger. Pages start from the user's scope (`*_get` through
`get_permitted`); figures, rules and lists start from an organisation's subtree."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_in_scope, get_permitted
from zhibu.people import selectors as people_selectors

from .models import (
    CIVIC,
    AssistancePair,
    AssistanceVisit,
    Liaison,
    LiaisonClass,
    LiaisonContact,
    Participation,
    PartnerClass,
    PartnerSession,
    TutoringSeries,
    TutoringSession,
    VolunteerEvent,
    VolunteerGroup,
)


def _in(model, org: Organisation) -> QuerySet:
    return model.objects.filter(organisation__in=org.subtree())


# -- people pickers ------------------------------------------------------------------------------
def people_choices(org: Organisation) -> QuerySet[Person]:
    """Everyone of the branch still here — members and non-member staff — for pickers."""
    today = timezone.localdate()
    return people_selectors.people_of(org).exclude(left_on__lt=today).order_by("name_pinyin", "pk")


def committee_choices(org: Organisation) -> QuerySet[Person]:
    ids = people_selectors.committee_during(org, date(1900, 1, 1), date(9999, 12, 31)).values("person_id")
    return people_choices(org).filter(pk__in=ids)


def person_filter(org: Organisation, pk) -> Person | None:
    """?person= on a list: someone of the branch, else no filter."""
    try:
        return people_choices(org).filter(pk=int(pk)).first() if pk else None
    except (TypeError, ValueError):
        return None


# -- volunteering ----------------------------------------------------------------------------------
def events_of(org: Organisation, start: date, end: date) -> QuerySet[VolunteerEvent]:
    return _in(VolunteerEvent, org).filter(held_on__range=(start, end)).order_by("held_on", "pk")


def participations_of(org: Organisation, start: date, end: date) -> QuerySet[Participation]:
    qs = _in(Participation, org).filter(event__held_on__range=(start, end))
    return qs.select_related("event", "person").order_by("event__held_on", "event_id", "pk")


def event_list(org: Organisation, period: Period, person: Person | None = None, kind: str = "") -> QuerySet:
    qs = events_of(org, period.start, period.end).select_related("group")
    if person is not None:
        qs = qs.filter(participants__person=person)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.annotate(people=Count("participants"), total_hours=Sum("participants__hours")).order_by(
        "-held_on", "-pk"
    )


def event_get(user, pk: int, perm: str = "service.view") -> VolunteerEvent:
    return get_permitted(user, VolunteerEvent.objects.select_related("organisation", "group"), pk, perm)


def participants_of(event: VolunteerEvent) -> list[Participation]:
    return list(event.participants.select_related("person").order_by("person__name_pinyin", "pk"))


def participant_ids(event: VolunteerEvent) -> list[int]:
    return list(event.participants.values_list("person_id", flat=True))


def participation_get(user, pk: int) -> Participation:
    return get_permitted(user, Participation.objects.select_related("event", "person"), pk, "service.edit")


def groups_of(org: Organisation) -> QuerySet[VolunteerGroup]:
    return _in(VolunteerGroup, org).select_related("leader").order_by("pk")


def group_get(user, pk: int, perm: str = "service.view") -> VolunteerGroup:
    return get_permitted(user, VolunteerGroup.objects.select_related("leader", "organisation"), pk, perm)


def group_events(group: VolunteerGroup) -> QuerySet[VolunteerEvent]:
    return group.events.order_by("-held_on", "-pk")


# -- tutoring ----------------------------------------------------------------------------------------
def tutoring_of(org: Organisation, start: date, end: date) -> QuerySet[TutoringSession]:
    return (
        _in(TutoringSession, org)
        .filter(held_on__range=(start, end))
        .select_related("tutor")
        .order_by("held_on", "pk")
    )


def tutoring_list(
    org: Organisation, period: Period, person: Person | None = None
) -> QuerySet[TutoringSession]:
    qs = tutoring_of(org, period.start, period.end)
    return (qs.filter(tutor=person) if person is not None else qs).order_by("-held_on", "-pk")


def tutoring_counts(qs: QuerySet[TutoringSession]) -> dict:
    return qs.aggregate(n=Count("pk"), minutes=Sum("minutes"), students=Sum("students"))


def _own_or(user, obj, perm: str = "service.view"):
    """A row the user may read: officers every row, a member her own (service.own)."""
    if not (policy.has_perm(user, perm, obj) or policy.has_perm(user, "service.own", obj)):
        policy.require(user, perm, obj)  # the 403 names the officers' permission
    return obj


def tutoring_get(user, pk: int, edit: bool = False) -> TutoringSession:
    row = get_in_scope(user, TutoringSession.objects.select_related("tutor", "organisation", "series"), pk)
    return _own_or(user, row, "service.edit" if edit else "service.view")


def series_get(user, pk: int, edit: bool = False) -> TutoringSeries:
    row = get_in_scope(user, TutoringSeries.objects.select_related("tutor", "organisation"), pk)
    return _own_or(user, row, "service.edit" if edit else "service.view")


def series_sessions(series: TutoringSeries) -> QuerySet[TutoringSession]:
    return series.sessions.order_by("held_on", "pk")


def tutoring_mine(person: Person | None, period: Period) -> QuerySet[TutoringSession]:
    if person is None:
        return TutoringSession.objects.none()
    return TutoringSession.objects.filter(tutor=person, held_on__range=(period.start, period.end)).order_by(
        "-held_on", "-pk"
    )


def series_mine(person: Person | None) -> QuerySet[TutoringSeries]:
    if person is None:
        return TutoringSeries.objects.none()
    return TutoringSeries.objects.filter(tutor=person).order_by("-starts_on", "-pk")


def events_mine(person: Person | None, period: Period) -> QuerySet[Participation]:
    if person is None:
        return Participation.objects.none()
    qs = Participation.objects.filter(person=person, event__held_on__range=(period.start, period.end))
    return qs.select_related("event").order_by("-event__held_on", "-pk")


# -- assistance ----------------------------------------------------------------------------------------
def pairs_of(org: Organisation, start: date, end: date) -> QuerySet[AssistancePair]:
    """Pairs active at some time in start..end."""
    qs = (
        _in(AssistancePair, org)
        .filter(started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    )
    return qs.select_related("helper").order_by("started_on", "pk")


def pair_list(org: Organisation, period: Period, person: Person | None = None) -> QuerySet[AssistancePair]:
    qs = pairs_of(org, period.start, period.end)
    qs = qs.filter(helper=person) if person is not None else qs
    visits = Q(visits__visited_on__range=(period.start, period.end))
    return qs.annotate(n_visits=Count("visits", filter=visits), money=Sum("visits__money", filter=visits))


def pair_get(user, pk: int, perm: str = "service.view") -> AssistancePair:
    return get_permitted(user, AssistancePair.objects.select_related("helper", "organisation"), pk, perm)


def visits_of(org: Organisation, start: date, end: date) -> QuerySet[AssistanceVisit]:
    qs = _in(AssistanceVisit, org).filter(visited_on__range=(start, end))
    return qs.select_related("pair", "pair__helper").order_by("visited_on", "pk")


def pair_visits(pair: AssistancePair) -> QuerySet[AssistanceVisit]:
    return pair.visits.order_by("-visited_on", "-pk")


# -- class liaison -----------------------------------------------------------------------------------------
def classes_of(org: Organisation) -> QuerySet[LiaisonClass]:
    return _in(LiaisonClass, org).filter(active=True).order_by("name", "pk")


def liaisons_of(org: Organisation, start: date, end: date) -> QuerySet[Liaison]:
    """Liaisons of the terms that begin within start..end."""
    qs = _in(Liaison, org).filter(term_start__range=(start, end))
    return qs.select_related("person", "school_class").order_by("term_start", "school_class__name", "pk")


def liaison_list(org: Organisation, period: Period, person: Person | None = None) -> QuerySet[Liaison]:
    qs = _in(Liaison, org).filter(term_start__lte=period.end, term_start__gte=period.start.replace(day=1))
    qs = qs.filter(person=person) if person is not None else qs
    return (
        qs.select_related("person", "school_class")
        .annotate(n_contacts=Count("contacts"))
        .order_by("-term_start", "school_class__name")
    )


def liaison_get(user, pk: int, perm: str = "service.view") -> Liaison:
    return get_permitted(
        user, Liaison.objects.select_related("person", "school_class", "organisation"), pk, perm
    )


def contacts_of(org: Organisation, start: date, end: date) -> QuerySet[LiaisonContact]:
    qs = _in(LiaisonContact, org).filter(contacted_on__range=(start, end))
    return qs.select_related("liaison__person", "liaison__school_class").order_by("contacted_on", "pk")


def liaison_contacts(liaison: Liaison) -> QuerySet[LiaisonContact]:
    return liaison.contacts.order_by("-contacted_on", "-pk")


# -- partner classes -------------------------------------------------------------------------------------
def partners_of(org: Organisation, start: date, end: date) -> QuerySet[PartnerClass]:
    return _in(PartnerClass, org).filter(opened_on__range=(start, end)).order_by("opened_on", "pk")


def partner_list(org: Organisation) -> QuerySet[PartnerClass]:
    return _in(PartnerClass, org).annotate(n_sessions=Count("sessions")).order_by("-opened_on", "-pk")


def partner_get(user, pk: int, perm: str = "service.view") -> PartnerClass:
    return get_permitted(user, PartnerClass.objects.select_related("organisation"), pk, perm)


def partner_sessions_of(org: Organisation, start: date, end: date) -> QuerySet[PartnerSession]:
    qs = _in(PartnerSession, org).filter(held_on__range=(start, end))
    return qs.select_related("partner").order_by("held_on", "pk")


def partner_sessions(partner: PartnerClass) -> QuerySet[PartnerSession]:
    return partner.sessions.order_by("-held_on", "-pk")


def last_tutoring(person: Person | None) -> TutoringSession | None:
    """Her latest session: the quick-add starts from its subject, group size and minutes."""
    if person is None:
        return None
    return TutoringSession.objects.filter(tutor=person).order_by("-held_on", "-pk").first()


# -- what the sections name ------------------------------------------------------------------------------
def kinds_held(org: Organisation, start: date, end: date, kinds) -> set[str]:
    return set(events_of(org, start, end).filter(kind__in=kinds).values_list("kind", flat=True).distinct())


def groups_active(org: Organisation, start: date, end: date) -> QuerySet[VolunteerGroup]:
    ids = events_of(org, start, end).filter(group__isnull=False).values("group_id")
    return groups_of(org).filter(pk__in=ids)


def group_titles(group: VolunteerGroup, start: date, end: date, limit: int = 5) -> list[str]:
    rows = group.events.filter(held_on__range=(start, end)).order_by("held_on", "pk")
    return list(rows.values_list("title", flat=True)[:limit])


def campaign_of(org: Organisation, start: date, end: date) -> str:
    """The theme the civic clean-ups ran under (文明使者在行动), the latest named."""
    qs = events_of(org, start, end).filter(kind__in=CIVIC).exclude(campaign="").order_by("-held_on")
    return qs.values_list("campaign", flat=True).first() or ""
