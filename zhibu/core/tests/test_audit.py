"""The audit trail: append-only in the application and in the database; one entry per service write,
written in the same transaction, so a refused write leaves no entry either."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from zhibu.core import audit
from zhibu.core.models import AuditEntry, PartyStatusChange, Person
from zhibu.core.models.audit import AppendOnlyError
from zhibu.core.tests.factories import id_number_for
from zhibu.core.versioning import StaleEdit
from zhibu.people.services import persons as people_services

ID_NUMBER = id_number_for(501, date(1985, 6, 1))
BAD_CHECKSUM = ID_NUMBER[:-1] + ("1" if ID_NUMBER[-1] == "0" else "0")


@pytest.fixture
def entry(world) -> AuditEntry:
    return audit.record(world.secretary, "people.person.updated", world.people["member"], after={"x": 1})


# --- append-only ---------------------------------------------------------------------------------


def test_entry_records_who_when_what_object_and_result(world, entry):
    assert entry.actor == world.secretary
    assert entry.actor_name == "张文华"
    assert entry.action == "people.person.updated"
    assert entry.object_type == "core.person"
    assert entry.object_id == str(world.people["member"].pk)
    assert entry.object_repr == "刘丹"
    assert entry.organisation_id == world.branch.pk
    assert entry.success is True
    assert abs(entry.at - timezone.now()) < timedelta(seconds=5)


def test_saving_an_existing_entry_is_refused(entry):
    entry.action = "people.person.created"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action == "people.person.updated"


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("manager", ["objects", "_base_manager", "_default_manager"])
def test_queryset_update_and_delete_are_refused(entry, manager):
    qs = getattr(AuditEntry, manager).filter(pk=entry.pk)
    with pytest.raises(AppendOnlyError):
        qs.update(action="people.person.created")
    with pytest.raises(AppendOnlyError):
        qs.delete()
    with pytest.raises(AppendOnlyError), transaction.atomic():
        AuditEntry.objects.bulk_update([entry], ["action"])
    fresh = AuditEntry.objects.get(pk=entry.pk)
    assert fresh.action == "people.person.updated"


def test_the_database_refuses_a_raw_update(entry):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_auditentry SET action = %s WHERE id = %s", ["forged", entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "people.person.updated"


def test_the_database_refuses_a_raw_delete_on_postgresql(entry):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps DELETE open for test teardown; the application refuses deletes there")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_admin_offers_no_change_or_delete(admin_client, entry):
    from django.contrib import admin

    model_admin = admin.site._registry[AuditEntry]
    assert not model_admin.has_add_permission(None)
    assert not model_admin.has_change_permission(None, entry)
    assert not model_admin.has_delete_permission(None, entry)
    response = admin_client.post(f"/admin/core/auditentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


# --- one entry per service write -----------------------------------------------------------------


def new_entries(since: int):
    return AuditEntry.objects.filter(pk__gt=since).order_by("pk")


def last_pk() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_person_create_writes_one_entry_with_id_number_redacted(world):
    mark = last_pk()
    person = people_services.person_create(
        actor=world.secretary,
        organisation=world.branch,
        data={"name": "  王新  ", "gender": "M", "id_number": ID_NUMBER.lower()},
        party_status="activist",
        status_since=date(2023, 3, 1),
    )
    [entry] = new_entries(mark)
    assert entry.action == "people.person.created"
    assert entry.actor == world.secretary
    assert entry.object_id == str(person.pk)
    assert entry.organisation_id == world.branch.pk
    assert entry.before is None
    assert entry.after["name"] == "王新"
    assert entry.after["party_status"] == "activist"
    assert entry.after["id_number"] == "***"
    assert ID_NUMBER not in str(entry.after)
    assert ID_NUMBER[-6:] not in str(entry.after)
    assert entry.after["id_number_digest"] != ""


def test_person_update_writes_one_entry_with_before_and_after(world):
    person = world.people["member"]
    person.refresh_from_db()
    mark = last_pk()
    people_services.person_update(
        actor=world.committee,
        person=person,
        version=person.version,
        data={"phone": "13800000000", "id_number": ID_NUMBER},
    )
    [entry] = new_entries(mark)
    assert entry.action == "people.person.updated"
    assert entry.actor == world.committee
    assert entry.before["phone"] != "13800000000"
    assert entry.after["phone"] == "13800000000"
    assert entry.before["id_number"] == ""
    assert entry.after["id_number"] == "***"
    assert entry.after["version"] == entry.before["version"] + 1
    assert ID_NUMBER not in str(entry.before) + str(entry.after)


def test_person_set_status_writes_one_entry(world):
    person = world.people["checker"]  # 入党积极分子
    mark = last_pk()
    people_services.person_set_status(
        actor=world.secretary, person=person, status="candidate", since=date(2024, 5, 1), note="支委会讨论"
    )
    [entry] = new_entries(mark)
    assert entry.action == "people.person.status_changed"
    assert entry.before["party_status"] == "activist"
    assert entry.after["party_status"] == "candidate"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "王新", "gender": "M", "id_number": BAD_CHECKSUM}, "id_number"),
        ({"name": "   ", "gender": "M"}, "name"),
        ({"name": "王新", "gender": "?"}, "gender"),
    ],
)
def test_failed_create_writes_neither_row_nor_entry(world, data, field):
    counts = (Person.objects.count(), AuditEntry.objects.count(), PartyStatusChange.objects.count())
    with pytest.raises(ValidationError) as exc:
        people_services.person_create(
            actor=world.secretary, organisation=world.branch, data=data, party_status="activist"
        )
    assert field in exc.value.message_dict
    assert (Person.objects.count(), AuditEntry.objects.count(), PartyStatusChange.objects.count()) == counts


def test_failed_update_and_status_change_write_nothing(world):
    person = world.people["member"]
    person.refresh_from_db()
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        people_services.person_update(
            actor=world.secretary, person=person, version=person.version, data={"name": ""}
        )
    with pytest.raises(StaleEdit):
        people_services.person_update(
            actor=world.secretary, person=person, version=person.version - 1 or 99, data={"phone": "1"}
        )
    with pytest.raises(ValidationError):
        people_services.person_set_status(
            actor=world.secretary,
            person=person,
            status="full",
            since=timezone.localdate() + timedelta(days=1),
        )
    person.refresh_from_db()
    assert person.name == "刘丹"
    assert person.phone != "1"
    assert AuditEntry.objects.count() == entries


def test_refused_permission_writes_nothing(world):
    entries, people = AuditEntry.objects.count(), Person.objects.count()
    with pytest.raises(PermissionDenied):  # a member of the branch: in scope, not allowed
        people_services.person_create(
            actor=world.member, organisation=world.branch, data={"name": "王新", "gender": "M"}
        )
    with pytest.raises(Http404):  # another branch's secretary: out of scope
        people_services.person_create(
            actor=world.outsider, organisation=world.branch, data={"name": "王新", "gender": "M"}
        )
    assert (AuditEntry.objects.count(), Person.objects.count()) == (entries, people)


def test_a_failing_audit_write_rolls_the_row_back(world, monkeypatch):
    """Same transaction: if the entry cannot be written, the change is not kept either."""

    def broken(*args, **kwargs):
        raise DatabaseError("audit store unavailable")

    monkeypatch.setattr(audit.AuditEntry.objects, "create", broken)
    people = Person.objects.count()
    with pytest.raises(DatabaseError):
        people_services.person_create(
            actor=world.secretary, organisation=world.branch, data={"name": "王新", "gender": "M"}
        )
    assert Person.objects.count() == people


def test_audit_page_names_actions_in_chinese_and_shows_failures(world, client):
    client.post(reverse("login"), {"username": "member", "password": "wrong-password"})
    people_services.person_update(
        actor=world.secretary, person=world.people["member"], version=1, data={"phone": "13800000000"}
    )
    client.force_login(world.secretary)
    html = client.get(reverse("core:audit")).content.decode()
    assert "修改人员信息" in html and "people.person.updated" in html
    assert "登录失败" in html and "失败" in html
    # Another branch's entries are not on this branch's page.
    people_services.person_update(
        actor=world.outsider, person=world.people["other_member"], version=1, data={"phone": "1"}
    )
    assert "黄海燕" not in client.get(reverse("core:audit")).content.decode()


# --- typed actions ------------------------------------------------------------------------------


def test_an_undeclared_action_is_refused_and_nothing_is_written(world):
    from zhibu.core.registries.audit_actions import UndeclaredAction

    count = AuditEntry.objects.count()
    with pytest.raises(UndeclaredAction):
        audit.record(world.secretary, "people.person.renamed", world.people["member"])
    assert AuditEntry.objects.count() == count


def test_every_declared_action_has_a_chinese_label():
    from zhibu.core.registries import audit_actions

    declared = audit_actions.declared()
    apps = {code.split(".")[0] for code in declared}
    assert {"core", "people", "meetings", "study", "mentoring", "reports"} <= apps
    for code, label in declared.items():
        assert label != code and any("\u4e00" <= ch <= "\u9fff" for ch in label), code
