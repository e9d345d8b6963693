"""Every study finding on fixed data (all dates long past, so "ended" terms and years apply)."""

from datetime import date

from zhibu.core.models import Person
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Ref
from zhibu.study.models import StudyNote

from .factories import StudySettingsFactory
from .helpers import book, check, done, meeting, note, session, task

YEAR_2022 = Period.year(2022)


def _run(code, org, period):
    return list(findings.run(org, period, codes=[code]))


def test_reading_quota_per_member_per_term(world, branch):
    member, secretary, committee = (world.people[k] for k in ("member", "secretary", "committee"))
    term_day = date(2022, 10, 10)  # 2022—2023 autumn term, ends in 2023
    book(branch, member, "平凡的世界", term_day)
    for person in (secretary, committee):
        book(branch, person, "红星照耀中国", term_day)
        book(branch, person, "苦难辉煌", date(2023, 1, 5))
    result = _run("study.reading_quota", branch, Period.year(2023))
    # The spring 2023 term ended in 2023 too: nobody read then.
    messages = [f.message for f in result]
    assert "刘丹 2022—2023学年度第一学期读书1本，少于2本" in messages
    assert sum("第一学期" in m for m in messages) == 1
    assert sum("第二学期读书0本" in m for m in messages) == 3
    names = {p.pk: p.name for p in Person.objects.all()}
    assert result[0].evidence and names[result[0].evidence[0].pk] in {"刘丹", "于雪华", "张文华"}
    assert all(isinstance(f.evidence[0], Ref) and f.evidence[0].model is Person for f in result)


def test_reading_quota_is_configurable(world, branch):
    StudySettingsFactory(organisation=branch, books_per_term=1)
    for person in (world.people[k] for k in ("member", "secretary", "committee")):
        book(branch, person, "平凡的世界", date(2022, 10, 10))
        book(branch, person, "苦难辉煌", date(2023, 3, 10))
    assert _run("study.reading_quota", branch, Period.year(2023)) == []


def test_note_check_missing_skips_august(world, branch):
    member = world.people["member"]
    for month in YEAR_2022.months():
        if month.start.month not in (5, 8):
            check(branch, member, month.start)
    result = _run("study.note_check_missing", branch, YEAR_2022)
    assert [f.message for f in result] == [f"{branch.name} 2022年5月学习笔记未经校办公室检查"]


def test_notes_unchecked(world, branch):
    member, secretary = world.people["member"], world.people["secretary"]
    checked = note(branch, member, date(2022, 4, 6))
    check(branch, member, date(2022, 4, 1))
    late = note(branch, secretary, date(2022, 4, 9))
    other_month = note(branch, member, date(2022, 6, 2))
    result = _run("study.notes_unchecked", branch, YEAR_2022)
    assert [f.message for f in result] == [
        "2022年4月有1篇学习笔记未经检查（张文华）",
        "2022年6月有1篇学习笔记未经检查（刘丹）",
    ]
    # named by model and pk alone (findings.Ref); a document's number lists them as notes
    assert [f.evidence for f in result] == [[Ref(StudyNote, late.pk)], [Ref(StudyNote, other_month.pk)]]
    from zhibu.core.registries import figures
    from zhibu.reports.figures import FINDINGS_COUNT

    counted = figures.compute(FINDINGS_COUNT, branch, YEAR_2022, rule="study.notes_unchecked")
    assert counted.value == 1 and list(counted.records) == [late]  # June's note: June was never checked
    assert checked not in result[0].evidence


