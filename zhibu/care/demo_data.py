"""Demo care ledger for the seed's school (育才学校), consistent with the seed over 2021-09-01..
2023-07-31: 走访慰问 23 and 24 人次 in its two school years ("每年走访慰问都达20多人次"), the two
student families visited at the end of 2022 with the bureau's 崔主任 and 二十中学's leaders, the
office's monthly 问寒问暖 calls to the three retired teachers (one August call missed, so the rule
has something to show), and the two drives for 万福业 and 卢老师's grandson: 3350.00元 from staff
("捐款3000多元") and 11100.00元 raised outside through 于雪华's appeal ("筹措资金1万多元").
The 2025—2026 school year gets visits and calls too; the other branches a little of each."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import demo
from zhibu.people import selectors as people_selectors

from .models import CareVisit, Donation, DonationDrive, RetireeCall, VisitCategory

SCHOOL = "yucai"
SEED_START, SEED_END = date(2021, 9, 1), date(2023, 7, 31)
C = VisitCategory
RETIREES = ("万福业", "卢振东", "孟淑琴")
HOLIDAY_GOODS = "米、面、油"
# (day, category, person on the roster or None, name otherwise, headcount, goods, money, visitors)
VISITS = [
    (date(2021, 9, 10), C.RETIRED, RETIREES, "", 1, "月饼、水果", "300", ["张文华"]),
    (
        date(2021, 10, 14),
        C.ELDERLY_HOME,
        None,
        "市中心敬老院老人",
        6,
        "包饺子、水果",
        "0",
        ["于雪华", "刘丹"],
    ),
    (date(2021, 11, 22), C.SICK_STAFF, "陈晓明", "", 1, "水果、营养品", "500", ["张文华", "刘晓筱"]),
    (date(2021, 12, 20), C.SICK_FAMILY, None, "孙宁的父亲（住院）", 1, "营养品", "300", ["于雪华"]),
    (date(2022, 1, 25), C.HARDSHIP_STAFF, ("丁一凡", "罗刚"), "", 1, HOLIDAY_GOODS, "500", ["张文华"]),
    (date(2022, 1, 26), C.RETIRED, RETIREES, "", 1, HOLIDAY_GOODS, "500", ["张文华", "于雪华"]),
    (
        date(2022, 1, 27),
        C.COMMUNITY,
        None,
        ("社区困难群众（一）", "社区困难群众（二）"),
        1,
        HOLIDAY_GOODS,
        "300",
        ["张文华"],
    ),
    (date(2022, 4, 12), C.SICK_STAFF, "周敏", "", 1, "水果", "300", ["刘晓筱"]),
    (
        date(2022, 5, 30),
        C.STUDENT_FAMILY,
        None,
        ("学生家庭（甲）", "学生家庭（乙）"),
        1,
        "学习用品",
        "200",
        ["刘晓筱", "苑蓉晖"],
    ),
    (date(2022, 6, 20), C.HARDSHIP_STAFF, "叶青", "", 1, "生活用品", "300", ["于雪华"]),
    (date(2022, 7, 5), C.SICK_FAMILY, None, "高峰的母亲（住院）", 1, "营养品", "300", ["张文华"]),
    # 2022—2023
    (date(2022, 9, 9), C.RETIRED, RETIREES, "", 1, "月饼、水果", "300", ["张文华"]),
    (date(2022, 10, 4), C.ELDERLY_HOME, None, "市中心敬老院老人", 5, "包饺子、水果", "0", ["于雪华", "孙宁"]),
    (date(2022, 11, 15), C.SICK_STAFF, "李建国", "", 1, "水果、营养品", "500", ["张文华", "于雪华"]),
    (
        date(2022, 12, 28),
        C.STUDENT_FAMILY,
        None,
        ("学生家庭（丙）", "学生家庭（丁）"),
        1,
        "学习用品和生活慰问品",
        "300",
        ["张文华"],
    ),
    (date(2023, 1, 16), C.RETIRED, RETIREES, "", 1, HOLIDAY_GOODS, "500", ["张文华", "于雪华"]),
    (date(2023, 1, 16), C.HARDSHIP_STAFF, ("丁一凡", "罗刚"), "", 1, HOLIDAY_GOODS, "500", ["张文华"]),
    (
        date(2023, 1, 17),
        C.COMMUNITY,
        None,
        ("社区困难群众（一）", "社区困难群众（二）"),
        1,
        HOLIDAY_GOODS,
        "300",
        ["张文华"],
    ),
    (date(2023, 3, 8), C.SICK_FAMILY, None, "赵丽娟的丈夫（住院）", 1, "水果", "300", ["刘晓筱"]),
    (date(2023, 4, 18), C.SICK_STAFF, "吴静", "", 1, "水果", "300", ["于雪华"]),
    (date(2023, 5, 31), C.STUDENT_FAMILY, None, "学生家庭（戊）", 1, "学习用品", "200", ["刘丹"]),
    (date(2023, 6, 15), C.SICK_FAMILY, None, "卢振东老师的孙子（烫伤住院）", 1, "营养品", "1000", ["张文华"]),
    (date(2023, 6, 28), C.HARDSHIP_STAFF, "石磊", "", 1, "生活用品", "300", ["于雪华"]),
    (date(2023, 7, 10), C.SICK_STAFF, "马丽", "", 1, "水果", "300", ["刘晓筱"]),
    # this school year
    (date(2025, 9, 10), C.RETIRED, RETIREES, "", 1, "月饼、水果", "300", ["张文华"]),
    (date(2025, 10, 29), C.ELDERLY_HOME, None, "市中心敬老院老人", 5, "包饺子", "0", ["于雪华"]),
    (date(2026, 2, 10), C.RETIRED, RETIREES, "", 1, HOLIDAY_GOODS, "500", ["张文华", "于雪华"]),
    (date(2026, 10, 20), C.SICK_STAFF, "高峰", "", 1, "水果", "300", ["刘晓筱"]),
]
STUDENT_NOTE = "与家长交流了学校教育教学情况，听取家长对学校工作的意见和建议。"
CUI = "教育体育局生教办崔主任、二十中学领导班子和班主任"
MISSED_CALLS = {("孟淑琴", date(2022, 8, 1)), ("卢振东", date(2026, 8, 1))}
RAISED = {1: "春节前问候，身体尚好", 5: "询问退休人员体检安排", 10: "重阳节活动希望安排车辆接送"}
STAFF_GIVERS = (["丁一凡", "于洋", "方红梅", "石磊", "叶青"], ["石磊", "田甜", "白雪", "许可"])
DRIVES = [
    (
        "为久病退休教师万福业老师献爱心捐款",
        "退休教师万福业",
        date(2022, 11, 14),
        date(2022, 11, 30),
        "4800.00",
    ),
    (
        "为卢振东老师孙子烫伤二次植皮手术捐款",
        "退休教师卢振东",
        date(2023, 6, 12),
        date(2023, 6, 30),
        "6300.00",
    ),
]


def _visits(org: Organisation, people: dict, today: date) -> int:
    made = 0
    for day, category, who, name, headcount, goods, money, visitors in VISITS:
        if day > today:
            continue
        for one_person in who if isinstance(who, tuple) else (who,):
            for one_name in name if isinstance(name, tuple) else (name,):
                student = category == C.STUDENT_FAMILY
                visit = CareVisit.objects.create(
                    organisation=org,
                    category=category,
                    visited_on=day,
                    person=people.get(one_person) if one_person else None,
                    visited_name="" if one_person else one_name,
                    headcount=headcount,
                    other_visitors=CUI if day == date(2022, 12, 28) else "",
                    goods=goods,
                    money=Decimal(money),
                    notes=STUDENT_NOTE if student else "",
                )
                visit.visitors.set([people[v] for v in visitors])
                made += 1
    return made


def _calls(org: Organisation, people: dict, today: date) -> int:
    retirees = [people[n] for n in RETIREES if n in people]
    caller = people.get("何静")
    months = [m for m in Period.span(SEED_START, SEED_END).months()]
    months += [m for m in Period.span(date(2025, 9, 1), today).months() if m.start.replace(day=6) <= today]
    RetireeCall.objects.bulk_create(
        RetireeCall(
            organisation=org,
            month=m.start,
            retiree=p,
            caller=caller,
            called_on=m.start.replace(day=6),
            raised=RAISED.get(m.start.month, "") if p.name == "万福业" else "",
        )
        for m in months
        for p in retirees
        if (p.name, m.start) not in MISSED_CALLS
    )
    return len(months) * len(retirees) - len(MISSED_CALLS)


def _donations(org: Organisation, people: dict, members: list) -> None:
    for (purpose, beneficiary, start, end, outside), staff in zip(DRIVES, STAFF_GIVERS, strict=True):
        drive = DonationDrive.objects.create(
            organisation=org, purpose=purpose, beneficiary=beneficiary, started_on=start, ended_on=end
        )
        gifts = [(p, Decimal("100.00")) for p in members] + [(people[n], Decimal("50.00")) for n in staff]
        if start.year == 2022:  # the secretary gave 100 more the first time
            gifts.append((people["张文华"], Decimal("100.00")))
        Donation.objects.bulk_create(
            Donation(organisation=org, drive=drive, donor=p, given_on=start, amount=amount)
            for p, amount in gifts
        )
        Donation.objects.create(
            organisation=org,
            drive=drive,
            donor_name="丹报读者及社会爱心人士",
            appeal_by=people["于雪华"],
            given_on=end,
            amount=Decimal(outside),
        )
        if start.year == 2023:
            Donation.objects.create(
                organisation=org, drive=drive, donor_name="爱心药店", given_on=end, in_kind="烫伤药品一批"
            )


def _other_branches(today: date) -> None:
    for code, day, name in [
        ("school-14", date(2023, 1, 12), "困难教职工家庭"),
        ("school-20", date(2022, 9, 8), "退休教师"),
    ]:
        org = Organisation.objects.filter(code=code).first()
        if org is None:
            continue
        CareVisit.objects.create(
            organisation=org,
            category=C.HARDSHIP_STAFF,
            visited_on=day,
            visited_name=name,
            goods=HOLIDAY_GOODS,
            money=Decimal("400.00"),
        )
        drive = DonationDrive.objects.create(
            organisation=org, purpose="为患病教师捐款", beneficiary=name, started_on=day
        )
        people = list(people_selectors.people_of(org).order_by("pk")[:3])
        Donation.objects.bulk_create(
            Donation(organisation=org, drive=drive, donor=p, given_on=day, amount=Decimal("200.00"))
            for p in people
        )


@demo.register("care", order=35)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    today = timezone.localdate()
    people = {p.name: p for p in people_selectors.people_of(org)}
    members = [
        p for p in people_selectors.members_on(org, SEED_END) if p.is_staff_member and not p.is_retired
    ]
    visits = _visits(org, people, today)
    calls = _calls(org, people, today)
    _donations(org, people, members)
    _other_branches(today)
    return f"{org.name}：走访慰问{visits}次，问寒问暖电话{calls}次，捐款活动{len(DRIVES)}次"
