"""Demo study ledger for the seed's school (育才学校), consistent with the seed's own counts:
over 2021-09-01..2023-07-31 讲党课学习党史6次, 学习先进人物事迹报告8次, 布置自学5次, 民主座谈会3次;
14 members reading 2 books a term (three deliberate shortfalls); monthly notes checked monthly by
the office (何静), with two months missed. Officers also attend the 中心理论组's monthly 集中辅导.
The 2025—2026 school year and this term get rows too, so the dashboard and 我的学习 are alive.

Sessions link to the meetings demo's 党课 and 座谈会 when that loader ran first; otherwise they are
recorded standalone, so the counts hold either way.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period
from zhibu.core.registries import demo

from . import selectors
from .models import (
    NoteCheck,
    ReadingRecord,
    SelfStudyDone,
    SelfStudyTask,
    StudyAttendance,
    StudyForm,
    StudyNote,
    StudySession,
)

if TYPE_CHECKING:
    from zhibu.meetings.models import Meeting

SCHOOL = "yucai"
SEED_START, SEED_END = date(2021, 9, 1), date(2023, 7, 31)

PARTY_HISTORY = [
    (date(2021, 10, 14), "党史专题党课：中国共产党的创建", "张文华"),
    (date(2022, 3, 17), "党史专题党课：井冈山精神", "于雪华"),
    (date(2022, 6, 23), "党史专题党课：伟大的长征精神", "刘晓筱"),
    (date(2022, 11, 10), "党史专题党课：延安精神", "张文华"),
    (date(2023, 3, 16), "党史专题党课：西柏坡精神", "于雪华"),
    (date(2023, 6, 29), "党史专题党课：改革开放史", "张文华"),
]
EXEMPLARS = [
    (date(2021, 11, 18), "学习郭明义同志先进事迹报告"),
    (date(2021, 12, 16), "学习郭春亮同志先进事迹报告"),
    (date(2022, 4, 21), "学习全国道德模范事迹报告"),
    (date(2022, 5, 19), "学习“双百”人物先进事迹"),
    (date(2022, 9, 22), "学习张桂梅同志先进事迹"),
    (date(2022, 12, 15), "学习“时代楷模”先进事迹报告"),
    (date(2023, 4, 20), "学习黄大年同志先进事迹"),
    (date(2023, 5, 18), "学习“最美教师”事迹报告"),
]
FORUMS = [
    (date(2022, 1, 13), "民主座谈会：创先争优活动中的学习体会"),
    (date(2022, 7, 7), "民主座谈会：学案导学课堂教学改革中的党员作用"),
    (date(2023, 7, 6), "民主座谈会：两年创先争优活动回顾与反思"),
]
TASKS = [
    (date(2021, 10, 8), date(2021, 10, 31), "自学《中国共产党章程》", "党章全文，重点学习党员的义务和权利"),
    (date(2022, 2, 20), date(2022, 3, 20), "自学《关于新形势下党内政治生活的若干准则》", "准则全文"),
    (date(2022, 9, 5), date(2022, 9, 30), "自学《中小学教师职业道德规范》", "结合师德师风自查"),
    (date(2023, 2, 15), date(2023, 3, 15), "自学《中国共产党纪律处分条例》", "重点章节：廉洁纪律"),
    (date(2023, 5, 10), date(2023, 5, 31), "自学党史学习教育读本第三章", "社会主义革命和建设时期"),
]
CURRENT_TASK = (date(2026, 11, 10), date(2026, 12, 10), "自学党的二十届四中全会精神", "全会公报全文")
BOOKS = [
    ("平凡的世界", "路遥"),
    ("红星照耀中国", "埃德加·斯诺"),
    ("给教师的建议", "苏霍姆林斯基"),
    ("陶行知教育文集", "陶行知"),
    ("于漪知行录", "于漪"),
    ("第五十六号教室的奇迹", "雷夫·艾斯奎斯"),
    ("教育的情调", "马克斯·范梅南"),
    ("习近平的七年知青岁月", "中央党校采访实录编辑室"),
    ("苦难辉煌", "金一南"),
    ("把一切献给党", "吴运铎"),
    ("做最好的老师", "李镇西"),
    ("窗边的小豆豆", "黑柳彻子"),
]
# Deliberate gaps, so the findings have something to show.
READING_SHORT = {
    ("刘丹", date(2022, 9, 1)): 1,
    ("孙宁", date(2022, 2, 1)): 1,
    ("吴静", date(2023, 2, 1)): 0,
    ("王春华", date(2026, 2, 1)): 1,
    ("刘丹", date(2026, 9, 1)): 1,  # this term, so 我的学习 shows a quota still to meet
}
MISSED_CHECK_MONTHS = {date(2022, 3, 1), date(2023, 5, 1), date(2026, 4, 1)}
ABSENT = {"马丽": 6, "周敏": 1}  # how many seed sessions each one missed
LATE_OR_MISSING_TASK = {("马丽", 1): None, ("高峰", 4): date(2023, 3, 25)}
TUTORIAL_MISSING = {"刘晓筱": {date(2022, 2, 1), date(2022, 3, 1), date(2022, 4, 1)}}

HOURS = {
    StudyForm.PARTY_LECTURE: Decimal("4"),
    StudyForm.EXEMPLAR_REPORT: Decimal("3"),
    StudyForm.FORUM: Decimal("3"),
    StudyForm.TUTORIAL: Decimal("2"),
}


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(15, 30)))


def _linked_meetings(org: Organisation, prefix: str) -> list[Meeting]:
    return list(selectors.meetings_linkable(org).filter(topic__startswith=prefix).order_by("held_at"))


def _session(org, form, day, topic, present, *, subject="", speaker=None, meeting=None) -> StudySession:
    session = StudySession.objects.create(
        organisation=org,
        form=form,
        subject=subject,
        topic="" if meeting else topic,
        held_on=None if meeting else day,
        hours=HOURS[form],
        speaker=speaker,
        meeting=meeting,
    )
    if meeting is None:
        StudyAttendance.objects.bulk_create(
            StudyAttendance(session=session, organisation=org, person=p) for p in present
        )
    return session


def _present(members: list[Person], index: int) -> list[Person]:
    """Everyone, except the deliberate absentees for their first few sessions."""
    return [p for p in members if index >= ABSENT.get(p.name, 0)]


def _seed_sessions(org: Organisation, members: list[Person], by_name: dict[str, Person]) -> int:
    rows = [(d, StudyForm.PARTY_LECTURE, t, "党史", by_name.get(s)) for d, t, s in PARTY_HISTORY]
    rows += [(d, StudyForm.EXEMPLAR_REPORT, t, "先进事迹", None) for d, t in EXEMPLARS]
    rows += [(d, StudyForm.FORUM, t, "", None) for d, t in FORUMS]
    lectures = iter(_linked_meetings(org, "党史专题党课："))
    forums = iter(_linked_meetings(org, "民主座谈会："))
    linkable = {StudyForm.PARTY_LECTURE: lectures, StudyForm.FORUM: forums}
    for index, (day, form, topic, subject, speaker) in enumerate(sorted(rows, key=lambda r: r[0])):
        meeting = next(linkable[form], None) if form in linkable else None
        _session(
            org, form, day, topic, _present(members, index), subject=subject, speaker=speaker, meeting=meeting
        )
    return len(rows)


def _tutorials(org: Organisation, officers: list[Person], months: list[Period]) -> None:
    """中心理论组 monthly study, officers only (the seed's 每周例会, summarised monthly)."""
    for month in months:
        present = [p for p in officers if month.start not in TUTORIAL_MISSING.get(p.name, set())]
        day = month.start.replace(day=8)
        _session(org, StudyForm.TUTORIAL, day, "中心理论组集中学习", present, subject="理论学习")


def _task(org: Organisation, assigned: date, due: date, title: str, material: str) -> SelfStudyTask:
    return SelfStudyTask.objects.create(
        organisation=org, title=title, material=material, assigned_on=assigned, due_on=due, hours=Decimal("4")
    )


def _tasks(org: Organisation, members: list[Person]) -> None:
    for number, (assigned, due, title, material) in enumerate(TASKS, start=1):
        task = _task(org, assigned, due, title, material)
        rows = []
        for person in members:
            key = (person.name, number)
            if key in LATE_OR_MISSING_TASK and LATE_OR_MISSING_TASK[key] is None:
                continue
            done_on = LATE_OR_MISSING_TASK.get(key) or due.replace(day=due.day - 3)
            rows.append(
                SelfStudyDone(
                    task=task,
                    organisation=org,
                    person=person,
                    done_on=done_on,
                    reflection="认真学习，深受教育。",
                )
            )
        SelfStudyDone.objects.bulk_create(rows)


def _reading(org: Organisation, members: list[Person], terms: list[Period], today: date) -> None:
    rows = []
    for t_index, term in enumerate(terms):
        for m_index, person in enumerate(members):
            wanted = READING_SHORT.get((person.name, term.start), 2)
            for b in range(wanted):
                day = date(term.start.year, term.start.month + 1 + b, 10 + m_index)
                if day > today:
                    continue
                title, author = BOOKS[(t_index * 3 + m_index + b * 5) % len(BOOKS)]
                rows.append(
                    ReadingRecord(
                        organisation=org,
                        person=person,
                        title=title,
                        author=author,
                        finished_on=day,
                        term_start=term.start,
                    )
                )
    ReadingRecord.objects.bulk_create(rows)


def _notes_and_checks(org: Organisation, members: list[Person], checker, months: list[Period], today) -> None:
    notes, checks = [], []
    for month in months:
        for index, person in enumerate(members):
            day = month.start.replace(day=5 + index)
            if day > today:
                continue
            notes.append(
                StudyNote(
                    organisation=org,
                    person=person,
                    written_on=day,
                    month=month.start,
                    title=f"{month.start.month}月学习笔记",
                    text="学习内容摘记与心得体会。",
                )
            )
        if month.start in MISSED_CHECK_MONTHS or month.end >= today:
            continue
        for person in members:
            checks.append(
                NoteCheck(
                    organisation=org,
                    month=month.start,
                    person=person,
                    checker=checker,
                    checked_on=month.end.replace(day=28),
                    result=NoteCheck.Result.PASS,
                )
            )
    StudyNote.objects.bulk_create(notes)
    NoteCheck.objects.bulk_create(checks)


def _school_months(start: date, end: date) -> list[Period]:
    return [m for m in Period.span(start, end).months() if m.start.month != 8]


@demo.register("study", order=30)
def load() -> str:
    org = Organisation.objects.filter(code=SCHOOL).first()
    if org is None:
        return "跳过：没有演示学校"
    today = timezone.localdate()
    members = selectors.members_of(org, SEED_END).order_by("pk")
    members = [p for p in members if p.is_staff_member]
    by_name = {p.name: p for p in Person.objects.filter(organisation=org)}
    officers = [p for p in members if p.pk in selectors.officer_ids(org, SEED_END)]
    checker = by_name.get("何静")
    sessions = _seed_sessions(org, members, by_name)
    seed_months = _school_months(SEED_START, SEED_END)
    _tutorials(org, officers, seed_months)
    _tasks(org, members)
    current_start = date(2026, 9, 1)
    recent_months = _school_months(date(2025, 9, 1), today)
    terms = [
        t for t in Period.span(SEED_START, today).terms() if t.end <= SEED_END or t.start >= date(2025, 9, 1)
    ]
    _reading(org, members, terms, today)
    _notes_and_checks(org, members, checker, seed_months + recent_months, today)
    _current_year(org, members, officers, by_name, current_start, today)
    return f"{org.name}：集中学习{sessions}次，{len(members)}名党员的读书、笔记与检查"


def _current_year(org, members, officers, by_name, start: date, today: date) -> None:
    if today < start:
        return
    rows = [
        (date(2026, 9, 25), StudyForm.PARTY_LECTURE, "党史专题党课：抗战精神", "党史"),
        (date(2026, 10, 23), StudyForm.EXEMPLAR_REPORT, "学习“时代楷模”张玉滚同志事迹", "先进事迹"),
    ]
    for day, form, topic, subject in rows:
        if day <= today:
            _session(org, form, day, topic, members, subject=subject, speaker=by_name.get("张文华"))
    _tutorials(org, officers, [m for m in _school_months(start, today) if m.start.replace(day=8) <= today])
    assigned, due, title, material = CURRENT_TASK
    if assigned <= today:
        task = _task(org, assigned, due, title, material)
        SelfStudyDone.objects.bulk_create(
            SelfStudyDone(task=task, organisation=org, person=p, done_on=today, reflection="已学习全会公报。")
            for p in officers
        )
