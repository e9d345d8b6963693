"""Service figures: named numbers over (organisation, period) with the records behind them.
Assistance figures keep their records (households) to holders of service.view: the bureau and
the documents get the count only."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.registries.figure_series import bucket, by_day, covering

from . import selectors
from .models import CAMPUS_LABOUR, CIVIC

# ?kinds= of service.volunteer_events: a category of the seed's words, or one EventKind value.
CATEGORIES = {"campus": CAMPUS_LABOUR, "civic": CIVIC}
PRIVATE = "service.view"
# The dates the selectors filter each ledger's records into a period by.
EVENT_DAY = "held_on"
PARTICIPATION_DAY = "event__held_on"
TUTORING_DAY = "held_on"
VISIT_DAY = "visited_on"


@figures.register(
    "service.volunteer_events", label=_("志愿服务活动次数"), unit=_("次"), day=EVENT_DAY, key=30
)
def volunteer_events(org: Organisation, period: Period, *, kinds: str | None = None) -> QuerySet:
    qs = selectors.events_of(org, period.start, period.end)
    if kinds == "group":
        return qs.filter(group__isnull=False)
    if kinds:
        return qs.filter(kind__in=CATEGORIES.get(kinds, (kinds,)))
    return qs


@figures.register("service.campus_labour", label=_("校园义务劳动次数"), unit=_("次"), day=EVENT_DAY)
def campus_labour(org: Organisation, period: Period) -> QuerySet:
    return volunteer_events(org, period, kinds="campus")


@figures.register("service.civic_actions", label=_("文明使者公益清扫次数"), unit=_("次"), day=EVENT_DAY)
def civic_actions(org: Organisation, period: Period, *, kind: str | None = None) -> QuerySet:
    return volunteer_events(org, period, kinds=kind or "civic")


@figures.register(
    "service.group_activities", label=_("党员负责的义工组织活动次数"), unit=_("次"), day=EVENT_DAY
)
def group_activities(org: Organisation, period: Period) -> QuerySet:
    return volunteer_events(org, period, kinds="group")


@figures.register(
    "service.volunteer_hours",
    label=_("志愿服务总时长"),
    unit=_("小时"),
    sum_field="hours",
    day=PARTICIPATION_DAY,
)
def volunteer_hours(org: Organisation, period: Period) -> QuerySet:
    return selectors.participations_of(org, period.start, period.end)


@figures.register(
    "service.volunteer_people", label=_("参加志愿服务人次"), unit=_("人次"), day=PARTICIPATION_DAY
)
def volunteer_people(org: Organisation, period: Period) -> QuerySet:
    return selectors.participations_of(org, period.start, period.end)


@figures.register(
    "service.tutoring_sessions", label=_("党员义务补课次数"), unit=_("次"), day=TUTORING_DAY, key=31
)
def tutoring_sessions(org: Organisation, period: Period) -> QuerySet:
    return selectors.tutoring_of(org, period.start, period.end)


def _hours(minutes) -> Decimal:
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.1"))


def tutoring_hours_series(org: Organisation, periods: list[Period]) -> list[Decimal]:
    """service.tutoring_hours for many periods: minutes by day in one grouped query, each period's
    total turned into hours as the figure does."""
    minutes = by_day(selectors.tutoring_of(org, *covering(periods).bounds), TUTORING_DAY, "minutes")
    return [_hours(m) for m in bucket(minutes, periods)]


@figures.register(
    "service.tutoring_hours", label=_("义务补课总时长"), unit=_("小时"), series=tutoring_hours_series
)
def tutoring_hours(org: Organisation, period: Period) -> tuple[Decimal, QuerySet]:
    qs = selectors.tutoring_of(org, period.start, period.end)
    return _hours(qs.aggregate(m=Sum("minutes"))["m"]), qs


@figures.register(
    "service.tutoring_students",
    label=_("义务补课学生人次"),
    unit=_("人次"),
    sum_field="students",
    day=TUTORING_DAY,
)
def tutoring_students(org: Organisation, period: Period) -> QuerySet:
    return selectors.tutoring_of(org, period.start, period.end)


@figures.register(
    "service.assistance_pairs", label=_("帮扶困难群众户数"), unit=_("户"), records_perm=PRIVATE, flow=False
)
def assistance_pairs(org: Organisation, period: Period) -> QuerySet:
    return selectors.pairs_of(org, period.start, period.end)


@figures.register(
    "service.assistance_visits", label=_("帮扶走访次数"), unit=_("次"), records_perm=PRIVATE, day=VISIT_DAY
)
def assistance_visits(org: Organisation, period: Period) -> QuerySet:
    return selectors.visits_of(org, period.start, period.end)


@figures.register(
    "service.assistance_money",
    label=_("帮扶捐款金额"),
    unit=_("元"),
    sum_field="money",
    records_perm=PRIVATE,
    day=VISIT_DAY,
)
def assistance_money(org: Organisation, period: Period) -> QuerySet:
    return selectors.visits_of(org, period.start, period.end)


@figures.register("service.liaisons", label=_("支委联系班级数"), unit=_("个"), flow=False)
def liaisons(org: Organisation, period: Period) -> tuple[int, QuerySet]:
    """Classes linked to a committee member (a class counted once however many terms)."""
    qs = selectors.liaisons_of(org, period.start, period.end)
    return qs.order_by().values("school_class_id").distinct().count(), qs


@figures.register(
    "service.liaison_contacts", label=_("联系班级（班主任、学生）次数"), unit=_("次"), day="contacted_on"
)
def liaison_contacts(org: Organisation, period: Period) -> QuerySet:
    return selectors.contacts_of(org, period.start, period.end)


@figures.register("service.partner_classes", label=_("阳光协作班开班数"), unit=_("个"), day="opened_on")
def partner_classes(org: Organisation, period: Period) -> QuerySet:
    return selectors.partners_of(org, period.start, period.end)


@figures.register("service.partner_sessions", label=_("阳光协作班活动次数"), unit=_("次"), day="held_on")
def partner_sessions(org: Organisation, period: Period) -> QuerySet:
    return selectors.partner_sessions_of(org, period.start, period.end)


@figures.register("service.liaison_members", label=_("联系班级的支委人数"), unit=_("人"), flow=False)
def liaison_members(org: Organisation, period: Period) -> tuple[int, QuerySet]:
    qs = selectors.liaisons_of(org, period.start, period.end)
    return qs.order_by().values("person_id").distinct().count(), qs