def test_hours_target_members_32_officers_56(world, branch):
    member, secretary, committee = (world.people[k] for k in ("member", "secretary", "committee"))
    # 40 hours each: enough for a member, short for the secretary and the committee member.
    for month in range(1, 11):
        session(branch, "tutorial", date(2022, month, 8), hours="4", present=[member, secretary, committee])
    extra = task(branch, "自学", date(2022, 11, 1), date(2022, 11, 30), hours="20")
    done(extra, committee, date(2022, 11, 20))
    result = _run("study.hours_target", branch, YEAR_2022)
    assert [f.message for f in result] == ["张文华 2022年学时40小时，少于56小时"]
    assert result[0].evidence == [Ref(Person, secretary.pk)]
    # A year not wholly in the period is not judged.
    assert _run("study.hours_target", branch, Period.span(date(2022, 3, 1), date(2022, 12, 31))) == []


def test_hours_target_counts_meeting_attendance(world, branch):
    member = world.people["member"]
    StudySettingsFactory(organisation=branch, member_hours=4, officer_hours=1)
    m = meeting(branch, "党史专题党课：延安精神", date(2022, 11, 10), present=[member])
    session(branch, "party_lecture", subject="党史", hours="3", mtg=m)
    result = _run("study.hours_target", branch, YEAR_2022)
    # 按姓氏笔画: 于 (3 strokes), 刘 (6), 张 (7).
    assert [f.message for f in result] == [
        "于雪华 2022年学时0小时，少于1小时",
        "刘丹 2022年学时3小时，少于4小时",
        "张文华 2022年学时0小时，少于1小时",
    ]


def test_self_study_overdue(world, branch):
    member, secretary, committee = (world.people[k] for k in ("member", "secretary", "committee"))
    t = task(branch, "自学党章", date(2022, 2, 20), date(2022, 3, 20))
    done(t, secretary, date(2022, 3, 1))
    done(t, committee, date(2022, 3, 25))  # late
    result = _run("study.self_study_overdue", branch, YEAR_2022)
    assert len(result) == 1
    assert result[0].message == "自学任务“自学党章”（2022年3月20日截止）有2名党员未按期完成：于雪华、刘丹"
    # the late members by model and id (a Ref each: counted and linked, never loaded)
    assert {findings.model_and_pk(e) for e in result[0].evidence} == {
        (Person, member.pk),
        (Person, committee.pk),
    }


def test_branch_without_any_records_gets_one_line_not_one_per_member(world, branch):
    reading = _run("study.reading_quota", world.other_branch, Period.year(2023))
    assert [f.message for f in reading] == [
        f"{world.other_branch.name} 2022—2023学年度第一学期、2022—2023学年度第二学期没有登记读书记录"
    ]
    hours = _run("study.hours_target", world.other_branch, YEAR_2022)
    assert [f.message for f in hours] == [f"{world.other_branch.name} 2022年没有登记党员学习学时"]
    assert {Person.objects.get(pk=p.pk).name for p in hours[0].evidence} == {"林志强", "黄海燕"}


def test_notes_unchecked_over_a_superior_name_their_branch_and_belong_to_it(world, branch):
    """The bureau's findings say which branch, count in that branch (the grid's column), and a month
    the branch's office never checked covers its notes in the bureau's summary as in the branch's."""
    from zhibu.reports.figures import FINDINGS_COUNT

    member, other = world.people["member"], world.people["other_member"]
    note(branch, member, date(2022, 4, 6))
    check(branch, member, date(2022, 6, 1))  # the branch's office checks in June, not in April
    note(world.other_branch, other, date(2022, 4, 9))
    result = _run("study.notes_unchecked", world.bureau_org, YEAR_2022)
    assert [(f.message, f.organisation) for f in result] == sorted(
        [
            (f"{branch.name} 2022年4月有1篇学习笔记未经检查（刘丹）", branch),
            (f"{world.other_branch.name} 2022年4月有1篇学习笔记未经检查（黄海燕）", world.other_branch),
        ],
        key=lambda pair: pair[1].path,
    )
    from zhibu.core.registries import figures

    # April was never checked in either branch: "no check that month" states both notes' fact
    counted = figures.compute(FINDINGS_COUNT, world.bureau_org, YEAR_2022, rule="study.notes_unchecked")
    assert counted.value == 0
