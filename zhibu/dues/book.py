"""The dues book: for every member of a subtree and every month from the first base on file, what
the month owes and whether it is paid — the one computation behind the branch page, 我的党费, the
bulk entry, the payment checks, the ledger export, the figures and the arrears rule.

A month is due from a member when she is a member (预备 or 正式, by the dated status history
people.selectors keeps) on the month's last day and a base covers it (her newest base starting in
or before the month); before her first base nothing is due, so a branch starting to keep dues in
zhibu does not inherit twenty years of "arrears". Arrears are the due months not paid, up to the
last month that has ended.

Six queries whatever the size of the subtree: the bands, the bases, the people, their organisations
and their status history (people.selectors.members_on_days), the paid months.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from zhibu.core import memo
from zhibu.core.models import Organisation, Person
from zhibu.people import selectors as people_selectors

from . import calc
from .models import DuesBand, DuesBase, DuesPaymentMonth

ZERO = Decimal("0.00")


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def last_ended(day: date, today: date | None = None) -> date | None:
    """The first day of the last month that ended on or before `day` and before today."""
    today = today or timezone.localdate()
    limit = min(day, today - timedelta(days=1))
    month = calc.month_start(limit)
    return month if month_end(month) <= limit else calc.add_months(month, -1)


def through(day: date) -> date:
    """The last day a book for a period ending `day` runs to: that day, or this month's first if
    sooner. Figures and rules of one period build the same book — the arrears to the last month
    ended read its months up to the cutoff and no further — so a unit of work builds it once."""
    return min(day, calc.month_start(timezone.localdate()))


def band_book() -> calc.BandBook:
    rows = DuesBand.objects.values_list("effective_from", "category", "up_to", "rate", "fixed")
    return calc.BandBook(calc.Band(*row) for row in rows)


@dataclass(slots=True)
class Month:
    month: date
    due: Decimal | None = None  # None: not due (not a member on its last day, or no base yet)
    paid: Decimal | None = None  # the due recorded as paid; None: unpaid
    payment_id: int | None = None
    base: Decimal | None = None
    no_income: bool = False

    @property
    def label(self) -> str:
        return calc.month_label(self.month)

    @property
    def unpaid(self) -> bool:
        return self.due is not None and self.paid is None


@dataclass
class MemberDues:
    person: Person
    months: list[Month] = field(default_factory=list)
    cutoff: date | None = None  # arrears are judged up to this month
    has_base: bool = False

    def month(self, month: date) -> Month | None:
        for m in self.months:
            if m.month == month:
                return m
        return None

    @property
    def arrears(self) -> list[Month]:
        if self.cutoff is None:
            return []
        return [m for m in self.months if m.unpaid and m.month <= self.cutoff]

    @property
    def arrears_amount(self) -> Decimal:
        return sum((m.due for m in self.arrears), ZERO)

    @property
    def latest(self) -> Month | None:
        """The newest month with a base (what the member's base and due are now)."""
        return next((m for m in reversed(self.months) if m.base is not None), None)

    def unpaid_runs(self) -> list[list[Month]]:
        """Runs of consecutive months due and unpaid up to the cutoff; a month not due (not a member
        then) ends a run, as a paid one does."""
        runs: list[list[Month]] = []
        current: list[Month] = []
        for m in self.months:
            if self.cutoff is not None and m.month > self.cutoff:
                break
            if m.unpaid:
                current.append(m)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        return runs


def build(
    org: Organisation,
    until: date,
    *,
    people: QuerySet[Person] | None = None,
    cutoff: date | None = None,
    first: date | None = None,
) -> list[MemberDues]:
    """Every member of org's subtree (or of `people`) who was a member on the last day of some month
    from the first base on file (or `first`) to `until`'s month, with each month, 按姓氏笔画.
    `cutoff`: the last month arrears count (default: the last month ended by `until`).
    Shared within a unit of work (core/memo.py): three dues figures and a rule read one book."""
    last = calc.month_start(until)
    cutoff = cutoff if cutoff is not None else last_ended(month_end(last))
    if people is None:
        return _whole_book(org, last, cutoff, first)
    return _book(org, people, last, cutoff, first)


@memo.shared
def _whole_book(org: Organisation, last: date, cutoff: date | None, first: date | None) -> list[MemberDues]:
    return _book(org, people_selectors.people_of(org), last, cutoff, first)


def _book(
    org: Organisation, candidates: QuerySet[Person], last: date, cutoff: date | None, first: date | None
) -> list[MemberDues]:
    bases = list(
        DuesBase.objects.filter(person__in=candidates.values("pk"), effective_from__lte=last)
        .order_by("person_id", "effective_from")
        .values_list("person_id", "effective_from", "amount", "no_income")
    )
    starts = [b[1] for b in bases]
    begin = first or (min(starts) if starts else last)
    months = calc.months_between(begin, last)
    by_end = people_selectors.members_on_days(candidates, [month_end(m) for m in months])
    books: dict[int, MemberDues] = {}
    for month in months:
        for person in by_end.get(month_end(month), []):
            book = books.setdefault(person.pk, MemberDues(person=person, cutoff=cutoff))
            book.months.append(Month(month))
    per_person: dict[int, list[tuple]] = {}
    for person_id, start, amount, no_income in bases:
        per_person.setdefault(person_id, []).append((start, amount, no_income))
    paid = _paid(candidates, months) if months else {}
    bands = band_book()
    # A due depends on the month only through the set of bands in force: worked out once per set,
    # base and category, not for each of a city's hundreds of thousands of member-months.
    band_set = {month: bisect_right(bands.days, month) for month in months}
    dues: dict[tuple, Decimal | None] = {}
    for book in books.values():
        pk, retired = book.person.pk, book.person.is_retired
        rows = per_person.get(pk, [])
        book.has_base = bool(rows)
        days = [r[0] for r in rows]
        for m in book.months:
            at = bisect_right(days, m.month)
            if at:
                _start, amount, no_income = rows[at - 1]
                m.base, m.no_income = amount, no_income
                key = (band_set[m.month], amount, retired, no_income)
                if key not in dues:
                    dues[key] = calc.due(bands, m.month, base=amount, retired=retired, no_income=no_income)
                m.due = dues[key]
            hit = paid.get((pk, m.month))
            if hit is not None:
                m.paid, m.payment_id = hit
    return sorted(books.values(), key=lambda b: (b.person.name_strokes, b.person.pk))


def unpaid_candidates(org: Organisation, first: date, cutoff: date) -> list[int]:
    """The ids of org's people who may owe a month between `first`'s month and the cutoff: those
    with a base on file by then and, from `first`'s month (or their first base's, if later) to the
    cutoff, some month without a payment. A superset of the people with such a month due and unpaid
    (a month she was not a member is not told apart), read in two queries over bases and that
    span's paid months instead of building the whole book: a rule that names the few in arrears
    builds the book of these alone."""
    people = people_selectors.people_of(org).values("pk")
    first_base = dict(
        DuesBase.objects.filter(person__in=people, effective_from__lte=cutoff)
        .order_by()
        .values_list("person_id")
        .annotate(first=Min("effective_from"))
    )
    # counted, not listed: a month is paid at most once (dues_month_paid_once)
    paid = {
        person_id: (n, earliest)
        for person_id, n, earliest in DuesPaymentMonth.objects.filter(
            person__in=people, month__range=(calc.month_start(first), cutoff)
        )
        .order_by()
        .values_list("person_id")
        .annotate(n=Count("*"), earliest=Min("month"))
    }
    found = []
    for person_id, base in sorted(first_base.items()):
        months = calc.months_between(max(first, base), cutoff)
        n, earliest = paid.get(person_id, (0, None))
        # every month paid when as many months are paid, none before the span's first (a month
        # paid before her first base would be counted in; she stays a candidate then)
        if not (n == len(months) and earliest is not None and earliest >= months[0]) and months:
            found.append(person_id)
    return found


def _paid(candidates, months) -> dict[tuple[int, date], tuple[Decimal, int]]:
    rows = DuesPaymentMonth.objects.filter(
        person__in=candidates.values("pk"), month__range=(months[0], months[-1])
    ).values_list("person_id", "month", "due", "payment_id")
    return {(p, m): (d, pay) for p, m, d, pay in rows}
