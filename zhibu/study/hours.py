"""学时 by week and by month: the grouped sums the weekly and monthly quota rules read over a whole
subtree, and a member's own week and month against her branch's quotas. What counts as 学时 is
selectors.hour_sources, the definition the yearly target reads too."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import DateField, QuerySet, Sum
from django.db.models.functions.datetime import TruncBase
from django.utils.translation import gettext as _

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.people import selectors as people_selectors

from .selectors import ZERO, hour_sources, settings_for, with_hours


def members_by_day(org: Organisation, days) -> dict[date, list[Person]]:
    """selectors.members_of for many days at once: two queries, whatever the number of days."""
    serving: QuerySet[Person] = people_selectors.people_of(org).filter(is_retired=False)
    return people_selectors.members_on_days(serving, days)


def hours_by(
    org: Organisation, start: date, end: date, trunc: type[TruncBase]
) -> dict[tuple[int, date], Decimal]:
    """{(person_id, first day of the week or month): 学时} between start and end over org's whole
    subtree, `trunc` being TruncWeek or TruncMonth: one grouped query per source of hours (three),
    whatever the number of branches and members."""
    totals: dict[tuple[int, date], Decimal] = defaultdict(lambda: ZERO)
    for source in hour_sources(org, start, end):
        rows = (
            source.rows.order_by()
            .annotate(bucket=trunc(source.day, output_field=DateField()))
            .values("person", "bucket")
            .annotate(total=Sum(source.hours))
            .values_list("person", "bucket", "total")
        )
        for person_id, bucket, total in rows:
            totals[(person_id, bucket)] += total or ZERO
    return dict(totals)


def quota_progress(person: Person, today: date) -> list[dict]:
    """Her 学时 this week and this month so far against her branch's weekly and monthly quotas,
    for the quotas the branch set (none set: an empty list and no hours query)."""
    rules = settings_for(person.organisation)
    spans = [
        (_("本周"), Period.week(today), rules.weekly_hours),
        (_("本月"), Period.month(today.year, today.month), rules.monthly_hours),
    ]
    rows = []
    for label, span, quota in spans:
        if not quota:
            continue
        me = with_hours(Person.objects.filter(pk=person.pk), person.organisation, span.start, span.end)
        hours = me.values_list("study_hours", flat=True).first() or ZERO
        holiday = span.start.month == span.end.month == 8  # August's weeks and month are not judged
        rows.append(
            {
                "label": label,
                "period": span,
                "hours": hours,
                "quota": quota,
                "short": hours < quota,
                "holiday": holiday,
            }
        )
    return rows
