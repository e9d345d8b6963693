"""The demo school's 党务公开栏: in the seed's two years (2021-09..2023-07) the 2022 and 2023 work
plans, the 2022 优秀共产党员 公示 with one objection answered in time and the 2023 落实情况; and
now, on the public board (/public/yucai/), this year's published plan, an open 公示 with one
objection answered, and a draft that the board never shows. Another branch has a draft of its own,
which must stay hidden too."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.registries import demo

from .models import Kind, Notice, Objection, Status

SCHOOL = "yucai"
PLAN_BODY = (
    "一、加强理论学习。坚持“三会一课”制度，每月开展一次主题党日活动。\n"
    "二、抓好党员教育管理。落实党员亮身份、亮职责、亮承诺，组织党员参加志愿服务。\n"
    "三、推进党务公开。工作计划、工作部署及落实情况及时在党务公开栏公布，接受群众监督。"
)
CANDIDATES = (
    "经党员推荐、支委会研究，拟推荐以下同志为优秀共产党员：\n刘晓筱（支部组织委员）\n于雪华（支部宣传委员）"
)


def _notice(org, kind, title, body, start, end, *, status=Status.PUBLISHED) -> Notice:
    return Notice.objects.create(
        organisation=org,
        kind=kind,
        title=title,
        body=body,
        status=status,
        publish_from=start,
        publish_until=end,
        published_on=start if status == Status.PUBLISHED else None,
    )


def _objection(notice: Notice, received: date, answered: date) -> Objection:
    return Objection.objects.create(
        organisation=notice.organisation,
        notice=notice,
        name="王老师",
        contact="学校办公室转",
        text="建议在公示中写明推荐人选的主要事迹。",
        received_on=received,
        answer="感谢您的意见。两位同志的主要事迹已在支部党员大会上宣读，并补充在本公示附件中。",
        answered_on=answered,
    )


def _seed_years(org) -> int:
    _notice(org, Kind.PLAN, "育才学校党支部2022年工作计划", PLAN_BODY, date(2022, 2, 21), date(2022, 12, 31))
    notice = _notice(
        org, Kind.NOTICE, "2022年度优秀共产党员推荐人选公示", CANDIDATES, date(2022, 6, 20), date(2022, 6, 26)
    )
    _objection(notice, date(2022, 6, 21), date(2022, 6, 23))
    _notice(org, Kind.PLAN, "育才学校党支部2023年工作计划", PLAN_BODY, date(2023, 2, 20), date(2023, 12, 31))
    _notice(
        org,
        Kind.IMPLEMENTATION,
        "2023年上半年党建工作落实情况",
        "上半年召开支部党员大会3次、支委会6次，讲党课2次；组织党员志愿服务4次；"
        "走访慰问困难教职工和退休老同志20多人次。",
        date(2023, 7, 10),
        date(2023, 12, 31),
    )
    return 4


def _now(org, today: date) -> int:
    year = today.year
    _notice(
        org, Kind.PLAN, f"育才学校党支部{year}年工作计划", PLAN_BODY, date(year, 1, 1), date(year, 12, 31)
    )
    notice = _notice(
        org,
        Kind.NOTICE,
        f"{year}年度优秀共产党员推荐人选公示",
        CANDIDATES,
        today - timedelta(days=2),
        today + timedelta(days=5),
    )
    _objection(notice, today - timedelta(days=1), today)
    _notice(
        org,
        Kind.DEPLOYMENT,
        "下半年主题党日活动安排（草稿）",
        "拟于每月第一周周五下午开展主题党日活动，具体安排待支委会研究。",
        None,
        None,
        status=Status.DRAFT,
    )
    return 3


@demo.register("disclosure", order=65)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    made = _seed_years(org) + _now(org, timezone.localdate())
    other = Organisation.objects.filter(code="school-14").first()
    if other is not None:
        _notice(
            other, Kind.PLAN, "第十四中学党支部工作计划（草稿）", PLAN_BODY, None, None, status=Status.DRAFT
        )
    return f"{org.name}：党务公开事项{made}项（其中草稿1项）"
