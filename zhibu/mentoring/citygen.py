"""The city's 包教: three students a branch each school year, each mentored by a member from
September to July, with a log and the branch's check every school month. Students are plainly
fictional ("虚构学生0007", no birth date, no guardian contact) behind the usual pseudonym: generated
data must never look like a real minor's record. Bulk-inserted without audit entries (see
core/registries/citygen.py); the encrypted fields are encrypted as on any save."""

from __future__ import annotations

from datetime import date

from zhibu.core.models import PartyStatus
from zhibu.core.registries import citygen

from .models import CaseReview, Dimension, MentoringCase, MentoringLog, Outcome, Student
from .services import pseudonym_for

PER_YEAR = 3
CLASSES = ["七年级一班", "七年级二班", "八年级一班", "八年级二班", "九年级一班"]
SCHOOL_MONTHS = (9, 10, 11, 12, 1, 3, 4, 5, 6, 7)  # of a school year, in order
PLAN = "每两周谈心一次，每周辅导一次功课，与班主任和家长保持沟通。"


def _months(school_year: int, until: date) -> list[date]:
    days = [date(school_year + (m < 9), m, 1) for m in SCHOOL_MONTHS]
    return [d for d in days if d.replace(day=20) <= until]


@citygen.register("mentoring", order=40)
def generate(ctx: citygen.CityContext) -> int:
    rng, until = ctx.rng, ctx.until
    school_years = [y for y in [ctx.years[0] - 1, *ctx.years] if date(y, 9, 1) <= until]
    students, cases = [], []
    for branch in ctx.branches:
        mentors = [p for p in ctx.people[branch.pk] if p.party_status == PartyStatus.FULL]
        sequence = 0
        for year in school_years:
            for _n in range(PER_YEAR):
                sequence += 1
                student = Student(
                    organisation=branch,
                    sequence=sequence,
                    pseudonym=pseudonym_for(sequence),
                    name=f"虚构学生{sequence:04d}",
                    class_name=rng.choice(CLASSES),
                    gender=rng.choice("MF"),
                    enrolled_on=date(year, 9, 1),
                )
                ended = date(year + 1, 7, 10)
                done = ended <= until
                outcome = (
                    rng.choice([Outcome.IMPROVED, Outcome.TURNED, Outcome.NOT_TURNED]) if done else "ongoing"
                )
                students.append(student)
                cases.append(
                    MentoringCase(
                        organisation=branch,
                        mentor=mentors[(sequence - 1) % len(mentors)],
                        student=student,
                        started_on=date(year, 9, 10),
                        ended_on=ended if done else None,
                        plan_thinking=PLAN,
                        plan_study=PLAN,
                        outcome=outcome,
                        outcome_on=ended if done else None,
                        outcome_evidence="班主任和任课教师评价" if done else "",
                    )
                )
    ctx.bulk(Student, students)
    for case in cases:
        case.student_id = case.student.pk
    ctx.bulk(MentoringCase, cases)
    dimensions = Dimension.values
    ctx.bulk(
        MentoringLog,
        (
            MentoringLog(
                case=case,
                organisation_id=case.organisation_id,
                on=month.replace(day=12),
                dimension=dimensions[month.month % len(dimensions)],
                text="课后谈心并辅导作业。",
                observation="能按时完成作业，情绪稳定。",
                author=ctx.secretaries.get(case.organisation_id),
            )
            for case in cases
            for month in _months(case.started_on.year, until)
        ),
    )
    ctx.bulk(
        CaseReview,
        (
            CaseReview(
                case=case,
                organisation_id=case.organisation_id,
                month=month,
                reviewer=ctx.secretaries.get(case.organisation_id),
                reviewed=rng.random() < 0.95,
            )
            for case in cases
            for month in _months(case.started_on.year, until)
        ),
    )
    return sum(ctx.rows[m._meta.db_table] for m in (Student, MentoringCase, MentoringLog, CaseReview))
