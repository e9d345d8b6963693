"""Demo appraisal for the seed's school (育才学校): the branch's default points rules in force since
the 2021—2022 school year (so every member's points come from the demo ledgers: meetings, study,
service, care, mentoring), two manual adjustments, and last year's 民主评议党员 — every member's
self-assessment, every member rating each other once, and the branch's decision: 4 优秀 (the seed's
"优秀共产党员4名"), one 基本合格, the rest 合格, decided on 26 December."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.registries import demo

from . import selectors
from .models import Appraisal, CapPeriod, PeerRating, PointAdjustment, PointRule, Rating

SCHOOL = "yucai"
SINCE = date(2021, 9, 1)
# source, points per fact, cap, cap period, note
RULES = [
    ("meetings.attended", "1", "4", CapPeriod.MONTH, "参加“三会一课”、主题党日等组织生活"),
    ("study.session_attended", "1", "4", CapPeriod.MONTH, "参加集中学习"),
    ("study.self_study_done", "1", "4", CapPeriod.MONTH, "按期完成自学任务并写出体会"),
    ("study.book_read", "2", "6", CapPeriod.TERM, "学名师读好书，每学期至少读两本"),
    ("service.volunteered", "2", "6", CapPeriod.MONTH, "参加志愿服务"),
    ("service.tutored", "0.5", "4", CapPeriod.MONTH, "义务补课"),
    ("mentoring.session", "0.5", "3", CapPeriod.MONTH, "包教辅导"),
    ("care.visited", "1", None, CapPeriod.YEAR, "走访慰问"),
]
EXCELLENT = ("刘丹", "苑蓉晖", "刘晓筱", "孙宁")  # the seed names 刘丹 and 苑蓉晖 among its best
BASIC = ("高峰",)
SELF = "{name}同志一年来认真学习党的理论，积极参加“三会一课”和主题党日活动，坚持学名师读好书，" \
       "在包教和志愿服务中发挥了党员的先锋模范作用。不足是理论学习还不够深入，今后要加强。"  # fmt: skip


def default_rules(org: Organisation, since: date) -> list[PointRule]:
    """The default rules (unsaved) of a branch, in force from `since`: the demo's and the city's."""
    return [
        PointRule(
            organisation=org,
            source=source,
            points=Decimal(points),
            cap=Decimal(cap) if cap else None,
            cap_period=period,
            effective_from=since,
            note=note,
        )  # fmt: skip
        for source, points, cap, period, note in RULES
    ]


def _adjustments(org: Organisation, people: dict) -> None:
    for name, day, points, reason in [
        ("于雪华", date(2022, 11, 30), "3", "呼吁社会援助为退休教师筹措资金"),
        ("张文华", date(2023, 4, 20), "2", "承担全市党建工作现场会经验交流"),
    ]:
        if name in people:
            PointAdjustment.objects.create(
                organisation=org, person=people[name], day=day, points=Decimal(points), reason=reason
            )


def _appraisal(org: Organisation, year: int) -> int:
    members = list(selectors.members_of(org, date(year, 12, 31)))
    decided = date(year, 12, 26)
    rows = Appraisal.objects.bulk_create(
        Appraisal(
            organisation=org,
            year=year,
            person=p,
            self_assessment=SELF.format(name=p.name),
            decision=Rating.EXCELLENT
            if p.name in EXCELLENT
            else Rating.BASIC
            if p.name in BASIC
            else Rating.QUALIFIED,
            decided_on=decided,
            comment="群众评价好，表率作用突出" if p.name in EXCELLENT else "",
        )
        for p in members
    )
    PeerRating.objects.bulk_create(
        PeerRating(
            organisation=org,
            appraisal=a,
            rater=rater,
            # the decided 优秀 get most 优秀 votes; each rater otherwise says 合格
            rating=Rating.EXCELLENT
            if a.decision == Rating.EXCELLENT and (rater.pk + a.pk) % 4
            else a.decision
            if a.decision != Rating.EXCELLENT
            else Rating.QUALIFIED,
        )  # fmt: skip
        for a in rows
        for rater in members
        if rater.pk != a.person_id
    )
    return len(rows)


@demo.register("appraisal", order=80)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    people = {p.name: p for p in selectors.members_of(org, date(2023, 7, 31))}
    PointRule.objects.bulk_create(default_rules(org, SINCE))
    _adjustments(org, people)
    year = timezone.localdate().year - 1
    appraised = _appraisal(org, year)
    return (
        f"{org.name}：积分规则{len(RULES)}条，{year}年度民主评议党员{appraised}名（优秀{len(EXCELLENT)}名）"
    )
