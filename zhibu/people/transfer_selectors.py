"""Reads of the transfers (组织关系转接) and 党籍 marks: the pages, the figures, the services' checks.
Membership on a day reads the same rows in people.selectors (members_on*)."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Q, QuerySet

from zhibu.core.models import Organisation, Person
from zhibu.core.selectors import get_permitted

from .models import Direction, StatusMark, Transfer


def transfer_with_letter(org: Organisation, direction: str, letter: str) -> Transfer | None:
    return (
        Transfer.objects.filter(organisation=org, direction=direction, letter_number=letter)
        .select_related("person")
        .first()
    )


def marks_overlapping(person: Person, kind: str, start: date, end: date | None) -> StatusMark | None:
    """A mark of the same kind on the person sharing at least one day with start..end."""
    qs = StatusMark.objects.filter(person=person, kind=kind).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )
    if end is not None:
        qs = qs.filter(started_on__lte=end)
    return qs.select_related("person").first()


def transfers_of(org: Organisation, start: date, end: date, direction: str = "") -> QuerySet[Transfer]:
    qs = Transfer.objects.filter(organisation__in=org.subtree(), transferred_on__range=(start, end))
    if direction:
        qs = qs.filter(direction=direction)
    return qs.select_related("person", "organisation").order_by("transferred_on", "pk")


def transfer_list(org: Organisation, *, text: str = "", direction: str = "") -> QuerySet[Transfer]:
    """The transfers page: org's subtree, newest first, matching a name, an organisation or a letter."""
    qs = Transfer.objects.filter(organisation__in=org.subtree()).select_related("person", "organisation")
    if direction in Direction.values:
        qs = qs.filter(direction=direction)
    text = text.strip()
    if text:
        qs = qs.filter(
            Q(person__name__icontains=text) | Q(other_name__icontains=text) | Q(letter_number__icontains=text)
        )
    return qs.order_by("-transferred_on", "-pk")


def transfer_get(user, pk: int, perm: str = "people.view") -> Transfer:
    return get_permitted(user, Transfer.objects.select_related("person", "organisation"), pk, perm)


def marks_on(org: Organisation, day: date, kind: str) -> QuerySet[StatusMark]:
    """The marks of `kind` running on `day` in org's subtree (one a person: marks never overlap)."""
    return (
        StatusMark.objects.filter(organisation__in=org.subtree(), kind=kind, started_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .select_related("person", "organisation")
        .order_by("started_on", "pk")
    )


def mark_list(org: Organisation) -> QuerySet[StatusMark]:
    """Running marks first, then ended ones, newest first."""
    return (
        StatusMark.objects.filter(organisation__in=org.subtree())
        .select_related("person", "organisation")
        .order_by(F("ended_on").desc(nulls_first=True), "-started_on", "-pk")
    )


def mark_get(user, pk: int, perm: str = "people.view") -> StatusMark:
    return get_permitted(user, StatusMark.objects.select_related("person", "organisation"), pk, perm)


def marks_of(person: Person) -> QuerySet[StatusMark]:
    return person.status_marks.order_by("-started_on", "-pk")


def transfers_of_person(person: Person) -> QuerySet[Transfer]:
    return person.transfers.order_by("transferred_on", "pk")


def transfer_partners(org: Organisation) -> QuerySet[Organisation]:
    """The branches in the system a member may be transferred to or from: those under the same
    superior, still open, by name (a letter to anywhere else is written by name)."""
    if org.parent_id is None:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(
            path__startswith=org.parent.path, kind=Organisation.Kind.BRANCH, closed_on=None
        )
        .exclude(pk=org.pk)
        .order_by("name")
    )
