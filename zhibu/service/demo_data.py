"""Demo service ledger for the seed's school (育才学校), consistent with the seed over
2021-09-01..2023-07-31: 校园义务劳动5次 (种地、秋收、扫雪、洗大客车座套); 义务补课212次 ("200余次":
three weekly series a term for four terms, 204 sessions, and 8 single ones); 于雪华 leads the
XX义工群 (捐款助学、帮助贫困母亲、敬老院包饺子、锦江山公园捡白色垃圾); in May 2023, under
“四城联创、文明使者在行动”, 江边公园 once and the members' 小区 twice; school leaders paired with
two hardship households; the three committee members each linked to a class every term (one month
without contact, so the rule has something to say); the 阳光协作班 with 第十四中学 opened 2023-04-18.
Other branches get a little, and 刘丹 has a weekly series this term so 我的服务 is alive.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.registries import demo

from .models import (
    AssistancePair,
    AssistanceVisit,
    ContactKind,
    EventKind,
    Liaison,
    LiaisonClass,
    LiaisonContact,
    Participation,
    PartnerClass,
    PartnerSession,
    TutoringSeries,
    TutoringSession,
    VolunteerEvent,
    VolunteerGroup,
)

SCHOOL = "yucai"
CIVIC_CAMPAIGN = "四城联创、文明使者在行动"
LABOUR = [
    (date(2022, 4, 15), EventKind.PLANTING, "师生共同在校园菜地种地", 3),
    (date(2022, 10, 14), EventKind.HARVEST, "师生共同秋收", 3),
    (date(2022, 12, 2), EventKind.SNOW, "清扫校园积雪", 2),
    (date(2023, 3, 24), EventKind.BUS_COVERS, "清洗大客车座套", 2),
    (date(2023, 4, 21), EventKind.PLANTING, "春季校园菜地种地", 3),
]
GROUP_EVENTS = [
    (date(2022, 5, 20), "捐款助学", 25),
    (date(2022, 9, 10), "帮助贫困母亲", 18),
    (date(2023, 1, 15), "去敬老院为老人包饺子", 22),
    (date(2023, 4, 9), "去锦江山公园捡白色垃圾", 30),
]
CIVIC = [
    (date(2023, 5, 13), EventKind.PARK, "去江边公园收拾卫生", "江边公园"),
    (date(2023, 5, 20), EventKind.COMMUNITY, "清扫居住小区环境卫生", "党员居住小区"),
    (date(2023, 5, 27), EventKind.COMMUNITY, "清扫居住小区环境卫生", "党员居住小区"),
]
# (school year, season, [(tutor, weekday, subject)]): 17 weeks each, 4 terms × 3 = 204 sessions.
TUTORS = [
    (2021, "autumn", [("刘丹", 1, "语文"), ("苑蓉晖", 2, "数学"), ("王春华", 3, "英语")]),
    (2021, "spring", [("刘晓筱", 1, "数学"), ("孙宁", 2, "物理"), ("赵丽娟", 4, "语文")]),
    (2022, "autumn", [("刘丹", 1, "语文"), ("苑蓉晖", 2, "数学"), ("周敏", 3, "英语")]),
    (2022, "spring", [("刘晓筱", 1, "数学"), ("陈晓明", 2, "化学"), ("吴静", 4, "英语")]),
]
WEEKS = 17
SINGLE = [
    (date(2022, 1, 6), "马丽", "历史"),
    (date(2022, 1, 7), "高峰", "数学"),
    (date(2022, 6, 28), "李建国", "物理"),
    (date(2022, 6, 29), "周敏", "英语"),
    (date(2023, 1, 5), "王春华", "英语"),
    (date(2023, 1, 6), "孙宁", "物理"),
    (date(2023, 6, 27), "赵丽娟", "语文"),
    (date(2023, 6, 28), "刘丹", "语文"),
]
PAIRS = [
    ("张文华", "城区低保户王某家庭", "母亲久病卧床，孩子上初中", date(2021, 10, 1)),
    ("于雪华", "单亲困难家庭李某", "父亲下岗，独自抚养两个孩子", date(2021, 10, 1)),
]
VISITS = [
    (date(2021, 12, 28), "元旦前入户慰问，送米面油", Decimal("300.00")),
    (date(2022, 4, 30), "探望慰问，了解孩子学习情况", Decimal("0")),
    (date(2022, 9, 8), "开学前送学习用品", Decimal("200.00")),
    (date(2023, 1, 16), "春节前入户慰问", Decimal("300.00")),
]
CLASSES = [("七年级一班", "张文华"), ("八年级一班", "于雪华"), ("九年级一班", "刘晓筱")]
NO_CONTACT = ("刘晓筱", date(2022, 12, 1))  # one month without contact: the rule's finding
PARTNER = ("“文明使者在行动 文明礼仪伴我行”阳光协作班", "XX市第十四中学", date(2023, 4, 18))
PARTNER_NOTE = "市精神文明办、教育体育局、德育处等领导以及部分学校的学生处主任到会。"
PARTNER_SESSIONS = [
    (date(2023, 5, 9), "文明礼仪专题课", 32),
    (date(2023, 5, 30), "心理健康团体辅导", 28),
    (date(2023, 6, 20), "法制教育讲座", 35),
]


def _event(org, day, kind, title, people, hours, **fields) -> VolunteerEvent:
    event = VolunteerEvent.objects.create(organisation=org, held_on=day, kind=kind, title=title, **fields)
    Participation.objects.bulk_create(
        Participation(event=event, organisation=org, person=p, hours=Decimal(hours)) for p in people
    )
    return event


def _volunteering(org, members: list[Person], staff: list[Person], by_name) -> None:
    for i, (day, kind, title, hours) in enumerate(LABOUR):
        people = members[i % 3 :: 2] + staff[i % 2 :: 3]
        _event(org, day, kind, title, people, hours, place="校园")
    leader = by_name["于雪华"]
    group = VolunteerGroup.objects.create(
        organisation=org,
        name="XX义工群",
        leader=leader,
        founded_on=date(2019, 3, 5),
        description="于雪华组织社会爱心人士开展义务服务的义工群。",
    )
    for day, title, outside in GROUP_EVENTS:
        _event(
            org,
            day,
            EventKind.CHARITY,
            title,
            [leader, *[m for m in members if m != leader][4:6]],
            4,
            group=group,
            outside_helpers=outside,
        )
    for day, kind, title, place in CIVIC:
        _event(org, day, kind, title, members[:8], 2, place=place, campaign=CIVIC_CAMPAIGN)


def _series(org, tutor, weekday, subject, first: date, weeks: int, until: date) -> int:
    start = first + timedelta(days=(weekday - first.weekday()) % 7)
    days = [d for d in (start + timedelta(weeks=w) for w in range(weeks)) if d <= until]
    if not days:
        return 0
    series = TutoringSeries.objects.create(
        organisation=org,
        tutor=tutor,
        subject=subject,
        students=3,
        minutes=45,
        weekday=weekday,
        starts_on=first,
        ends_on=start + timedelta(weeks=weeks - 1),
        written_until=days[-1],
    )
    TutoringSession.objects.bulk_create(
        TutoringSession(
            organisation=org, tutor=tutor, held_on=d, subject=subject, students=3, minutes=45, series=series
        )
        for d in days
    )
    return len(days)


def _tutoring(org, by_name, today: date) -> int:
    n = 0
    for year, season, tutors in TUTORS:
        first = Period.term(year, season).start + timedelta(days=14)  # from the third week
        for name, weekday, subject in tutors:
            n += _series(org, by_name[name], weekday, subject, first, WEEKS, today)
    TutoringSession.objects.bulk_create(
        TutoringSession(
            organisation=org, tutor=by_name[name], held_on=day, subject=subject, students=2, minutes=60
        )
        for day, name, subject in SINGLE
    )
    if today >= date(2026, 9, 14):  # this term: 刘丹's weekly session up to today
        n += _series(org, by_name["刘丹"], 1, "语文", date(2026, 9, 14), 18, today)
    return n + len(SINGLE)


def _assistance(org, by_name) -> None:
    for name, household, hardship, started in PAIRS:
        pair = AssistancePair.objects.create(
            organisation=org, helper=by_name[name], household=household, hardship=hardship, started_on=started
        )
        AssistanceVisit.objects.bulk_create(
            AssistanceVisit(organisation=org, pair=pair, visited_on=day, help_given=text, money=money)
            for day, text, money in VISITS
        )


def _school_months(term: Period) -> list[date]:
    return [m.start for m in term.months() if m.start.month not in (2, 8)]


def _liaison(org, by_name) -> None:
    terms = list(Period.span(date(2021, 9, 1), date(2023, 7, 31)).terms())
    contacts = []
    for class_name, name in CLASSES:
        school_class = LiaisonClass.objects.create(organisation=org, name=class_name)
        for term in terms:
            liaison = Liaison.objects.create(
                organisation=org, person=by_name[name], school_class=school_class, term_start=term.start
            )
            for month in _school_months(term):
                if (name, month) == NO_CONTACT:
                    continue
                contacts.append(
                    LiaisonContact(
                        organisation=org,
                        liaison=liaison,
                        contacted_on=month.replace(day=10),
                        kind=ContactKind.HEAD_TEACHER,
                        content="与班主任交流班级管理和问题学生转化情况",
                    )
                )
                contacts.append(
                    LiaisonContact(
                        organisation=org,
                        liaison=liaison,
                        contacted_on=month.replace(day=20),
                        kind=ContactKind.STUDENTS,
                        content="深入班级与学生谈话",
                    )
                )
    LiaisonContact.objects.bulk_create(contacts)


def _partner(org) -> None:
    name, school, opened = PARTNER
    partner = PartnerClass.objects.create(
        organisation=org, name=name, partner_school=school, opened_on=opened, note=PARTNER_NOTE
    )
    PartnerSession.objects.bulk_create(
        PartnerSession(organisation=org, partner=partner, held_on=day, content=text, students=n)
        for day, text, n in PARTNER_SESSIONS
    )


def _other_branches(today: date) -> None:
    for org in Organisation.objects.filter(kind="branch").exclude(code=SCHOOL).order_by("path"):
        people = list(Person.objects.filter(organisation=org).order_by("pk"))
        if not people:
            continue
        _event(org, date(2022, 11, 25), EventKind.SNOW, "清扫校园积雪", people[:3], 2, place="校园")
        TutoringSession.objects.bulk_create(
            TutoringSession(
                organisation=org,
                tutor=people[i % len(people)],
                held_on=day,
                subject="数学",
                students=2,
                minutes=40,
            )
            for i, day in enumerate([date(2022, 10, 11), date(2022, 11, 8), date(2023, 3, 14)])
        )


@demo.register("service", order=45)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    today = timezone.localdate()
    by_name = {p.name: p for p in Person.objects.filter(organisation=org)}
    members = [p for p in by_name.values() if p.party_status == "full" and not p.is_retired]
    members.sort(key=lambda p: p.pk)
    staff = sorted((p for p in by_name.values() if p.party_status == "none"), key=lambda p: p.pk)
    _volunteering(org, members, staff, by_name)
    tutoring = _tutoring(org, by_name, today)
    _assistance(org, by_name)
    _liaison(org, by_name)
    _partner(org)
    _other_branches(today)
    return f"{org.name}：志愿服务{len(LABOUR) + len(GROUP_EVENTS) + len(CIVIC)}次，义务补课{tutoring}次"
