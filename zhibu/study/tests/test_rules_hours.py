"""The weekly and monthly 学时 quotas: which weeks and months are judged, what counts, the one line per
member, and a query count that does not grow with the number of branches."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory

from .factories import StudySessionFactory, StudySettingsFactory
from .helpers import done, meeting, session, task

MARCH_2022 = Period.month(2022, 3)  # weeks ending in it: 2022-03-06, 13, 20, 27 (ISO weeks 9–12)


def _run(code, org, period):
    return list(findings.run(org, period, codes=[code]))


def _trio(world):
    return [world.people[k] for k in ("secretary", "committee", "member")]


def _weekly(branch, hours="2"):
    return StudySettingsFactory(organisation=branch, weekly_hours=Decimal(hours))


def _each_week(branch, people, weeks, hours="2"):
    for week in weeks:
        session(branch, "tutorial", week.start + timedelta(days=2), hours=hours, present=people)


def test_a_short_week_is_flagged_an_adequate_one_not(world, branch):
    _weekly(branch)
    secretary, committee, member = _trio(world)
    weeks = list(MARCH_2022.weeks())[:4]
    _each_week(branch, [secretary, committee], weeks)
    # 刘丹: weeks 9 and 12 full, week 10 one hour short, week 11 made up by self-study.
    session(branch, "tutorial", date(2022, 3, 2), present=[member])
    session(branch, "tutorial", date(2022, 3, 9), hours="1", present=[member])
    extra = task(branch, "自学党章", date(2022, 3, 14), date(2022, 3, 20), hours="2")
    done(extra, member, date(2022, 3, 16))
    session(branch, "tutorial", date(2022, 3, 23), present=[member])
    result = _run("study.hours_weekly", branch, MARCH_2022)
    assert [f.message for f in result] == ["刘丹 2022年第10周学习不足2小时"]
    assert result[0].evidence == [member] and result[0].organisation == branch


def test_meeting_attendance_counts_like_the_yearly_target(world, branch):
    _weekly(branch)
    people = _trio(world)
    m = meeting(branch, "党课：长征精神", date(2022, 3, 9), present=people[:2], absent=people[2:])
    session(branch, "party_lecture", mtg=m, hours="2")
    result = _run("study.hours_weekly", branch, Period.week(date(2022, 3, 9)))
    assert [f.message for f in result] == ["刘丹 2022年第10周学习不足2小时"]


def test_one_line_per_member_with_runs_and_years(world, branch):
    StudySettingsFactory(organisation=branch, monthly_hours=Decimal("8"))
    secretary, committee, member = _trio(world)
    span = Period.span(date(2021, 11, 1), date(2022, 6, 30))
    for month in span.months():
        short = month.start in {date(2021, 12, 1), date(2022, 3, 1), date(2022, 4, 1), date(2022, 6, 1)}
        session(
            branch, "tutorial", month.start + timedelta(days=9), hours="8", present=[secretary, committee]
        )
        session(
            branch, "tutorial", month.start + timedelta(days=9), hours="4" if short else "8", present=[member]
        )
    result = _run("study.hours_monthly", branch, span)
    assert [f.message for f in result] == ["刘丹 2021年12月、2022年3—4月、6月学习不足8小时"]


def test_a_week_not_yet_ended_is_not_judged(world, branch):
    _weekly(branch)
    today = timezone.localdate()
    this_week = Period.week(today)
    last_week = Period.week(this_week.start - timedelta(days=1))
    # Someone studied last week, so the branch keeps a ledger; nobody has studied this week yet.
    session(branch, "tutorial", last_week.start, present=[world.people["secretary"]])
    result = _run("study.hours_weekly", branch, Period.span(last_week.start, this_week.end))
    messages = " ".join(f.message for f in result)
    assert f"第{this_week.start.isocalendar()[1]}周" not in messages
    if not last_week.start.month == last_week.end.month == 8:
        assert "刘丹" in messages and "张文华" not in messages


def test_august_is_not_judged(world, branch):
    StudySettingsFactory(organisation=branch, weekly_hours=Decimal("2"), monthly_hours=Decimal("2"))
    people = _trio(world)
    summer = Period.span(date(2022, 7, 1), date(2022, 9, 30))
    # Every week but those wholly inside August; the week of 29 August–4 September is judged.
    weeks = [w for w in summer.weeks() if w.end <= summer.end and not w.start.month == w.end.month == 8]
    _each_week(branch, people, [w for w in weeks if w.start != date(2022, 8, 29)])
    assert _run("study.hours_monthly", branch, summer) == []
    result = _run("study.hours_weekly", branch, summer)
    assert {f.message for f in result} == {f"{p.name} 2022年第35周学习不足2小时" for p in people}


def test_no_quota_no_finding(world, branch):
    _each_week(branch, [world.people["secretary"]], list(MARCH_2022.weeks())[:1])
    assert _run("study.hours_weekly", branch, MARCH_2022) == []
    # A monthly quota alone sets no weekly one; 0 sets none either.
    StudySettingsFactory(organisation=branch, monthly_hours=Decimal("8"), weekly_hours=Decimal("0"))
    assert _run("study.hours_weekly", branch, MARCH_2022) == []
    assert len(_run("study.hours_monthly", branch, MARCH_2022)) == 3


def test_a_branch_without_study_ledger_gets_one_line(world, branch):
    StudySettingsFactory(organisation=branch, monthly_hours=Decimal("8"))
    result = _run("study.hours_monthly", world.bureau_org, Period.span(date(2022, 1, 1), date(2022, 12, 31)))
    assert [f.message for f in result] == [
        f"{branch.name} 2022年1—7月、9—12月没有登记党员学习学时，无法核对每名党员不少于8小时的要求"
    ]
    assert {p.name for p in result[0].evidence} == {"张文华", "于雪华", "刘丹"}


def test_members_of_a_party_group_count_in_their_branch(world, branch):
    _weekly(branch)
    group = OrganisationFactory(parent=branch, kind=Organisation.Kind.GROUP, name="第一党小组")
    grouped = PersonFactory(organisation=group, name="王秀英")
    _each_week(branch, _trio(world), [Period.week(date(2022, 3, 9))])
    result = _run("study.hours_weekly", branch, Period.week(date(2022, 3, 9)))
    assert [(f.message, f.organisation) for f in result] == [("王秀英 2022年第10周学习不足2小时", branch)]
    assert result[0].evidence == [grouped]


def _city(bureau, n: int) -> None:
    """n branches with a weekly quota, two members each, one of whom attended a 2-hour session."""
    branches = OrganisationFactory.create_batch(n, parent=bureau)
    for org in branches:
        StudySettingsFactory(organisation=org, weekly_hours=Decimal("2"))
        keen, idle = PersonFactory.create_batch(2, organisation=org)
        StudySessionFactory(organisation=org, held_on=date(2022, 3, 9), present=[keen])


def test_query_count_does_not_grow_with_branches(world, branch):
    week = Period.week(date(2022, 3, 9))
    _city(world.bureau_org, 3)
    with CaptureQueriesContext(connection) as few:
        flagged_few = _run("study.hours_weekly", world.bureau_org, week)
    _city(world.bureau_org, 27)
    with CaptureQueriesContext(connection) as many:
        flagged_many = _run("study.hours_weekly", world.bureau_org, week)
    assert len(flagged_few) == 3 and len(flagged_many) == 30  # each branch's idle member
    # (members_on_days: the people, their organisations, their history)
    assert len(many.captured_queries) == len(few.captured_queries) == 8
