"""Service writes: what they refuse (a Chinese message naming the field, nothing written) and what
they write."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from zhibu.core.models import AuditEntry
from zhibu.service.models import AssistanceVisit, Participation, TutoringSession, VolunteerEvent
from zhibu.service.services import care, liaison, tutoring, volunteering

from .factories import AssistancePairFactory, LiaisonClassFactory, TutoringSeriesFactory

pytestmark = pytest.mark.django_db
EVENT = {"kind": "snow", "title": "清扫校园积雪", "held_on": date(2022, 12, 2), "place": "校园"}


def _refused(func, field: str, words: str, **kwargs) -> None:
    with pytest.raises(ValidationError) as exc:
        func(**kwargs)
    messages = exc.value.message_dict[field]
    assert any(words in m for m in messages), messages


def test_event_with_participants_and_hours_each(world):
    people = [world.people["member"], world.people["checker"]]  # a member and a non-member
    event = volunteering.event_create(
        actor=world.secretary, organisation=world.branch, participants=people, hours=Decimal("2.5"), **EVENT
    )
    rows = Participation.objects.filter(event=event)
    assert sorted(r.hours for r in rows) == [Decimal("2.5")] * 2
    row = rows.get(person=world.people["member"])
    volunteering.participation_update(actor=world.secretary, participation=row, hours="3")
    row.refresh_from_db()
    assert row.hours == Decimal("3")
    assert AssistanceVisit.objects.count() == 0
    assert AuditEntry.objects.filter(action="service.event.created").count() == 1


@pytest.mark.parametrize(
    ("hours", "words"), [("25", "不能超过24小时"), ("0", "须大于0"), ("1.25", "1位小数"), ("abc", "不是数字")]
)
def test_hours_refused(world, hours, words):
    _refused(
        volunteering.event_create,
        "hours",
        words,
        actor=world.secretary,
        organisation=world.branch,
        participants=[world.people["member"]],
        hours=hours,
        **EVENT,
    )
    assert not VolunteerEvent.objects.exists()


def test_participant_of_another_branch_refused(world):
    _refused(
        volunteering.event_create,
        "participants",
        "不是本支部人员",
        actor=world.secretary,
        organisation=world.branch,
        participants=[world.people["outsider"]],
        hours="2",
        **EVENT,
    )
    assert not VolunteerEvent.objects.exists()


def test_future_date_refused(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    _refused(
        volunteering.event_create,
        "held_on",
        "不能晚于今天",
        actor=world.secretary,
        organisation=world.branch,
        **{**EVENT, "held_on": tomorrow},
    )


def test_member_cannot_write_events(world):
    with pytest.raises(PermissionDenied):
        volunteering.event_create(actor=world.member, organisation=world.branch, **EVENT)
    with pytest.raises(Http404):
        volunteering.event_create(actor=world.outsider, organisation=world.branch, **EVENT)


QUICK = {"held_on": date(2023, 3, 14), "subject": "数学", "students": 3, "minutes": 45}


def test_member_logs_her_own_tutoring_only(world):
    row = tutoring.tutoring_add(
        actor=world.member, organisation=world.branch, tutor=world.people["member"], **QUICK
    )
    assert row.tutor == world.people["member"]
    with pytest.raises(PermissionDenied):
        tutoring.tutoring_add(
            actor=world.member, organisation=world.branch, tutor=world.people["secretary"], **QUICK
        )
    with pytest.raises(PermissionDenied):  # nor move her session to someone else
        tutoring.tutoring_update(
            actor=world.member, session=row, version=row.version, tutor=world.people["secretary"], **QUICK
        )
    assert TutoringSession.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("minutes", 0, "时长（分钟）须在1到1440之间"),
        ("students", 0, "学生人数须在1到60之间"),
        ("subject", " ", "请填写科目"),
    ],
)
def test_tutoring_bad_input(world, field, value, words):
    _refused(
        tutoring.tutoring_add,
        field,
        words,
        actor=world.secretary,
        organisation=world.branch,
        tutor=world.people["member"],
        **{**QUICK, field: value},
    )
    assert not TutoringSession.objects.exists()


def test_weekly_series_writes_each_week_once_and_a_removed_week_stays_removed(world):
    start = timezone.localdate() - timedelta(weeks=5)
    series = tutoring.series_create(
        actor=world.member,
        organisation=world.branch,
        tutor=world.people["member"],
        weekday=start.weekday(),
        starts_on=start,
        ends_on=start + timedelta(days=120),
        subject="语文",
        students=3,
        minutes=45,
    )
    weeks = list(series.sessions.order_by("held_on"))
    assert [s.held_on for s in weeks] == [start + timedelta(weeks=w) for w in range(6)]
    first = weeks[0]
    tutoring.tutoring_update(
        actor=world.member, session=first, version=first.version, **{**QUICK, "held_on": start, "minutes": 30}
    )
    weeks[1].delete()  # removed into the 回收站
    assert tutoring.series_extend(actor=world.member, series=series) == 0
    assert series.sessions.count() == 5
    first.refresh_from_db()
    assert first.minutes == 30


def test_series_ending_before_it_starts_refused(world):
    _refused(
        tutoring.series_create,
        "ends_on",
        "早于开始日期",
        actor=world.secretary,
        organisation=world.branch,
        tutor=world.people["member"],
        weekday=1,
        starts_on=date(2023, 3, 1),
        ends_on=date(2023, 2, 1),
        subject="语文",
        students=3,
        minutes=45,
    )


def test_series_extend_writes_the_weeks_passed(world):
    today = timezone.localdate()
    series = TutoringSeriesFactory(
        organisation=world.branch,
        tutor=world.people["member"],
        weekday=today.weekday(),
        starts_on=today - timedelta(weeks=2),
        ends_on=today + timedelta(weeks=10),
        written_until=today - timedelta(weeks=1),
    )
    assert tutoring.series_extend(actor=world.member, series=series) == 1
    assert series.sessions.get().held_on == today


@pytest.mark.parametrize(
    ("money", "words"), [("10.555", "两位小数"), ("-1", "不能为负数"), ("abc", "不是金额")]
)
def test_money_refused(world, money, words):
    pair = AssistancePairFactory(organisation=world.branch, helper=world.people["secretary"])
    _refused(
        care.visit_create,
        "money",
        words,
        actor=world.secretary,
        pair=pair,
        visited_on=date(2022, 1, 20),
        help_given="慰问",
        money=money,
    )
    assert not AssistanceVisit.objects.exists()


def test_visit_money_is_decimal(world):
    pair = AssistancePairFactory(organisation=world.branch, helper=world.people["secretary"])
    visit = care.visit_create(
        actor=world.secretary, pair=pair, visited_on=date(2022, 1, 20), help_given="慰问", money="300.5"
    )
    assert visit.money == Decimal("300.50")


def test_liaison_must_be_on_the_committee_that_term(world, branch):
    cls = LiaisonClassFactory(organisation=branch, name="七年级一班")
    row = liaison.liaison_create(
        actor=world.secretary,
        organisation=branch,
        person=world.people["committee"],
        school_class=cls,
        term_start=date(2023, 2, 1),
    )
    assert row.term_start == date(2023, 2, 1)
    other = LiaisonClassFactory(organisation=branch, name="八年级一班")
    _refused(
        liaison.liaison_create,
        "person",
        "不是支部委员",
        actor=world.secretary,
        organisation=branch,
        person=world.people["member"],
        school_class=other,
        term_start=date(2023, 2, 1),
    )
    _refused(
        liaison.liaison_create,
        "person",
        "不是支部委员",  # the committee began in 2020: the spring term of 2020 is before it
        actor=world.secretary,
        organisation=branch,
        person=world.people["committee"],
        school_class=other,
        term_start=date(2020, 2, 1),
    )
    _refused(
        liaison.contact_create,
        "contacted_on",
        "不在",
        actor=world.secretary,
        liaison=row,
        contacted_on=date(2022, 12, 1),
        kind="students",
        content="谈话",
    )
