"""Demo talks for the seed's school (育才学校): its three committee members (张文华, 于雪华, 刘晓筱)
each talked twice a month (the default quota) with members, activists and staff over the six
months that ended last (August, the holiday, skipped) — except 刘晓筱, once only in the third of
them, so the quota rule has one line to show. A talk in the current month too."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors

from .models import Talk
from .quota import judged_months

SCHOOL = "yucai"
COMMITTEE = ("张文华", "于雪华", "刘晓筱")
SHORT = ("刘晓筱", 2)  # the talker below quota, and which of the months (0: the earliest)
WITH = (
    "刘丹",
    "苑蓉晖",
    "王春华",
    "孙宁",
    "何静",
    "郑浩",
    "李建国",
    "赵丽娟",
    "丁一凡",
    "叶青",
    "周敏",
    "高峰",
)
TOPICS = (
    ("思想动态", "交流近期思想和工作情况，对支部工作提出了建议。", "下次支部大会上通报建议的办理情况。"),
    ("工作困难", "了解到班级管理压力较大，商量了分担办法。", "请年级组长协助，一个月后再回访。"),
    ("入党动机", "谈对党的认识和入党的想法，鼓励继续学习党章。", "推荐阅读书目，下月再谈。"),
    ("家庭情况", "了解家中老人生病住院的情况，表达组织关心。", "工会送去慰问，调整近期的值班安排。"),
)


def recent_months(today: date, count: int = 6) -> list[Period]:
    """The last `count` months that ended before today, August skipped, oldest first."""
    span = Period.span(date(today.year - 2, today.month, 1), today)
    return judged_months(span, today)[-count:]


def _talks(org: Organisation, people: dict, today: date) -> list[Talk]:
    months = recent_months(today)
    rows, n = [], 0
    for index, month in enumerate(months):
        for talker in COMMITTEE:
            times = 1 if (talker, index) == SHORT else 2
            for k in range(times):
                topic, content, follow = TOPICS[n % len(TOPICS)]
                rows.append(
                    Talk(
                        organisation=org,
                        held_on=month.start.replace(day=6 + 10 * k + COMMITTEE.index(talker)),
                        talker=people[talker],
                        talked_with=people[WITH[n % len(WITH)]],
                        topic=topic,
                        content=content,
                        follow_up=follow,
                    )
                )
                n += 1
    if today.day > 1:
        rows.append(
            Talk(
                organisation=org,
                held_on=today.replace(day=1),
                talker=people["张文华"],
                talked_with=people["刘丹"],
                topic="思想动态",
                content="交流本学期工作打算。",
            )
        )
    return rows


@demo.register("talks", order=47)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    people = {p.name: p for p in people_selectors.people_of(org)}
    if any(name not in people for name in COMMITTEE + WITH):
        return "跳过：演示学校人员不全"
    rows = Talk.objects.bulk_create(_talks(org, people, timezone.localdate()))
    return f"{org.name}：谈心谈话{len(rows)}次"
