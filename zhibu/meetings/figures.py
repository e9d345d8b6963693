"""Meetings figures: named counts with the meetings (or attendance rows) behind them.

`meetings.held` takes kind=<type code>; a meeting of several types counts once for each type.
The per-type codes are conveniences for documents ("讲党课6次" → meetings.party_lectures)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from zhibu.core import memo
from zhibu.core.lean import local_date
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures

from . import selectors
from .models import Attendance, Meeting

PER_TYPE = [
    ("meetings.general_meetings", "general_meeting", _("召开支部党员大会")),
    ("meetings.committee_meetings", "committee_meeting", _("召开支委会")),
    ("meetings.group_meetings", "group_meeting", _("召开党小组会")),
    ("meetings.party_lectures", "party_lecture", _("讲党课")),
    ("meetings.theme_days", "theme_day", _("开展主题党日")),
    ("meetings.org_life_meetings", "org_life_meeting", _("召开组织生活会")),
    ("meetings.democratic_life_meetings", "democratic_life_meeting", _("召开民主生活会")),
    ("meetings.topical_meetings", "topical_meeting", _("召开专题组织会议")),
    ("meetings.forums", "forum", _("召开座谈会")),
    ("meetings.theory_group_sessions", "theory_group", _("中心组集中学习")),
]
# The local day a meeting was held on: what puts it in a period (held_in filters by it).
HELD_DAY = local_date("held_at")
DEMOCRATIC_AND_TOPICAL = ["org_life_meeting", "democratic_life_meeting", "topical_meeting", "forum"]


def _held_of_kind(org: Organisation, period: Period, *, kind: str | None = None) -> int | None:
    return selectors.counts_by_type(org, period).get(kind, 0) if kind else None


@figures.register(
    "meetings.held", label=_("召开会议次数"), unit=_("次"), day=HELD_DAY, counted_by=_held_of_kind
)
def held(org: Organisation, period: Period, *, kind: str | None = None) -> QuerySet[Meeting]:
    return selectors.held_in(org, period, kind or None)


def _per_type(type_code: str):
    def figure(org: Organisation, period: Period) -> QuerySet[Meeting]:
        return selectors.held_in(org, period, type_code)

    return figure


def _counted_per_type(type_code: str):
    def count(org: Organisation, period: Period) -> int:
        return selectors.counts_by_type(org, period).get(type_code, 0)

    return count


# The monthly summary's table of key figures: 三会一课 and the theme day, in a secretary's order.
KEY = {
    "meetings.general_meetings": 10,
    "meetings.committee_meetings": 11,
    "meetings.party_lectures": 12,
    "meetings.theme_days": 13,
}

for _code, _type_code, _label in PER_TYPE:
    figures.register(
        _code,
        label=_label,
        unit=_("次"),
        day=HELD_DAY,
        key=KEY.get(_code),
        counted_by=_counted_per_type(_type_code),
    )(_per_type(_type_code))


@figures.register(
    "meetings.democratic_and_topical",
    label=_("召开组织生活会、民主生活会或专项工作座谈会"),
    unit=_("次"),
    day=HELD_DAY,
)
def democratic_and_topical(org: Organisation, period: Period) -> QuerySet[Meeting]:
    # Exists, not a join and DISTINCT: counting DISTINCT over every column of a bureau's year of
    # meetings was a fifth of a second
    of_type = Meeting.types.through.objects.filter(
        meeting=OuterRef("pk"), meetingtype__code__in=DEMOCRATIC_AND_TOPICAL
    )
    return selectors.held_in(org, period).filter(Exists(of_type))


@figures.register("meetings.late_records", label=_("事后补录的会议"), unit=_("次"), day=HELD_DAY)
def late_records(org: Organisation, period: Period) -> QuerySet[Meeting]:
    return selectors.late_in(org, period)


@figures.register("meetings.attendance_rate", label=_("党员参加组织生活出席率"), unit="%", flow=False, key=14)
def attendance_rate(org: Organisation, period: Period) -> tuple[Decimal, QuerySet[Attendance]]:
    """Present / expected over members' rows (列席 guests excluded), as a percentage to 0.1."""
    rows = (
        selectors.attendance_for(selectors.held_in(org, period))
        .filter(is_guest=False)
        .order_by("meeting__held_at", "pk")
    )
    if memo.store() is not None:
        # within a unit of work (a draft) the counts the low-participation rule reads as well
        counted = selectors.member_attendance(org, period)
        total, present = sum(r[3] for r in counted), sum(r[4] for r in counted)
    else:
        # counted by the database: a bureau's year is some 300,000 rows
        counts = dict(rows.order_by().values_list("status").annotate(n=Count("pk")))
        total, present = sum(counts.values()), counts.get(Attendance.Status.PRESENT, 0)
    if not total:
        return Decimal("0.0"), rows
    rate = Decimal(present * 100) / Decimal(total)
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), rows
