"""lean(): a rule's queryset without encrypted columns and timestamps, its select_related models'
included — and what is deferred still reads correctly (one query) when someone asks."""

from __future__ import annotations

import pytest

from zhibu.core.lean import lean
from zhibu.core.models import Person
from zhibu.core.tests.factories import PersonFactory, id_number_for
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
