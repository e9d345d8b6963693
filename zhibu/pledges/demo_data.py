"""Demo: the seed school's 亮身份、亮职责、亮承诺 (its 一.6), written through the services so every
pledge, 销号 and reopening is audited like any entry:

- the branch's pledges of the campaign's two school years (2021—2022, 2022—2023), each item carried
  by a committee member and closed by another one; "发展一名入党积极分子为发展对象" stays open past
  its deadline — the seed's own weakness (no member developed in two years);
- seven members' pledges for 2022—2023: most items closed on time, 孙宁's 包教 item closed late,
  王春华's left overdue, 刘丹's first closing reopened (evidence incomplete) and closed again with a
  PDF — the item page shows both closings and the reopening;
- the current school year (dated from today, as the other loaders do): the branch's pledge with
  one item closed, one overdue and one still running, and 刘丹's own pledge (the member login);
- the committee's and a member's 岗位职责, and one pledge of the next branch."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zhibu.core.models import Organisation, Person, User
from zhibu.core.registries import demo

from .models import Scope
from .services.closing import item_close, item_reopen
from .services.duties import duty_create
from .services.pledges import item_create, pledge_create, progress_add

SCHOOL, OTHER = "yucai", "school-14"
SECRETARY, COMMITTEE = "张文华", "于雪华"
EVIDENCE_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
# (title, starts, ends, [(content, due, responsible, closed on or None)])
BRANCH_PLEDGES = [
    ("2021—2022学年党支部公开承诺", date(2021, 9, 10), date(2022, 7, 15), [
        ("坚持“三会一课”，每月召开一次支委会", date(2022, 7, 10), "于雪华", date(2022, 7, 8)),
        ("每学期组织一次党员示范课或优质课评比", date(2022, 6, 30), "刘晓筱", date(2022, 6, 20)),
        ("走访慰问困难教职工和学生家庭，全年20人次以上", date(2022, 7, 15), "张文华", date(2022, 7, 12)),
    ]),
    ("2022—2023学年党支部公开承诺", date(2022, 9, 9), date(2023, 7, 15), [
        ("党员“包教”学困生，每名党员至少包教一名学生", date(2023, 6, 30), "刘晓筱", date(2023, 6, 28)),
        ("培养一名入党积极分子为发展对象", date(2023, 6, 30), "于雪华", None),
        ("开展献爱心捐款活动，帮助困难师生", date(2023, 7, 10), "张文华", date(2023, 6, 30)),
    ]),
]  # fmt: skip
MEMBER_SPAN = (date(2022, 9, 15), date(2023, 7, 10))
# name: identity (亮身份)
MEMBERS = {
    "张文华": "中共党员、党支部书记、校长",
    "于雪华": "中共党员、组织委员、政教主任",
    "刘晓筱": "中共党员、宣传委员、数学教师",
    "刘丹": "中共党员、初二语文教师、班主任",
    "苑蓉晖": "中共党员、初一语文教师",
    "王春华": "中共党员、英语教师",
    "孙宁": "中共党员、数学教师",
}
LESSON = ("上好一节党员示范课，课后集体评课", date(2023, 4, 30), date(2023, 4, 20))
MENTOR = ("包教一名学困生，学期末成绩明显提高", date(2023, 6, 30), date(2023, 6, 28))
LATE = {"孙宁": date(2023, 7, 5)}  # closed after the deadline
OVERDUE = {"王春华"}  # never closed
REOPENED = "刘丹"  # closed, reopened, closed again
DUTIES = [
    (
        Scope.BRANCH,
        None,
        "党支部",
        "贯彻落实上级党组织的决议；落实“三会一课”；抓好党员教育管理监督；做好党务公开。",
    ),
    (Scope.MEMBER, "张文华", "党支部书记", "主持支部全面工作，召集支委会和党员大会，抓班子带队伍。"),
    (Scope.MEMBER, "于雪华", "组织委员", "负责组织发展、党员教育管理、党费收缴和组织关系接转。"),
    (Scope.MEMBER, "刘晓筱", "宣传委员", "负责宣传教育、党务公开和党员学习安排。"),
    (Scope.MEMBER, "刘丹", "初二语文教师、班主任", "上好每一节课，包教学困生，带头参加志愿服务。"),
]


class _Closer:
    """Closes items with the verifier who is not the pledger: the secretary, else the committee."""

    def __init__(self, people: dict[str, Person], users: dict[str, User]):
        self.people, self.users = people, users

    def actor_for(self, item) -> User:
        return (
            self.users[COMMITTEE] if item.pledger_id == self.people[SECRETARY].pk else self.users[SECRETARY]
        )

    def close(self, item, day: date, evidence: str, **kwargs):
        item.refresh_from_db()
        return item_close(
            actor=self.actor_for(item),
            item=item,
            version=item.version,
            closed_on=day,
            evidence=evidence,
            **kwargs,
        )


def _branch_pledges(org, people, closer: _Closer, secretary: User) -> int:
    made = 0
    for title, starts, ends, items in BRANCH_PLEDGES:
        pledge = pledge_create(
            actor=secretary,
            organisation=org,
            scope=Scope.BRANCH,
            title=title,
            identity=org.name,
            starts_on=starts,
            ends_on=ends,
        )
        for content, due, who, closed in items:
            item = item_create(
                actor=secretary, pledge=pledge, content=content, due_on=due, responsible=people[who]
            )
            progress_add(
                actor=secretary,
                item=item,
                noted_on=starts + timedelta(days=60),
                text="已列入支部工作计划，按月推进。",
            )
            if closed:
                closer.close(item, closed, "已完成，见支部工作台账。")
        made += 1
    return made


def _member_pledges(org, people, closer: _Closer, secretary: User) -> int:
    for name, identity in MEMBERS.items():
        pledge = pledge_create(
            actor=secretary,
            organisation=org,
            scope=Scope.MEMBER,
            person=people[name],
            title="2022—2023学年党员公开承诺",
            identity=identity,
            starts_on=MEMBER_SPAN[0],
            ends_on=MEMBER_SPAN[1],
        )
        lesson = item_create(actor=secretary, pledge=pledge, content=LESSON[0], due_on=LESSON[1])
        closer.close(lesson, LESSON[2], "示范课已上，教研组评课记录在案。")
        mentor = item_create(actor=secretary, pledge=pledge, content=MENTOR[0], due_on=MENTOR[1])
        progress_add(
            actor=secretary, item=mentor, noted_on=date(2023, 3, 1), text="已确定包教学生，每周辅导两次。"
        )
        if name in OVERDUE:
            continue
        if name == REOPENED:
            closer.close(mentor, date(2023, 1, 10), "学生期中成绩有提高。")
            mentor.refresh_from_db()
            item_reopen(
                actor=closer.actor_for(mentor),
                item=mentor,
                version=mentor.version,
                reason="佐证材料不完整：缺少学期末成绩对比。",
                reopened_on=date(2023, 1, 15),
            )
            pdf = SimpleUploadedFile("成绩对比.pdf", EVIDENCE_PDF)
            closer.close(mentor, date(2023, 6, 25), "学期末成绩对比表已上传。", attachment=pdf)
            continue
        closer.close(mentor, LATE.get(name, MENTOR[2]), "包教学生期末成绩提高，包教手册已填写。")
    return len(MEMBERS)


def _current(org, people, closer: _Closer, secretary: User, today: date) -> int:
    """This school year, relative to today: one item closed, one overdue, one still running."""
    school_year = today.year if today.month >= 9 else today.year - 1
    starts = min(date(school_year, 9, 10), today - timedelta(days=60))
    ends = max(date(school_year + 1, 7, 15), today + timedelta(days=90))
    label = f"{school_year}—{school_year + 1}学年"
    branch = pledge_create(
        actor=secretary,
        organisation=org,
        scope=Scope.BRANCH,
        title=f"{label}党支部公开承诺",
        identity=org.name,
        starts_on=starts,
        ends_on=ends,
    )
    done = item_create(
        actor=secretary,
        pledge=branch,
        content="开学初完成党员公开承诺上墙公示",
        due_on=today - timedelta(days=40),
        responsible=people["刘晓筱"],
    )
    closer.close(done, today - timedelta(days=45), "承诺书已在党务公开栏公示。")
    late = item_create(
        actor=secretary,
        pledge=branch,
        content="走访慰问退休老党员，建立联系卡",
        due_on=today - timedelta(days=20),
        responsible=people["于雪华"],
    )
    progress_add(
        actor=secretary, item=late, noted_on=today - timedelta(days=30), text="已走访两位，尚余一位。"
    )
    item_create(
        actor=secretary,
        pledge=branch,
        content="组织党员志愿服务不少于四次",
        due_on=ends,
        responsible=people["张文华"],
    )
    own = pledge_create(
        actor=secretary,
        organisation=org,
        scope=Scope.MEMBER,
        person=people["刘丹"],
        title=f"{label}党员公开承诺",
        identity=MEMBERS["刘丹"],
        starts_on=starts,
        ends_on=ends,
    )
    first = item_create(
        actor=secretary, pledge=own, content="参加一次社区志愿服务", due_on=today - timedelta(days=10)
    )
    closer.close(first, today - timedelta(days=12), "已参加社区文明劝导志愿服务。")
    item_create(actor=secretary, pledge=own, content="撰写一篇教学反思并在教研组交流", due_on=ends)
    return 2


def _duties(org, people, secretary: User) -> None:
    for scope, name, post, content in DUTIES:
        duty_create(
            actor=secretary,
            organisation=org,
            scope=scope,
            person=people[name] if name else None,
            post=post,
            content=content,
            starts_on=date(2020, 9, 1),
        )


def _other_branch() -> None:
    org = Organisation.objects.filter(code=OTHER).first()
    actor = User.objects.filter(username="outsider").first()
    if org is None or actor is None:
        return
    pledge = pledge_create(
        actor=actor,
        organisation=org,
        scope=Scope.BRANCH,
        title="2022—2023学年党支部公开承诺",
        starts_on=date(2022, 9, 9),
        ends_on=date(2023, 7, 15),
    )
    item_create(actor=actor, pledge=pledge, content="每月召开一次支委会", due_on=date(2023, 7, 10))


@demo.register("pledges", order=50)
def load() -> str:
    school = Organisation.objects.filter(code=SCHOOL).first()
    users = {
        SECRETARY: User.objects.filter(username="secretary").first(),
        COMMITTEE: User.objects.filter(username="committee").first(),
    }
    if school is None or None in users.values():
        return "跳过：没有演示学校"
    people = {p.name: p for p in Person.objects.filter(organisation=school)}
    closer = _Closer(people, users)
    secretary = users[SECRETARY]
    made = _branch_pledges(school, people, closer, secretary)
    made += _member_pledges(school, people, closer, secretary)
    made += _current(school, people, closer, secretary, timezone.localdate())
    _duties(school, people, secretary)
    _other_branch()
    return f"{school.name}：公开承诺{made}份，岗位职责{len(DUTIES)}条"
