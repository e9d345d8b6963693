"""Reads of the voice ledger. Views start from the user's scope (`*_get`, `chosen_organisation`);
figures and rules start from an organisation (`*_of`)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, Q, QuerySet

from zhibu.core import policy
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.meetings import selectors as meetings_selectors
from zhibu.people import selectors as people_selectors

from .models import ADOPTED, Answer, Consultation, Suggestion, VoiceSettings


# -- settings ----------------------------------------------------------------------------------
def settings_for(org: Organisation) -> VoiceSettings:
    return VoiceSettings.objects.filter(organisation=org).first() or VoiceSettings(organisation=org)


# -- people and meetings -----------------------------------------------------------------------
def people_choices(org: Organisation) -> QuerySet[Person]:
    return people_selectors.by_strokes(people_selectors.people_of(org).filter(left_on__isnull=True))


def members_choices(org: Organisation, day: date) -> QuerySet[Person]:
    """Whom a consultation asks: the branch's members (预备 + 正式) on `day`, 按姓氏笔画."""
    return people_selectors.by_strokes(people_selectors.members_on(org, day))


def meeting_choices(org: Organisation):
    return meetings_selectors.meetings_of(org)


def meeting_day(meeting) -> date:
    return meetings_selectors.local_day(meeting.held_at)


# -- consultations -----------------------------------------------------------------------------
def consultations_of(org: Organisation) -> QuerySet[Consultation]:
    return Consultation.objects.filter(organisation__in=org.subtree()).select_related("organisation")


def consultation_choices(org: Organisation) -> QuerySet[Consultation]:
    """The branch's own consultations, newest first (a suggestion's source)."""
    return Consultation.objects.filter(organisation=org).order_by("-opens_on", "-pk")


def consultation_get(user, pk: int, perm: str = "voice.view") -> Consultation:
    return get_permitted(user, Consultation.objects.select_related("organisation"), pk, perm)


def consultation_list(org: Organisation, period: Period, *, text: str = "") -> QuerySet[Consultation]:
    """Consultations open on some day of the period, with their counts, newest first."""
    qs = consultations_of(org).filter(opens_on__lte=period.end, closes_on__gte=period.start)
    text = text.strip()
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(question__icontains=text))
    return qs.annotate(
        asked_count=Count("asked", distinct=True), answer_count=Count("answers", distinct=True)
    ).order_by("-opens_on", "-pk")


def asked_of_qs(consultation: Consultation) -> QuerySet[Person]:
    return people_selectors.by_strokes(consultation.asked.all())


def asked_of(consultation: Consultation) -> list[Person]:
    return list(asked_of_qs(consultation))


def answers_of(consultation: Consultation) -> QuerySet[Answer]:
    return consultation.answers.select_related("person", "meeting", "entered_by").order_by(
        "answered_on", "pk"
    )


def answer_of(consultation: Consultation, person_id: int | None) -> Answer | None:
    if person_id is None:
        return None
    return consultation.answers.filter(person_id=person_id).first()


def answers_in(org: Organisation, start: date, end: date) -> QuerySet[Answer]:
    return Answer.objects.filter(organisation__in=org.subtree(), answered_on__range=(start, end))


# -- suggestions -------------------------------------------------------------------------------
def _suggestions(qs: QuerySet[Suggestion]) -> QuerySet[Suggestion]:
    return qs.select_related("author", "responder", "consultation", "meeting", "organisation")


def suggestions_of(org: Organisation, start: date, end: date) -> QuerySet[Suggestion]:
    return _suggestions(
        Suggestion.objects.filter(organisation__in=org.subtree(), received_on__range=(start, end))
    )


def suggestion_get(user, pk: int, perm: str = "voice.edit") -> Suggestion:
    return get_permitted(user, _suggestions(Suggestion.objects.all()), pk, perm)


def suggestions_visible(user) -> QuerySet[Suggestion]:
    orgs = policy.orgs_readable(user, "voice.edit")
    return _suggestions(Suggestion.objects.filter(organisation__in=orgs)).order_by("-received_on", "-pk")


def suggestion_list(
    org: Organisation, period: Period, *, text: str = "", status: str = ""
) -> QuerySet[Suggestion]:
    qs = suggestions_of(org, period.start, period.end)
    text = text.strip()
    if text:
        qs = qs.filter(
            Q(topic__icontains=text) | Q(content__icontains=text) | Q(author__name__icontains=text)
        )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-received_on", "-pk")


def adopted(qs: QuerySet[Suggestion]) -> QuerySet[Suggestion]:
    return qs.filter(status__in=ADOPTED)


def answered_in_time(qs: QuerySet[Suggestion]) -> QuerySet[Suggestion]:
    return qs.filter(answered_on__isnull=False, answered_on__lte=F("due_on"))


def late(org: Organisation, start: date, end: date, today: date) -> QuerySet[Suggestion]:
    """Suggestions whose deadline fell in start..end and has passed (before today) without an
    answer by it: unanswered, or answered late — one query over the subtree."""
    return _suggestions(
        Suggestion.objects.filter(
            organisation__in=org.subtree(), due_on__range=(start, end), due_on__lt=today
        )
    ).filter(Q(answered_on__isnull=True) | Q(answered_on__gt=F("due_on")))
