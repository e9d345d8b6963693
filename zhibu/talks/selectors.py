"""Reads of the talks ledger. Views start from the user's scope (`talks_visible`, `talk_get`);
figures and rules start from an organisation (`talks_of`, `quota.judge`)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from zhibu.core import policy
from zhibu.core.lean import month_of
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import Talk, TalkSettings


def _talks(qs: QuerySet[Talk]) -> QuerySet[Talk]:
    return qs.select_related("talker", "talked_with", "organisation")


def talks_of(org: Organisation, start: date, end: date) -> QuerySet[Talk]:
    return _talks(Talk.objects.filter(organisation__in=org.subtree(), held_on__range=(start, end)))


def talks_visible(user) -> QuerySet[Talk]:
    orgs = policy.orgs_readable(user, "talks.view")
    return _talks(Talk.objects.filter(organisation__in=orgs)).order_by("-held_on", "-pk")


def talk_get(user, pk: int, perm: str = "talks.view") -> Talk:
    return get_permitted(user, _talks(Talk.objects.all()), pk, perm)


def talk_list(
    org: Organisation, period: Period, *, text: str = "", person: int | None = None
) -> QuerySet[Talk]:
    """The list page: the period's talks matching the text (topic, names) and the person (talker or
    talked with), newest first — paged in the database. The content is never searched: a match
    would tell a committee member what another's talk was about."""
    qs = talks_of(org, period.start, period.end)
    text = text.strip()
    if text:
        qs = qs.filter(
            Q(topic__icontains=text) | Q(talker__name__icontains=text) | Q(talked_with__name__icontains=text)
        )
    if person:
        qs = qs.filter(Q(talker_id=person) | Q(talked_with_id=person))
    return qs.order_by("-held_on", "-pk")


def people_choices(org: Organisation) -> QuerySet[Person]:
    """Whom a committee member may talk with: the branch's people on the roster, 按姓氏笔画."""
    return people_selectors.by_strokes(people_selectors.people_of(org).filter(left_on__isnull=True))


def committee_choices(org: Organisation, day: date) -> QuerySet[Person]:
    """The talkers a form offers: who held a post on org's committee in the year before `day`."""
    held = people_selectors.committee_during(org, date(day.year - 1, day.month, 1), day)
    return people_selectors.by_strokes(
        people_selectors.people_of(org).filter(pk__in=held.values("person_id"))
    )


def is_committee_member(org: Organisation, person: Person, day: date) -> bool:
    return people_selectors.committee_on(org, day).filter(person=person).exists()


def settings_for(org: Organisation) -> TalkSettings:
    """The branch's quota (an unsaved row with the default when the branch set none)."""
    return TalkSettings.objects.filter(organisation=org).first() or TalkSettings(organisation=org)


def settings_by_org(orgs) -> dict[int, TalkSettings]:
    """settings_for for many branches in one query."""
    stored = {s.organisation_id: s for s in TalkSettings.objects.filter(organisation__in=orgs)}
    return {o.pk: stored.get(o.pk) or TalkSettings(organisation=o) for o in orgs}


def counts_by_talker_month(org: Organisation, start: date, end: date) -> dict[tuple[int, date], int]:
    """{(talker id, first day of the month): talks} over org's subtree — one grouped query."""
    rows = (
        Talk.objects.filter(organisation__in=org.subtree(), held_on__range=(start, end))
        .annotate(month=month_of("held_on"))
        .order_by()
        .values("talker_id", "month")
        .annotate(n=Count("pk"))
        .values_list("talker_id", "month", "n")
    )
    return {(talker, month): n for talker, month, n in rows}
