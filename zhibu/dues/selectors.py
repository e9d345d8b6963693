"""Reads of the dues ledger. Views start from the user's scope (`*_get`, `*_visible`); figures and
rules from an organisation (`*_of`). Sums are taken in the database and read back to the fen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from zhibu.core import policy
from zhibu.core.models import Organisation, Person
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import DuesBand, DuesBase, DuesPayment, PaymentKind

MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)


def cents(value) -> Decimal:
    """A sum read back from the database, to the fen (SQLite sums decimals as floating point)."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


def money_total(qs: QuerySet, field: str = "amount") -> Decimal:
    total = Coalesce(Sum(field, output_field=MONEY_FIELD), Value(Decimal("0.00")), output_field=MONEY_FIELD)
    return cents(qs.aggregate(v=total)["v"])


# -- people --------------------------------------------------------------------------------------
def member_choices(org: Organisation, day: date) -> QuerySet[Person]:
    """Who a base or a payment may be entered for: the branch's members on `day`, 按姓氏笔画."""
    return people_selectors.by_strokes(people_selectors.members_on(org, day))


def person_get(user, pk: int, perm: str = "dues.view") -> Person:
    return people_selectors.person_get(user, pk, perm)


def people_in(org: Organisation, ids) -> QuerySet[Person]:
    return people_selectors.by_strokes(people_selectors.people_of(org).filter(pk__in=list(ids)))


def of_branch(org: Organisation, person: Person) -> bool:
    return people_selectors.people_of(org).filter(pk=person.pk).exists()


# -- bands ---------------------------------------------------------------------------------------
def bands() -> QuerySet[DuesBand]:
    return DuesBand.objects.all()


def band_days() -> list[date]:
    return list(
        DuesBand.objects.order_by("effective_from").values_list("effective_from", flat=True).distinct()
    )


# -- bases ---------------------------------------------------------------------------------------
def bases_of_person(person: Person) -> QuerySet[DuesBase]:
    return DuesBase.objects.filter(person=person).order_by("-effective_from")


def base_get(user, pk: int, perm: str = "dues.view") -> DuesBase:
    return get_permitted(user, DuesBase.objects.select_related("person", "organisation"), pk, perm)


def base_exists(person: Person, month: date) -> bool:
    return DuesBase.objects.filter(person=person, effective_from=month).exists()


# -- payments ------------------------------------------------------------------------------------
def _payments(qs: QuerySet[DuesPayment]) -> QuerySet[DuesPayment]:
    return qs.select_related("person", "organisation")


def payments_of(org: Organisation, start: date, end: date, kind: str | None = None) -> QuerySet[DuesPayment]:
    qs = _payments(DuesPayment.objects.filter(organisation__in=org.subtree(), paid_on__range=(start, end)))
    return qs.filter(kind=kind) if kind else qs


def payments_of_person(person: Person) -> QuerySet[DuesPayment]:
    return (
        _payments(DuesPayment.objects.filter(person=person))
        .prefetch_related("months")
        .order_by("-paid_on", "-pk")
    )


def payment_list(org: Organisation, start: date, end: date, *, text: str = "") -> QuerySet[DuesPayment]:
    qs = payments_of(org, start, end).prefetch_related("months")
    text = text.strip()
    if text:
        qs = qs.filter(Q(person__name__icontains=text) | Q(note__icontains=text))
    return qs.order_by("-paid_on", "-pk")


def payment_get(user, pk: int, perm: str = "dues.view") -> DuesPayment:
    return get_permitted(user, _payments(DuesPayment.objects.prefetch_related("months")), pk, perm)


def payments_visible(user) -> QuerySet[DuesPayment]:
    return _payments(DuesPayment.objects.filter(organisation__in=policy.orgs_readable(user, "dues.view")))


def regular(qs: QuerySet[DuesPayment]) -> QuerySet[DuesPayment]:
    return qs.filter(kind=PaymentKind.REGULAR)


def voluntary_by_person(org: Organisation, start: date, end: date) -> dict[int, Decimal]:
    """{person id: her voluntary extra dues in start..end} — one grouped query."""
    rows = (
        payments_of(org, start, end, PaymentKind.VOLUNTARY)
        .order_by()
        .values("person_id")
        .annotate(total=Sum("amount", output_field=MONEY_FIELD))
        .values_list("person_id", "total")
    )
    return {person_id: cents(total) for person_id, total in rows}
