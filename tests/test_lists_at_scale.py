"""The bureau's long lists are cut in the database: the roster ordered 按姓氏笔画 by a stored key, the
meetings list counting attendance for the page's rows only, search reading one page of matches."""

from __future__ import annotations

import importlib
from datetime import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zhibu.core import search_index
from zhibu.core.models import Person
from zhibu.core.strokes import name_sort_key, name_sort_string
from zhibu.core.tests.factories import OrganisationFactory, PersonFactory
from zhibu.core.views.pages import SEARCH_PER_PAGE as PER_PAGE
from zhibu.meetings.tests.factories import MeetingFactory
from zhibu.people.services.persons import person_create, person_update

NAMES = [
    "王五一", "王五", "丁一", "于雪华", "买买提·艾力", "刘丹", "何静", "张文华", "𠀋三", "Anna", "欧阳修",
    "司马光", "乙", "龘", "王 五", "艾力", "黄海燕", "林志强", "万", "上官婉儿",
]  # fmt: skip


def test_the_stored_key_orders_as_the_strokes_rule_does():
    by_key = sorted(NAMES, key=name_sort_key)
    assert sorted(NAMES, key=name_sort_string) == by_key
    assert name_sort_string("王五") < name_sort_string("王五一")  # a prefix first


def test_person_services_write_the_key(world):
    person = person_create(
        actor=world.secretary, organisation=world.branch, data={"name": "丁一", "gender": "M"}
    )
    assert Person.objects.get(pk=person.pk).name_strokes == name_sort_string("丁一")
    person_update(actor=world.secretary, person=person, version=person.version, data={"name": "龘"})
    assert Person.objects.get(pk=person.pk).name_strokes == name_sort_string("龘")


def test_the_migration_fills_the_key_of_existing_people(world):
    Person.objects.update(name_strokes="")
    migration = importlib.import_module("zhibu.core.migrations.0010_person_name_strokes")
    from django.apps import apps

    migration.fill(apps, None)
    for person in Person.objects.all():
        assert person.name_strokes == name_sort_string(person.name)


def test_the_bureau_roster_pages_in_strokes_order_across_pages(world, login):
    for i, name in enumerate(NAMES * 2):
        PersonFactory(organisation=world.other_branch if i % 2 else world.branch, name=name)
    client = login(world.bureau)
    shown = []
    for page in (1, 2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("people:list") + f"?page={page}")
        assert response.status_code == 200
        shown += [p.name for p in response.context["page"].object_list]
        # the page's rows only: no query reads more than a page of people
        person_reads = [q["sql"] for q in ctx if 'FROM "core_person"' in q["sql"] and "LIMIT" in q["sql"]]
        assert person_reads
    # ties (王五 and 王 五 sort alike) in pk order, as the page breaks them: PostgreSQL returns
    # unordered rows in no fixed order
    everyone = list(Person.objects.order_by("pk").values_list("name", flat=True))
    assert len(shown) == len(everyone)
    assert shown == sorted(everyone, key=name_sort_key)


def test_meetings_list_counts_attendance_of_the_page_only(world, login):
    people = [PersonFactory(organisation=world.branch) for _ in range(3)]
    for day in range(1, 31):
        at = timezone.make_aware(datetime(2023, 3, day, 15, 0))
        MeetingFactory(organisation=world.branch, held_at=at, attendees=people[: day % 4])
    with CaptureQueriesContext(connection) as ctx:
        response = login(world.bureau).get(reverse("meetings:list"))
    assert response.status_code == 200
    rows = response.context["page"].object_list
    assert [m.n_present for m in rows] == [m.attendance.filter(status="present").count() for m in rows]
    assert [m.n_expected for m in rows] == [m.attendance.filter(is_guest=False).count() for m in rows]
    counting = [q["sql"] for q in ctx if "COUNT(" in q["sql"] and "meetings_attendance" in q["sql"]]
    assert len(counting) == 1 and "meetings_attendance" in counting[0]
    assert '"meetings_attendance"."meeting_id" IN' in counting[0]  # this page's meetings, not all


def test_search_reads_only_the_matches_it_shows(world):
    org = OrganisationFactory(parent=world.bureau_org)
    for _ in range(PER_PAGE + 15):
        PersonFactory(organisation=org, name="王小明")
    search_index.reindex()
    results = search_index.search(world.bureau, "王小明")
    with CaptureQueriesContext(connection) as ctx:
        page = results[:PER_PAGE]
    assert len(page) == PER_PAGE and results.count() == PER_PAGE + 15
    assert len(ctx) == 1 and "LIMIT" in ctx[0]["sql"] and "core_person" not in ctx[0]["sql"]
