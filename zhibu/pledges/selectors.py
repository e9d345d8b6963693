"""Reads of the pledges ledger. Views start from the user's scope (`*_get`, lists over a chosen
organisation the user may read); figures, rules, exporters and the disclosure drafts start from an
organisation (`*_of`). Every list is one query (the counts and the latest progress come with the
rows, never a query a row)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from zhibu.core.models import Organisation, Person
from zhibu.core.models.people import MEMBER_STATUSES
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import Duty, ItemClosing, ItemProgress, Pledge, PledgeItem


def _overlapping(qs: QuerySet, period: Period | None) -> QuerySet:
    """Pledges (or duties) in force at some day of the period."""
    if period is None:
        return qs
    return qs.filter(starts_on__lte=period.end).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=period.start))


# -- pledges -------------------------------------------------------------------------------------
def pledge_list(
    org: Organisation, *, text: str = "", person: int | None = None, period: Period | None = None
) -> QuerySet[Pledge]:
    qs = _overlapping(Pledge.objects.filter(organisation__in=org.subtree()), period)
    if text:
        qs = qs.filter(
            Q(title__icontains=text) | Q(person__name__icontains=text) | Q(items__content__icontains=text)
        )
    if person:
        qs = qs.filter(Q(person_id=person) | Q(items__responsible_id=person))
    ids = qs.values("pk")
    return (
        Pledge.objects.filter(pk__in=ids)
        .select_related("person", "organisation")
        .annotate(
            item_count=Count("items", distinct=True),
            closed_count=Count("items", filter=Q(items__closed_on__isnull=False), distinct=True),
        )
        .order_by("-starts_on", "scope", "person__name_strokes", "pk")
    )


def pledge_get(user, pk: int, perm: str = "pledges.view") -> Pledge:
    return get_permitted(user, Pledge.objects.select_related("person", "organisation"), pk, perm)


def items_of_pledge(pledge: Pledge) -> list[PledgeItem]:
    return list(pledge.items.select_related("responsible", "verifier").order_by("due_on", "pk"))


def item_get(user, pk: int, perm: str = "pledges.view") -> PledgeItem:
    qs = PledgeItem.objects.select_related(
        "pledge__person", "pledge__organisation", "organisation", "responsible", "verifier"
    )
    return get_permitted(user, qs, pk, perm)


def progress_of(item: PledgeItem) -> list[ItemProgress]:
    return list(item.progress.select_related("author").order_by("noted_on", "created_at", "pk"))


def closings_of(item: PledgeItem) -> list[ItemClosing]:
    return list(item.closings.select_related("verifier").order_by("created_at", "pk"))


def closing_get(user, pk: int, perm: str = "pledges.view") -> ItemClosing:
    return get_permitted(user, ItemClosing.objects.select_related("item__pledge", "organisation"), pk, perm)


def latest_progress() -> Subquery:
    return Subquery(
        ItemProgress.objects.filter(item=OuterRef("pk"))
        .order_by("-noted_on", "-created_at", "-pk")
        .values("text")[:1]
    )


def ledger_rows(org: Organisation, period: Period | None = None) -> QuerySet[PledgeItem]:
    """The 承诺台账: every item of the organisation's pledges (of the period) with its latest
    progress, in pledge order."""
    qs = PledgeItem.objects.filter(organisation__in=org.subtree())
    if period is not None:
        qs = qs.filter(pledge__in=_overlapping(Pledge.objects.all(), period))
    return (
        qs.select_related("pledge__person", "pledge__organisation", "responsible", "verifier")
        .annotate(latest=latest_progress())
        .order_by(
            "pledge__starts_on", "pledge__scope", "pledge__person__name_strokes", "pledge_id", "due_on", "pk"
        )
    )


# -- figures and rules -----------------------------------------------------------------------------
def pledges_made(org: Organisation, period: Period, *, scope: str = "") -> QuerySet[Pledge]:
    qs = Pledge.objects.filter(organisation__in=org.subtree(), starts_on__range=period.bounds)
    return (qs.filter(scope=scope) if scope else qs).select_related("person").order_by("starts_on", "pk")


def items_closed(org: Organisation, period: Period) -> QuerySet[PledgeItem]:
    return (
        PledgeItem.objects.filter(organisation__in=org.subtree(), closed_on__range=period.bounds)
        .select_related("pledge__person", "verifier")
        .order_by("closed_on", "pk")
    )


def items_judged(org: Organisation, period: Period, today: date | None = None) -> QuerySet[PledgeItem]:
    """Items due in the period whose deadline has passed or which are closed: those an on-time rate
    can judge (an open item due next week is neither on time nor late yet)."""
    today = today or timezone.localdate()
    return (
        PledgeItem.objects.filter(organisation__in=org.subtree(), due_on__range=period.bounds)
        .filter(Q(closed_on__isnull=False) | Q(due_on__lt=today))
        .select_related("pledge__person", "verifier")
        .order_by("due_on", "pk")
    )


def items_overdue(org: Organisation, period: Period, today: date | None = None) -> QuerySet[PledgeItem]:
    """Items due in the period, past their deadline today and not closed — one query whatever the
    subtree (the rule groups them by branch)."""
    today = today or timezone.localdate()
    return (
        PledgeItem.objects.filter(
            organisation__in=org.subtree(),
            due_on__range=period.bounds,
            due_on__lt=today,
            closed_on__isnull=True,
        )
        .select_related("pledge__person", "pledge__organisation", "responsible")
        .order_by("due_on", "pk")
    )


# -- duties ----------------------------------------------------------------------------------------
def duty_list(org: Organisation, *, text: str = "", period: Period | None = None) -> QuerySet[Duty]:
    qs = _overlapping(Duty.objects.filter(organisation__in=org.subtree()), period)
    if text:
        qs = qs.filter(Q(post__icontains=text) | Q(content__icontains=text) | Q(person__name__icontains=text))
    return qs.select_related("person", "organisation").order_by(
        "scope", "person__name_strokes", "-starts_on", "pk"
    )


def duty_get(user, pk: int, perm: str = "pledges.view") -> Duty:
    return get_permitted(user, Duty.objects.select_related("person", "organisation"), pk, perm)


def pledges_in_force(org: Organisation, period: Period) -> QuerySet[Pledge]:
    return (
        _overlapping(Pledge.objects.filter(organisation__in=org.subtree()), period)
        .select_related("person")
        .order_by("scope", "person__name_strokes", "pk")
    )


# -- people ------------------------------------------------------------------------------------------
def person_choices(org: Organisation) -> QuerySet[Person]:
    """The branch's members who have not left: who may pledge, carry a branch item, hold a duty."""
    return (
        people_selectors.people_of(org)
        .filter(party_status__in=MEMBER_STATUSES)
        .exclude(left_on__lt=timezone.localdate())
        .order_by("name_pinyin", "pk")
    )


def items_of_pledges(pledge_ids: list[int]) -> QuerySet[PledgeItem]:
    return PledgeItem.objects.filter(pledge_id__in=pledge_ids).order_by("pledge_id", "due_on", "pk")
