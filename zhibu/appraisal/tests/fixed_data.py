"""Fixed ledger data whose points were counted by hand (test setup, not the code under test).

Rules of branch A (育才学校党支部) and, for 2023-03-01..2023-04-30:

刘丹 (member)
  组织生活 1.5/次, 每月上限4:   3月2日、9日、16日 → 1.5+1.5+1.0 (the cap bites) ; 4月6日 → 1.5   = 5.5
  读书 2/本, 每学期上限5:       2月20日 (before the period, uses 2 of the spring term's 5);
                                3月10日 → 2 ; 4月10日 → 1 (the cap bites)                        = 3
  志愿服务 1/次, 3月15日起生效:  3月5日 → 0 (not yet in force) ; 3月20日 → 1 ; 4月2日 → 1         = 2
  包教辅导 0.5/次, 每月上限1:    3月3日、4日 → 0.5+0.5 ; 3月25日 → 0 ; 4月1日 → 0.5               = 1.5
  走访慰问 1/次, 至3月31日失效:  3月28日 → 1 ; 4月3日 → 0                                         = 1
  人工调整:                     3月20日 −0.5 (迟到)                                               = −0.5
                                                                                          total 12.5
张文华 (secretary): 组织生活 3月2日、9日 → 3 ; 读书 3月10日 → 2                               = 5
于雪华 (committee): 组织生活 3月2日、9日 → 3 ; 人工调整 +2                                      = 5
王强 (a member with nothing)                                                                  = 0
Ranking: 刘丹 1, 张文华 2, 于雪华 2, 王强 4. 何静 (activist, a guest at the meetings) is not ranked.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from zhibu.care.tests.factories import CareVisitFactory
from zhibu.core.periods import Period
from zhibu.core.tests.factories import PersonFactory
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.mentoring.tests.factories import make_case, make_log
from zhibu.service.tests.factories import ParticipationFactory
from zhibu.study.tests.factories import ReadingRecordFactory

from .factories import PointAdjustmentFactory, PointRuleFactory

PERIOD = Period.span(date(2023, 3, 1), date(2023, 4, 30))
EXPECTED = {
    "刘丹": Decimal("12.50"),
    "张文华": Decimal("5.00"),
    "于雪华": Decimal("5.00"),
    "王强": Decimal("0.00"),
}
RANKS = [(1, "刘丹"), (2, "于雪华"), (2, "张文华"), (4, "王强")]


def _at(day: date):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 15, 30))


def rules(org) -> None:
    PointRuleFactory(organisation=org, source="meetings.attended", points=Decimal("1.5"), cap=Decimal("4"))
    PointRuleFactory(
        organisation=org, source="study.book_read", points=Decimal("2"), cap=Decimal("5"), cap_period="term"
    )
    PointRuleFactory(
        organisation=org, source="service.volunteered", points=Decimal("1"), cap=None,
        effective_from=date(2023, 3, 15),
    )  # fmt: skip
    PointRuleFactory(organisation=org, source="mentoring.session", points=Decimal("0.5"), cap=Decimal("1"))
    PointRuleFactory(
        organisation=org,
        source="care.visited",
        points=Decimal("1"),
        cap=None,
        effective_until=date(2023, 3, 31),
    )


def ledgers(world) -> dict:
    org, p = world.branch, world.people
    member, secretary, committee, checker = p["member"], p["secretary"], p["committee"], p["checker"]
    wang = PersonFactory(organisation=org, name="王强")
    rules(org)
    for day in (date(2023, 3, 2), date(2023, 3, 9)):
        MeetingFactory(organisation=org, held_at=_at(day), attendees=[member, secretary, committee, checker])
    for day in (date(2023, 3, 16), date(2023, 4, 6)):
        MeetingFactory(organisation=org, held_at=_at(day), attendees=[member])
    MeetingFactory(organisation=org, held_at=_at(date(2023, 5, 4)), attendees=[member])  # after the period
    for day in (date(2023, 2, 20), date(2023, 3, 10), date(2023, 4, 10)):
        ReadingRecordFactory(organisation=org, person=member, finished_on=day)
    ReadingRecordFactory(organisation=org, person=secretary, finished_on=date(2023, 3, 10))
    for day in (date(2023, 3, 5), date(2023, 3, 20), date(2023, 4, 2)):
        ParticipationFactory(event__organisation=org, event__held_on=day, person=member)
    case = make_case(member, started_on=date(2023, 2, 1))
    for day in (date(2023, 3, 3), date(2023, 3, 4), date(2023, 3, 25), date(2023, 4, 1)):
        make_log(case, day)
    for day in (date(2023, 3, 28), date(2023, 4, 3)):
        CareVisitFactory(organisation=org, visited_on=day, visitors=[member])
    PointAdjustmentFactory(
        organisation=org, person=member, day=date(2023, 3, 20), points=Decimal("-0.5"), reason="迟到"
    )
    PointAdjustmentFactory(organisation=org, person=committee, day=date(2023, 4, 20), points=Decimal("2"))
    # another branch's meeting: never counts for branch A
    other = world.other_branch
    MeetingFactory(organisation=other, held_at=_at(date(2023, 3, 2)), attendees=[world.people["outsider"]])
    return {"member": member, "wang": wang}
