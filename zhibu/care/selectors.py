"""Reads of the care ledger. Views start from the user's scope (`*_visible`, `*_get`); figures and
rules start from an organisation (`*_of`). Totals are sums in the database, never in Python."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from zhibu.core import policy
from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.selectors import get_permitted
from zhibu.people import selectors as people_selectors

from .models import CareVisit, Donation, DonationDrive, RetireeCall

MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def money_sum(expr: str, **filters) -> Coalesce:
    """Sum of a money column as a Decimal with two places (0.00 when there are no rows)."""
    total = Sum(expr, filter=Q(**filters) if filters else None, output_field=MONEY_FIELD)
    return Coalesce(total, Value(ZERO), output_field=MONEY_FIELD)


def cents(value) -> Decimal:
    """A sum read back from the database, to the cent. SQLite sums decimals as floating point, so
    a total of 0.10 + 0.20 comes back as 0.300000000000; the cent is the unit of every amount."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


def money_total(qs: QuerySet, field: str) -> Decimal:
    return cents(qs.aggregate(v=money_sum(field))["v"])


# -- people ------------------------------------------------------------------------------------
def people_choices(org: Organisation) -> QuerySet[Person]:
    """The branch's people still on the roster (members and staff, retirees too), 按姓氏笔画."""
    return people_selectors.by_strokes(people_selectors.people_of(org).filter(left_on__isnull=True))


def retirees_of(org: Organisation, month: Period | None = None) -> QuerySet[Person]:
    """Retired staff of org's subtree the office calls: on the roster in `month` (not left before
    it began), 按姓氏笔画."""
    qs = people_selectors.people_of(org).filter(is_retired=True, is_staff_member=True)
    if month is not None:
        qs = qs.exclude(left_on__lt=month.start)
    return people_selectors.by_strokes(qs)


# -- visits ------------------------------------------------------------------------------------
def _visits(qs: QuerySet[CareVisit]) -> QuerySet[CareVisit]:
    return qs.select_related("person", "organisation")


def visits_of(org: Organisation, start: date, end: date) -> QuerySet[CareVisit]:
    return _visits(CareVisit.objects.filter(organisation__in=org.subtree(), visited_on__range=(start, end)))


def visits_visible(user) -> QuerySet[CareVisit]:
    orgs = policy.orgs_readable(user, "care.view")
    return _visits(CareVisit.objects.filter(organisation__in=orgs)).order_by("-visited_on", "-pk")


def visit_get(user, pk: int, perm: str = "care.view") -> CareVisit:
    return get_permitted(user, _visits(CareVisit.objects.all()), pk, perm)


def visit_list(
    org: Organisation, period: Period, *, text: str = "", person: int | None = None, category: str = ""
) -> QuerySet[CareVisit]:
    """The visits page: the period's visits, matching the text (who was visited, what was given,
    who went) and the person (visited or visiting), newest first — paged in the database."""
    qs = visits_of(org, period.start, period.end)
    text = text.strip()
    if text:
        qs = qs.filter(
            Q(visited_name__icontains=text)
            | Q(person__name__icontains=text)
            | Q(goods__icontains=text)
            | Q(other_visitors__icontains=text)
            | Q(visitors__name__icontains=text)
        ).distinct()
    if person:
        qs = qs.filter(Q(person_id=person) | Q(visitors__pk=person)).distinct()
    if category:
        qs = qs.filter(category=category)
    return qs.order_by("-visited_on", "-pk")


def visit_visitors(visit: CareVisit) -> list[Person]:
    return list(people_selectors.by_strokes(visit.visitors.all()))


def yearly_min_person_times(visits: QuerySet[CareVisit], period: Period) -> int:
    """The fewest 人次 of any school year (September to August) the period touches — one grouped
    query by calendar month. A school year with no visit counts as 0."""
    rows = (
        visits.order_by()
        .values("visited_on__year", "visited_on__month")
        .annotate(n=Sum("headcount"))
        .values_list("visited_on__year", "visited_on__month", "n")
    )
    by_year: dict[int, int] = {}
    for year, month, n in rows:
        school_year = year if month >= 9 else year - 1
        by_year[school_year] = by_year.get(school_year, 0) + (n or 0)
    first = period.start.year if period.start.month >= 9 else period.start.year - 1
    last = period.end.year if period.end.month >= 9 else period.end.year - 1
    return min(by_year.get(y, 0) for y in range(first, last + 1))


