"""The city's study ledger: every 党课 and 座谈会 the meetings generator held becomes a linked
集中学习; each year adds standalone 先进事迹报告, 集中辅导 and a 专题研讨 with their attendance,
three 自学 tasks, two books a member a term, monthly notes in school months and the office's
quarterly note checks. Bulk-inserted without audit entries (see core/registries/citygen.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zhibu.core.models import PartyStatus
from zhibu.core.periods import Period
from zhibu.core.registries import citygen

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

MEMBERS = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
STANDALONE = [  # (month, day, form, topic, hours)
    (3, 14, StudyForm.TUTORIAL, "集中辅导：学习全国两会精神", "2"),
    (4, 18, StudyForm.EXEMPLAR_REPORT, "学习时代楷模先进事迹报告", "3"),
    (5, 16, StudyForm.TUTORIAL, "集中辅导：教育法律法规", "2"),
    (6, 20, StudyForm.SEMINAR, "专题研讨：立德树人根本任务", "3"),
    (9, 19, StudyForm.TUTORIAL, "集中辅导：新学期师德师风", "2"),
    (10, 17, StudyForm.EXEMPLAR_REPORT, "学习最美教师事迹报告", "3"),
    (11, 14, StudyForm.TUTORIAL, "集中辅导：党纪学习教育", "2"),
    (12, 12, StudyForm.TUTORIAL, "集中辅导：年度学习回顾", "2"),
]
TASKS = [
    (3, "自学《中国共产党章程》"),
    (9, "自学《中小学教师职业道德规范》"),
    (11, "自学《中国共产党纪律处分条例》"),
]
BOOKS = [("平凡的世界", "路遥"), ("红星照耀中国", "埃德加·斯诺"), ("给教师的建议", "苏霍姆林斯基"),
         ("陶行知教育文集", "陶行知"), ("苦难辉煌", "金一南"), ("做最好的老师", "李镇西")]  # fmt: skip
CHECK_MONTHS = (3, 6, 10, 12)
SCHOOL_MONTHS = (1, 3, 4, 5, 6, 7, 9, 10, 11, 12)


@citygen.register("study", order=30)
def generate(ctx: citygen.CityContext) -> int:
    rng, until = ctx.rng, ctx.until
    ctx.bulk(
        StudySession,
        (
            StudySession(
                organisation_id=org_id,
                form=StudyForm.PARTY_LECTURE if code == "party_lecture" else StudyForm.FORUM,
                subject="党史" if code == "party_lecture" and rng.random() < 0.5 else "",
                hours=Decimal("4" if code == "party_lecture" else "3"),
                meeting_id=meeting_id,
            )
            for meeting_id, org_id, _day, code in ctx.shared.get("meetings", [])
        ),
    )
    sessions = [
        StudySession(organisation=b, form=form, topic=topic, held_on=date(y, m, d), hours=Decimal(h))
        for b in ctx.branches
        for y in ctx.years
        for m, d, form, topic, h in STANDALONE
        if date(y, m, d) <= until
    ]
    ctx.bulk(StudySession, sessions)
    ctx.bulk(
        StudyAttendance,
        (
            StudyAttendance(session=s, organisation_id=s.organisation_id, person=p, status=_status(rng))
            for s in sessions
            for p in _members(ctx, s.organisation_id)
        ),
    )
    _tasks(ctx)
    _reading(ctx)
    _notes(ctx)
    tables = (
        StudySession,
        StudyAttendance,
        SelfStudyTask,
        SelfStudyDone,
        ReadingRecord,
        StudyNote,
        NoteCheck,
    )
    return sum(ctx.rows[m._meta.db_table] for m in tables)


def _members(ctx, org_id: int) -> list:
    return [p for p in ctx.people[org_id] if p.party_status in MEMBERS]


def _status(rng) -> str:
    roll = rng.random()
    return "present" if roll > 0.08 else ("leave" if roll > 0.02 else "absent")


def _tasks(ctx) -> None:
    tasks = [
        SelfStudyTask(
            organisation=b, title=title, material="全文", assigned_on=date(y, m, 5), due_on=date(y, m, 28)
        )
        for b in ctx.branches
        for y in ctx.years
        for m, title in TASKS
        if date(y, m, 28) <= ctx.until
    ]
    ctx.bulk(SelfStudyTask, tasks)
    ctx.bulk(
        SelfStudyDone,
        (
            SelfStudyDone(
                task=t,
                organisation_id=t.organisation_id,
                person=p,
                done_on=date(t.due_on.year, t.due_on.month, 10 + ctx.rng.randrange(15)),
                reflection=f"认真学习了{t.title.removeprefix('自学')}，结合教育教学工作写了体会。",
            )
            for t in tasks
            for p in _members(ctx, t.organisation_id)
            if ctx.rng.random() < 0.9
        ),
    )


def _reading(ctx) -> None:
    rng, until = ctx.rng, ctx.until
    first = date(ctx.years[0], 1, 1)
    terms = [
        (term, [m.start for m in term.months() if m.start.month != 8 and first <= m.start <= until])
        for term in Period.span(first, until).terms()
    ]

    def records():
        for b in ctx.branches:
            for p in _members(ctx, b.pk):
                for term, term_months in terms:
                    for _book in range((2 if rng.random() < 0.9 else 1) if term_months else 0):
                        month = rng.choice(term_months)
                        day = date(month.year, month.month, 1 + rng.randrange(27))
                        if day > until:
                            continue
                        title, author = rng.choice(BOOKS)
                        yield ReadingRecord(
                            organisation=b,
                            person=p,
                            title=title,
                            author=author,
                            finished_on=day,
                            term_start=term.start,
                            notes="读后很受启发。",
                        )

    ctx.bulk(ReadingRecord, records())


def _notes(ctx) -> None:
    rng, until = ctx.rng, ctx.until
    months = [date(y, m, 1) for y in ctx.years for m in SCHOOL_MONTHS if date(y, m, 15) <= until]
    ctx.bulk(
        StudyNote,
        (
            StudyNote(
                organisation=b,
                person=p,
                written_on=month.replace(day=15),
                month=month,
                title=f"{month.month}月学习笔记",
                text="学习上级文件精神，结合本职工作谈体会。",
            )
            for b in ctx.branches
            for p in _members(ctx, b.pk)
            for month in months
            if rng.random() < 0.8
        ),
    )
    ctx.bulk(
        NoteCheck,
        (
            NoteCheck(
                organisation=b,
                month=month,
                person=p,
                checker=ctx.people[b.pk][2 % len(ctx.people[b.pk])],
                checked_by=ctx.secretaries.get(b.pk),
                checked_on=month.replace(day=25),
                result=rng.choice(["pass"] * 8 + ["improve", "missing"]),
            )
            for b in ctx.branches
            for p in _members(ctx, b.pk)
            for month in months
            if month.month in CHECK_MONTHS
        ),
    )
