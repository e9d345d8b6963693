"""The dues arithmetic, without a query: which band a base falls in and what it owes a month.

The rate applies to the whole base (not band by band, as income tax would): a serving member with
3000.01 元 pays 1 % of 3000.01 = 30.00 元, one with 3000.00 pays 0.5 % = 15.00 元. A due is
rounded to the fen (0.01 元) half up (ROUND_HALF_UP) once, after multiplying; see docs/dues.md.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


@dataclass(frozen=True)
class Band:
    effective_from: date
    category: str
    up_to: Decimal | None
    rate: Decimal | None
    fixed: Decimal | None


class BandBook:
    """Every set of bands by effective date; `set_on(month)` is the set in force in that month."""

    def __init__(self, bands: Iterable[Band]):
        sets: dict[date, list[Band]] = {}
        for band in bands:
            sets.setdefault(band.effective_from, []).append(band)
        self.days = sorted(sets)
        self.sets = [sets[day] for day in self.days]
        # (set index, category) -> its bands, lowest upper limit first and the open band last:
        # sorted once, not for each of a city's member-months.
        self._ordered: dict[tuple[int, str], list[Band]] = {}
        for n, bands in enumerate(self.sets):
            for band in bands:
                self._ordered.setdefault((n, band.category), []).append(band)
        for bands in self._ordered.values():
            bands.sort(key=lambda b: (b.up_to is None, b.up_to or 0))

    def set_on(self, month: date) -> list[Band]:
        at = bisect_right(self.days, month)
        return self.sets[at - 1] if at else []

    def band_for(self, month: date, category: str, base: Decimal) -> Band | None:
        """The band of `category` whose range holds `base` (the lowest upper limit at or above it;
        an open band last)."""
        at = bisect_right(self.days, month)
        for band in self._ordered.get((at - 1, category), []) if at else []:
            if band.up_to is None or base <= band.up_to:
                return band
        return None


def category_of(*, retired: bool, no_income: bool) -> str:
    if no_income:
        return "no_income"
    return "retired" if retired else "serving"


def monthly_due(band: Band | None, base: Decimal) -> Decimal | None:
    """What a month owes under `band`: the fixed sum, or base × rate % rounded to the fen half up.
    None when no band covers the month (before the first rule on file)."""
    if band is None:
        return None
    if band.fixed is not None:
        return band.fixed.quantize(CENT)
    return (base * band.rate / HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def due(book: BandBook, month: date, *, base: Decimal, retired: bool, no_income: bool) -> Decimal | None:
    category = category_of(retired=retired, no_income=no_income)
    return monthly_due(book.band_for(month, category, base), base)


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> list[date]:
    """The first days of the months from `first`'s to `last`'s, both included."""
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def month_label(month: date) -> str:
    return f"{month.year}年{month.month}月"