# -- retiree calls -----------------------------------------------------------------------------
def _calls(qs: QuerySet[RetireeCall]) -> QuerySet[RetireeCall]:
    return qs.select_related("retiree", "caller", "organisation")


def calls_of(org: Organisation, start: date, end: date) -> QuerySet[RetireeCall]:
    return _calls(RetireeCall.objects.filter(organisation__in=org.subtree(), month__range=(start, end)))


def call_get(user, pk: int, perm: str = "care.calls") -> RetireeCall:
    return get_permitted(user, _calls(RetireeCall.objects.all()), pk, perm)


def calls_visible(user) -> QuerySet[RetireeCall]:
    orgs = policy.orgs_readable(user, "care.calls")
    return _calls(RetireeCall.objects.filter(organisation__in=orgs)).order_by("-called_on", "-pk")


def call_list(org: Organisation, period: Period, *, text: str = "", person: int | None = None):
    qs = calls_of(org, period.start, period.end)
    text = text.strip()
    if text:
        qs = qs.filter(Q(retiree__name__icontains=text) | Q(raised__icontains=text))
    if person:
        qs = qs.filter(Q(retiree_id=person) | Q(caller_id=person))
    return qs.order_by("-month", "retiree__name_strokes", "pk")


def calls_in_month(org: Organisation, month: Period) -> dict[int, RetireeCall]:
    """{retiree id: the month's call} for the checklist — one query."""
    return {c.retiree_id: c for c in calls_of(org, month.start, month.start)}


def called_months(org: Organisation, start: date, end: date) -> set[tuple[int, date]]:
    """(retiree id, month) of every call in org's subtree between the months — one query."""
    rows = (
        RetireeCall.objects.filter(organisation__in=org.subtree(), month__range=(start, end))
        .order_by()
        .values_list("retiree_id", "month")
        .distinct()
    )
    return set(rows)


# -- donations ---------------------------------------------------------------------------------
def with_totals(qs: QuerySet[DonationDrive]) -> QuerySet[DonationDrive]:
    """Each drive's money raised: in all, the branch's own (members and staff on the roster), and
    raised outside — summed in the database."""
    return qs.annotate(
        total=money_sum("gifts__amount"),
        own=money_sum("gifts__amount", gifts__donor__isnull=False),
        outside=money_sum("gifts__amount", gifts__donor__isnull=True),
        gift_count=Count("gifts"),
    )


def drives_of(org: Organisation) -> QuerySet[DonationDrive]:
    return DonationDrive.objects.filter(organisation__in=org.subtree()).select_related("organisation")


def drive_get(user, pk: int, perm: str = "care.donations.view") -> DonationDrive:
    return get_permitted(user, with_totals(drives_of_scope()), pk, perm)


def drives_of_scope() -> QuerySet[DonationDrive]:
    return DonationDrive.objects.select_related("organisation")


def drives_visible(user) -> QuerySet[DonationDrive]:
    orgs = policy.orgs_readable(user, "care.donations.view")
    return DonationDrive.objects.filter(organisation__in=orgs).order_by("-started_on", "-pk")


def drive_list(org: Organisation, period: Period, *, text: str = "", person: int | None = None):
    """Drives that began in the period (or still open in it), with their totals, newest first."""
    qs = (
        drives_of(org)
        .filter(started_on__lte=period.end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=period.start))
    )
    text = text.strip()
    if text:
        qs = qs.filter(Q(purpose__icontains=text) | Q(beneficiary__icontains=text))
    if person:
        qs = qs.filter(Q(gifts__donor_id=person) | Q(gifts__appeal_by_id=person)).distinct()
    return with_totals(qs).order_by("-started_on", "-pk")


def gifts_of_drive(drive: DonationDrive) -> QuerySet[Donation]:
    return drive.gifts.select_related("donor", "appeal_by").order_by("given_on", "pk")


def gift_get(user, pk: int, perm: str = "care.view") -> Donation:
    return get_permitted(user, Donation.objects.select_related("drive", "donor", "appeal_by"), pk, perm)


def donations_of(org: Organisation, start: date, end: date) -> QuerySet[Donation]:
    return Donation.objects.filter(
        organisation__in=org.subtree(), given_on__range=(start, end)
    ).select_related("donor", "appeal_by", "drive")


def donations_visible(user) -> QuerySet[Donation]:
    orgs = policy.orgs_readable(user, "care.view")
    return Donation.objects.filter(organisation__in=orgs).select_related("drive", "donor")
