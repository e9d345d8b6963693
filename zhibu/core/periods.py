"""Periods: week, month, term (学期), year and any span, as one value type.

Terms follow the Chinese school calendar: the autumn term runs September–January, the spring
term February–July; August belongs to no term.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("week", "month", "term", "year", "span")


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date  # inclusive

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def week(cls, day: date) -> Period:
        monday = day - timedelta(days=day.weekday())
        return cls("week", monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls("month", date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls("year", date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def term(cls, school_year: int, season: str) -> Period:
        """school_year 2022 + autumn = 2022-09-01..2023-01-31; + spring = 2023-02-01..2023-07-31."""
        if season == "autumn":
            return cls("term", date(school_year, 9, 1), date(school_year + 1, 1, 31))
        if season == "spring":
            return cls("term", date(school_year + 1, 2, 1), date(school_year + 1, 7, 31))
        raise ValueError(f"unknown term season {season!r}")

    @classmethod
    def term_of(cls, day: date) -> Period | None:
        if day.month >= 9:
            return cls.term(day.year, "autumn")
        if day.month == 1:
            return cls.term(day.year - 1, "autumn")
        if 2 <= day.month <= 7:
            return cls.term(day.year - 1, "spring")
        return None  # August: summer holiday

    @classmethod
    def span(cls, start: date, end: date) -> Period:
        if end < start:
            raise ValueError("period ends before it starts")
        return cls("span", start, end)

    @classmethod
    def parse(cls, kind: str, start: date, end: date | None = None) -> Period:
        """Build a period from a kind and a date inside it (or both ends for a span)."""
        builders = {
            "week": lambda: cls.week(start),
            "month": lambda: cls.month(start.year, start.month),
            "year": lambda: cls.year(start.year),
            "term": lambda: cls.term_of(start),
            "span": lambda: cls.span(start, end or start),
        }
        if kind not in builders:
            raise ValueError(f"unknown period kind {kind!r}")
        period = builders[kind]()
        if period is None:
            raise ValueError("8月不属于任何学期")
        return period

    # -- queries --------------------------------------------------------------------------------
    def as_json(self) -> list[str]:
        """[kind, start, end] in ISO form: how a period travels in a background job's params."""
        return [self.kind, self.start.isoformat(), self.end.isoformat()]

    @classmethod
    def from_json(cls, value: list[str]) -> Period:
        kind, start, end = value
        return cls(kind, date.fromisoformat(start), date.fromisoformat(end))

    @property
    def bounds(self) -> tuple[date, date]:
        return (self.start, self.end)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> Iterator[Period]:
        year, month = self.start.year, self.start.month
        while date(year, month, 1) <= self.end:
            yield Period.month(year, month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def weeks(self) -> Iterator[Period]:
        week = Period.week(self.start)
        while week.start <= self.end:
            yield week
            week = Period.week(week.start + timedelta(days=7))

    def terms(self) -> Iterator[Period]:
        """Terms that overlap this period."""
        seen: set[date] = set()
        for month in self.months():
            term = Period.term_of(month.start)
            if term and term.start not in seen:
                seen.add(term.start)
                yield term

    def quarters(self) -> Iterator[Period]:
        year, quarter = self.start.year, (self.start.month - 1) // 3
        while date(year, quarter * 3 + 1, 1) <= self.end:
            first = date(year, quarter * 3 + 1, 1)
            last_month = quarter * 3 + 3
            yield Period("span", first, date(year, last_month, calendar.monthrange(year, last_month)[1]))
            year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)

    def previous(self) -> Period:
        before = self.start - timedelta(days=1)
        if self.kind in {"week", "month", "year"}:
            return Period.parse(self.kind, before)
        if self.kind == "term":
            return Period.term_of(before) or Period.term_of(before.replace(day=1) - timedelta(days=1))
        return Period.span(self.start - timedelta(days=self.days), before)

    @property
    def label(self) -> str:
        labels = {
            # ISO year, not the Monday's calendar year: the week of 2024-12-30 is 2025's week 1.
            "week": lambda: "{}年第{}周".format(*self.start.isocalendar()[:2]),
            "month": lambda: f"{self.start.year}年{self.start.month}月",
            "year": lambda: f"{self.start.year}年",
            "term": lambda: f"{self.start.year}—{self.start.year + 1}学年度第一学期"
            if self.start.month == 9
            else f"{self.start.year - 1}—{self.start.year}学年度第二学期",
            "span": lambda: f"{cn_date(self.start)}至{cn_date(self.end)}",
        }
        return labels[self.kind]()

    def __str__(self) -> str:
        return self.label


def cn_date(day: date) -> str:
    """2023年4月18日 — the date form every document uses."""
    return f"{day.year}年{day.month}月{day.day}日"


def runs_label(buckets: list[Period], number: Callable[[Period], tuple[int, int]], one: str, run: str) -> str:
    """ "2026年3月、5—6月、2027年1月": consecutive weeks or months as a run, the year said once.
    `number` gives (year, number in the year); `one` and `run` format one bucket and a run of them
    ("{}月", "{}—{}月"). The findings of the monthly quotas (学时, 谈心谈话) name the months this way."""
    runs: list[list[Period]] = []
    for bucket in buckets:
        last = runs[-1][-1] if runs else None
        adjacent = last is not None and last.end + timedelta(days=1) == bucket.start
        if adjacent and number(last)[0] == number(bucket)[0]:
            runs[-1].append(bucket)
        else:
            runs.append([bucket])
    parts, year = [], None
    for group in runs:
        group_year, first = number(group[0])
        text = one.format(first) if len(group) == 1 else run.format(first, number(group[-1])[1])
        parts.append(text if group_year == year else f"{group_year}年{text}")
        year = group_year
    return "、".join(parts)


def months_label(months: list[Period]) -> str:
    """runs_label for calendar months: "2026年3月、5—6月"."""
    return runs_label(months, lambda m: (m.start.year, m.start.month), "{}月", "{}—{}月")
