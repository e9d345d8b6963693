"""Demo: 育才学校's 包教 as the seed describes it — each of the 14 serving members mentors one
student, 2021-09..2023-07 and again in the current school year, about two logs a month, a monthly
check by the secretary with two deliberate gaps, a few students turned around, two who left in
2022. 刘丹 (the demo `member` account) has a case in both years. Every student name is invented."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from zhibu.core.models import Organisation, Person, User
from zhibu.core.periods import Period
from zhibu.core.registries import demo
from zhibu.people.demo_data import SEED_SCHOOL

from .models import (
    CaseReview,
    MentoringCase,
    MentoringLog,
    MentoringSettings,
    Outcome,
    Student,
    StudentKind,
)
from .services import pseudonym_for

MENTORS = [
    "刘丹",
    "张文华",
    "苑蓉晖",
    "于雪华",
    "王春华",
    "刘晓筱",
    "孙宁",
    "李建国",
    "赵丽娟",
    "陈晓明",
    "周敏",
    "高峰",
    "吴静",
    "马丽",
]
COHORT_2021 = [
    ("王小川", "M"),
    ("李思琪", "F"),
    ("赵一鸣", "M"),
    ("陈可欣", "F"),
    ("孙浩然", "M"),
    ("周雨桐", "F"),
    ("吴子轩", "M"),
    ("郑欣怡", "F"),
    ("冯宇航", "M"),
    ("褚梓涵", "F"),
    ("卫俊杰", "M"),
    ("蒋诗雨", "F"),
    ("沈天佑", "M"),
    ("韩梦瑶", "F"),
]
COHORT_NOW = [
    ("杨乐乐", "M"),
    ("朱晓萌", "F"),
    ("秦子墨", "M"),
    ("尤佳怡", "F"),
    ("许星辰", "M"),
    ("何语嫣", "F"),
    ("吕嘉豪", "M"),
    ("施若曦", "F"),
    ("张一航", "M"),
    ("孔安琪", "F"),
    ("曹博文", "M"),
    ("严静怡", "F"),
    ("华明哲", "M"),
    ("金悦然", "F"),
]
CLASSES = ["七年级一班", "七年级二班", "七年级三班", "八年级一班", "八年级二班", "八年级三班"]
PLANS = {
    "thinking": "每两周谈心一次，帮助{n}树立正确的是非观，引导其参加班级集体活动，增强集体荣誉感。",
    "study": "每周利用课后时间辅导数学和语文各一次，与各科老师沟通作业完成情况，帮助养成按时完成作业的习惯。",
    "life": "关注作息和饮食，了解家庭情况，每学期家访一次，与家长商定在家学习时间。",
    "psychology": "留意情绪变化，发现冲动、退缩等情况及时疏导，必要时请心理老师介入。",
}
LOGS = {
    "thinking": [
        ("课间与{n}谈心，讨论与同学发生矛盾的原因。", "能主动承认自己说话太冲，答应向同学道歉。"),
        ("组织{n}参加班级升旗仪式的护旗任务。", "很重视，提前到校，表现认真。"),
    ],
    "study": [
        ("放学后辅导数学作业四十分钟，讲解一元一次方程。", "能独立完成课后练习，正确率比上周提高。"),
        ("检查本周各科作业完成情况，与语文老师沟通。", "作业基本按时上交，字迹比以前工整。"),
        ("帮助制定期中复习计划，每天记录完成情况。", "前三天完成较好，周末有松懈。"),
    ],
    "life": [
        ("电话联系家长，了解{n}在家作息情况。", "家长反映晚上玩手机时间减少。"),
        ("家访一次，与家长商定周末学习安排。", "家长很配合，家庭关系有所缓和。"),
    ],
    "psychology": [
        ("{n}因考试失利情绪低落，课后陪同散步谈心。", "情绪逐渐平复，愿意把想法说出来。"),
        ("观察课堂表现，发现上课走神次数减少。", "注意力比上月集中，能举手回答问题。"),
    ],
}
TURNED = {1: date(2022, 6, 20), 4: date(2023, 1, 10), 7: date(2023, 6, 28), 10: date(2023, 6, 30)}
LEFT_2022 = {5: date(2022, 3, 15), 12: date(2022, 9, 5)}
# Deliberate gaps for the findings: months whose review (or log) the branch skipped.
REVIEW_GAPS = {(2, date(2022, 11, 1)), (9, date(2023, 4, 1))}
LOG_GAPS = {(3, date(2022, 5, 1))}


def _school_months(start: date, end: date) -> list[Period]:
    return [m for m in Period.span(start, end).months() if Period.term_of(m.start) is not None]


def _students(org: Organisation, rows, enrolled: date, left: date | None, first_seq: int) -> list[Student]:
    made = []
    for i, (name, gender) in enumerate(rows):
        seq = first_seq + i
        leaving = LEFT_2022.get(i, left) if left else None
        made.append(
            Student(
                organisation=org,
                sequence=seq,
                pseudonym=pseudonym_for(seq),
                name=name,
                class_name=CLASSES[i % len(CLASSES)],
                gender=gender,
                birth_year=enrolled.year - 12,
                enrolled_on=enrolled,
                left_on=leaving,
            )
        )
    Student.objects.bulk_create(made)
    return list(Student.objects.filter(organisation=org, sequence__gte=first_seq).order_by("sequence"))


def _given(name: str) -> str:
    return name[1:]


def _case(org, student, mentor, start: date, end: date | None, outcome: str, outcome_on: date | None):
    n = _given(student.name)
    evidence = (
        f"期末各科成绩均有提高，纪律明显好转，班主任和家长认可{n}的转变。"
        if outcome == Outcome.TURNED
        else ""
    )
    return MentoringCase.objects.create(
        organisation=org,
        student=student,
        mentor=mentor,
        started_on=start,
        ended_on=end,
        **{f"plan_{k}": v.format(n=n) for k, v in PLANS.items()},
        outcome=outcome,
        outcome_on=outcome_on,
        outcome_evidence=evidence,
        student_kind=StudentKind.PROBLEM,
    )


def _logs(rng, case, months, until: date, users: dict[int, User], skip: set) -> list[MentoringLog]:
    logs = []
    dims = list(LOGS)
    n = _given(case.student.name)
    for month in months:
        if (case.pk, month.start) in skip:
            continue
        for day in (rng.randint(3, 12), rng.randint(15, 26)):
            on = month.start.replace(day=day)
            if on < case.started_on or on > until or (case.ended_on and on > case.ended_on):
                continue
            dim = dims[(day + month.start.month) % len(dims)]
            text, obs = rng.choice(LOGS[dim])
            logs.append(
                MentoringLog(
                    case=case,
                    organisation=case.organisation,
                    on=on,
                    dimension=dim,
                    text=text.format(n=n),
                    observation=obs,
                    author=users.get(case.mentor_id),
                )
            )
    return logs


def _reviews(case, months, today: date, reviewer: User, skip: set) -> list[CaseReview]:
    rows = []
    for month in months:
        done = month.end < today and month.start >= case.started_on.replace(day=1)
        if not done or (case.ended_on and month.start > case.ended_on) or (case.pk, month.start) in skip:
            continue
        rows.append(
            CaseReview(
                case=case,
                organisation=case.organisation,
                month=month.start,
                reviewer=reviewer,
                remark="记录及时，措施具体。" if month.start.month % 3 else "建议增加家校沟通的记录。",
            )
        )
    return rows


@demo.register("mentoring", order=40)
def load() -> str:
    org = Organisation.objects.get(code=SEED_SCHOOL)
    rng = random.Random(40)  # noqa: S311 - demo text only
    today = timezone.localdate()
    MentoringSettings.objects.create(organisation=org)
    people = {p.name: p for p in Person.objects.filter(organisation=org, name__in=MENTORS)}
    mentors = [people[name] for name in MENTORS]
    users = {u.person_id: u for u in User.objects.filter(person__in=mentors)}
    secretary = User.objects.get(username="secretary")

    old = _students(org, COHORT_2021, date(2021, 9, 1), date(2023, 7, 10), 1)
    school_year = today.year if today.month >= 9 else today.year - 1
    new = _students(org, COHORT_NOW, date(school_year, 9, 1), None, len(old) + 1)
    logs, reviews = [], []
    old_months = _school_months(date(2021, 9, 1), date(2023, 7, 31))
    for i, (student, mentor) in enumerate(zip(old, mentors, strict=True)):
        end = LEFT_2022.get(i, date(2023, 7, 10))
        outcome = (
            Outcome.TURNED if i in TURNED else (Outcome.NOT_TURNED if i in LEFT_2022 else Outcome.IMPROVED)
        )
        case = _case(org, student, mentor, date(2021, 9, 6), end, outcome, TURNED.get(i))
        log_skip = {(case.pk, m) for idx, m in LOG_GAPS if idx == i}
        review_skip = {(case.pk, m) for idx, m in REVIEW_GAPS if idx == i}
        logs += _logs(rng, case, old_months, today, users, log_skip)
        reviews += _reviews(case, old_months, today, secretary, review_skip)
    start = date(school_year, 9, 1) + timedelta(days=(7 - date(school_year, 9, 1).weekday()) % 7)
    new_months = _school_months(start, today)
    for student, mentor in zip(new, mentors, strict=True):
        case = _case(org, student, mentor, min(start, today), None, Outcome.ONGOING, None)
        logs += _logs(rng, case, new_months, today, users, set())
        reviews += _reviews(case, new_months, today, secretary, set())
    MentoringLog.objects.bulk_create(logs)
    CaseReview.objects.bulk_create(reviews)
    return f"{org.name}：包教学生{len(old) + len(new)}人，记录{len(logs)}条，月度检查{len(reviews)}次"
