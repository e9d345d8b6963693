"""Periods as a school branch counts them: weeks, months, terms (Jan in the autumn term, August in
none), years, quarters and spans, with the labels documents print."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import RequestFactory

from zhibu.core.periods import Period, cn_date
from zhibu.core.web import period_from_request


@pytest.mark.parametrize(
    ("day", "monday", "sunday"),
    [
        (date(2023, 4, 18), date(2023, 4, 17), date(2023, 4, 23)),  # Tuesday
        (date(2023, 4, 17), date(2023, 4, 17), date(2023, 4, 23)),  # Monday
        (date(2023, 4, 23), date(2023, 4, 17), date(2023, 4, 23)),  # Sunday
        (date(2025, 1, 1), date(2024, 12, 30), date(2025, 1, 5)),  # across the new year
    ],
)
def test_week_runs_monday_to_sunday(day, monday, sunday):
    week = Period.week(day)
    assert (week.start, week.end, week.kind, week.days) == (monday, sunday, "week", 7)


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2023, 4, 18), "2023年第16周"),
        (date(2025, 1, 1), "2025年第1周"),  # the week of 2024-12-30 is ISO week 1 of 2025
        (date(2021, 1, 1), "2020年第53周"),  # ...and the week of 2021-01-01 is week 53 of 2020
    ],
)
def test_week_label_uses_the_iso_year(day, label):
    assert Period.week(day).label == label


@pytest.mark.parametrize(
    ("year", "month", "end"),
    [(2024, 2, date(2024, 2, 29)), (2023, 2, date(2023, 2, 28)), (2023, 12, date(2023, 12, 31))],
)
def test_month_bounds(year, month, end):
    period = Period.month(year, month)
    assert (period.start, period.end) == (date(year, month, 1), end)
    assert period.label == f"{year}年{month}月"


@pytest.mark.parametrize(
    ("day", "start", "end", "label"),
    [
        (date(2022, 9, 1), date(2022, 9, 1), date(2023, 1, 31), "2022—2023学年度第一学期"),
        (date(2022, 12, 31), date(2022, 9, 1), date(2023, 1, 31), "2022—2023学年度第一学期"),
        (date(2023, 1, 15), date(2022, 9, 1), date(2023, 1, 31), "2022—2023学年度第一学期"),  # January
        (date(2023, 1, 31), date(2022, 9, 1), date(2023, 1, 31), "2022—2023学年度第一学期"),
        (date(2023, 2, 1), date(2023, 2, 1), date(2023, 7, 31), "2022—2023学年度第二学期"),
        (date(2023, 7, 31), date(2023, 2, 1), date(2023, 7, 31), "2022—2023学年度第二学期"),
    ],
)
def test_term_of(day, start, end, label):
    term = Period.term_of(day)
    assert (term.kind, term.start, term.end, term.label) == ("term", start, end, label)
    assert day in term


@pytest.mark.parametrize("day", [date(2023, 8, 1), date(2023, 8, 15), date(2023, 8, 31)])
def test_august_belongs_to_no_term(day):
    assert Period.term_of(day) is None
    with pytest.raises(ValueError, match="8月不属于任何学期"):
        Period.parse("term", day)


def test_term_by_school_year_and_season():
    assert Period.term(2022, "autumn") == Period.term_of(date(2022, 10, 1))
    assert Period.term(2022, "spring") == Period.term_of(date(2023, 3, 1))
    with pytest.raises(ValueError):
        Period.term(2022, "summer")


def test_year_and_span():
    year = Period.year(2023)
    assert (year.start, year.end, year.label, year.days) == (
        date(2023, 1, 1),
        date(2023, 12, 31),
        "2023年",
        365,
    )
    span = Period.span(date(2021, 9, 1), date(2023, 7, 31))
    assert span.label == "2021年9月1日至2023年7月31日"
    with pytest.raises(ValueError):
        Period.span(date(2023, 7, 31), date(2021, 9, 1))
    assert date(2021, 9, 1) in span and date(2023, 7, 31) in span and date(2023, 8, 1) not in span


def test_quarters_of_a_year_and_of_an_autumn_term():
    assert [(q.start, q.end) for q in Period.year(2024).quarters()] == [
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2024, 10, 1), date(2024, 12, 31)),
    ]
    autumn = [(q.start, q.end) for q in Period.term(2022, "autumn").quarters()]
    assert autumn == [
        (date(2022, 7, 1), date(2022, 9, 30)),
        (date(2022, 10, 1), date(2022, 12, 31)),
        (date(2023, 1, 1), date(2023, 3, 31)),
    ]


def test_months_weeks_and_terms_inside_a_span():
    campaign = Period.span(date(2021, 9, 1), date(2023, 7, 31))  # the seed's two-year campaign
    months = list(campaign.months())
    assert len(months) == 23
    assert months[0] == Period.month(2021, 9) and months[-1] == Period.month(2023, 7)
    assert [t.label for t in campaign.terms()] == [
        "2021—2022学年度第一学期",
        "2021—2022学年度第二学期",
        "2022—2023学年度第一学期",
        "2022—2023学年度第二学期",
    ]
    weeks = list(Period.month(2023, 5).weeks())
    assert weeks[0].start == date(2023, 5, 1) and weeks[-1].start == date(2023, 5, 29)
    assert len(weeks) == 5


@pytest.mark.parametrize(
    ("period", "previous"),
    [
        (Period.month(2023, 1), Period.month(2022, 12)),
        (Period.week(date(2023, 1, 2)), Period.week(date(2022, 12, 26))),
        (Period.year(2023), Period.year(2022)),
        (Period.term(2022, "autumn"), Period.term(2021, "spring")),  # skips August
        (Period.term(2022, "spring"), Period.term(2022, "autumn")),
        (
            Period.span(date(2023, 3, 1), date(2023, 3, 10)),
            Period.span(date(2023, 2, 19), date(2023, 2, 28)),
        ),
    ],
)
def test_previous(period, previous):
    assert period.previous() == previous


def test_parse_every_kind():
    day = date(2023, 4, 18)
    assert Period.parse("week", day) == Period.week(day)
    assert Period.parse("month", day) == Period.month(2023, 4)
    assert Period.parse("year", day) == Period.year(2023)
    assert Period.parse("term", day) == Period.term(2022, "spring")
    assert Period.parse("span", day, date(2023, 5, 1)) == Period.span(day, date(2023, 5, 1))
    with pytest.raises(ValueError):
        Period.parse("fortnight", day)


def test_cn_date():
    assert cn_date(date(2023, 4, 18)) == "2023年4月18日"
    assert cn_date(date(2023, 10, 1)) == "2023年10月1日"


def test_period_from_request():
    rf = RequestFactory()
    assert period_from_request(rf.get("/", {"period": "month", "on": "2023-05-09"})) == Period.month(2023, 5)
    span = period_from_request(rf.get("/", {"from": "2021-09-01", "to": "2023-07-31"}))
    assert span == Period.span(date(2021, 9, 1), date(2023, 7, 31))
    # Nonsense falls back to the default kind instead of a 500.
    fallback = period_from_request(rf.get("/", {"period": "term", "on": "2023-08-10"}))
    assert fallback.kind == "year"
    assert period_from_request(rf.get("/", {"on": "not-a-date"})).kind == "year"
