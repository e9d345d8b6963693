"""lean(): a rule's queryset without encrypted columns and timestamps, its select_related models'
included — and what is deferred still reads correctly (one query) when someone asks."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime

import pytest
from django.db.models.functions import TruncDate
from django.utils import timezone

from zhibu.core.lean import _fixed_offset, lean, local_date, month_of
from zhibu.core.models import Person
from zhibu.core.tests.factories import PersonFactory, id_number_for
from zhibu.meetings.models import Meeting
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.mentoring.models import MentoringCase

pytestmark = pytest.mark.django_db


def test_the_person_and_her_organisation_come_without_id_number_and_timestamps(world):
    PersonFactory(organisation=world.branch, name="张三")
    person = lean(Person.objects.filter(name="张三").select_related("organisation")).get()
    assert person.get_deferred_fields() == {"id_number", "created_at", "updated_at"}
    assert person.organisation.get_deferred_fields() == {"created_at", "updated_at"}
    assert person.name == "张三" and person.organisation.name == world.branch.name


def test_nested_relations_defer_the_students_secrets():
    qs = lean(MentoringCase.objects.select_related("student", "mentor__organisation"))
    deferred, _ = qs.query.deferred_loading
    assert {"plan_study", "outcome_evidence", "student__name", "student__guardian_contact"} <= deferred
    assert {"mentor__id_number", "mentor__organisation__created_at"} <= deferred


def test_a_deferred_column_is_still_read_on_demand(world, django_assert_num_queries):
    number = id_number_for(7)
    PersonFactory(organisation=world.branch, name="李四", id_number=number)
    person = lean(Person.objects.filter(name="李四")).get()
    with django_assert_num_queries(1):
        assert person.id_number == number


# -- local_date / month_of: SQLite's own date() where Django calls a Python function per row ------
EDGES = [  # UTC moments around local midnights (Asia/Shanghai: +8), month and year ends
    datetime(2025, 1, 31, 15, 59, 59, tzinfo=UTC),
    datetime(2025, 1, 31, 16, 0, 0, tzinfo=UTC),
    datetime(2025, 12, 31, 15, 59, 59, 999999, tzinfo=UTC),
    datetime(2025, 12, 31, 16, 0, 0, 1, tzinfo=UTC),
    datetime(2024, 2, 29, 3, 0, tzinfo=UTC),
]


def _days(world, **annotations):
    for moment in EDGES:
        MeetingFactory(organisation=world.branch, held_at=moment, types=())
    return list(
        Meeting.objects.filter(organisation=world.branch)
        .annotate(**annotations)
        .order_by("held_at")
        .values_list(*annotations)
    )


def test_local_date_and_its_month_are_djangos_local_day_and_month(world):
    rows = _days(
        world, fast=local_date("held_at"), month=month_of(local_date("held_at")), slow=TruncDate("held_at")
    )
    expected = [timezone.localtime(moment).date() for moment in EDGES]
    assert (
        [fast for fast, _month, _slow in rows] == [slow for _fast, _month, slow in rows] == sorted(expected)
    )
    assert [month for _fast, month, _slow in rows] == [day.replace(day=1) for day in sorted(expected)]
    assert (
        rows[0][0] == date(2024, 2, 29) and rows[1][0] == date(2025, 1, 31) and rows[2][0] == date(2025, 2, 1)
    )


def test_local_date_filters_as_truncdate_does(world):
    for moment in EDGES:
        MeetingFactory(organisation=world.branch, held_at=moment, types=())
    qs = Meeting.objects.filter(organisation=world.branch)
    for first, last in [(date(2025, 2, 1), date(2025, 12, 31)), (date(2025, 1, 31), date(2025, 1, 31))]:
        fast = set(qs.annotate(day=local_date("held_at")).filter(day__range=(first, last)).values_list("pk"))
        slow = set(qs.annotate(day=TruncDate("held_at")).filter(day__range=(first, last)).values_list("pk"))
        assert fast == slow and fast


def test_a_zone_with_summer_time_falls_back_to_djangos_day(world):
    assert _fixed_offset("Asia/Shanghai") == 480
    assert _fixed_offset("UTC") == 0
    assert _fixed_offset("Europe/Berlin") is None  # +60 in winter, +120 in summer
    summer = datetime(
        2025, 7, 1, 22, 30, tzinfo=UTC
    )  # 2025-07-02 00:30 in Berlin, 07-01 23:30 in winter time
    MeetingFactory(organisation=world.branch, held_at=summer, types=())
    with timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")):
        day = Meeting.objects.annotate(day=local_date("held_at")).values_list("day", flat=True).get()
    assert day == date(2025, 7, 2)
