"""The shared write tail (core.writes) and the rules every service follows: it asks policy, runs
in a durable transaction, and writes its row and audit entry together or not at all."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from zhibu.core import writes
from zhibu.core.audit_actions import CoreAction
from zhibu.core.models import AuditEntry, Organisation, Person, User
from zhibu.core.services.accounts import role_grant, user_create
from zhibu.core.services.organisations import organisation_create
from zhibu.core.versioning import StaleEdit
from zhibu.people.audit_actions import PeopleAction
from zhibu.people.services.persons import person_create


def test_model_update_writes_the_row_and_its_before_and_after(world):
    person = world.people["member"]
    writes.model_update(
        person,
        actor=world.secretary,
        action=PeopleAction.PERSON_UPDATED,
        version=person.version,
        fields={"phone": "13900001111"},
    )
    entry = AuditEntry.objects.filter(action=PeopleAction.PERSON_UPDATED).latest("pk")
    assert entry.after["phone"] == "13900001111" and entry.before["phone"] != "13900001111"
    assert Person.objects.get(pk=person.pk).version == 2


def test_model_update_on_a_stale_version_writes_nothing(world):
    person = world.people["member"]
    entries = AuditEntry.objects.count()
    with pytest.raises(StaleEdit):
        writes.model_update(
            person,
            actor=world.secretary,
            action=PeopleAction.PERSON_UPDATED,
            version=person.version + 5,
            fields={"phone": "13900001111"},
        )
    assert Person.objects.get(pk=person.pk).phone != "13900001111"
    assert AuditEntry.objects.count() == entries


def test_a_failure_after_the_row_is_written_leaves_neither_row_nor_audit_entry(world, monkeypatch):
    """The row and its audit entry are one transaction: a crash between them keeps neither."""
    from zhibu.core import audit

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit.AuditEntry.objects, "create", crash)
    people, entries = Person.objects.count(), AuditEntry.objects.count()
    with pytest.raises(RuntimeError):
        person_create(
            actor=world.secretary, organisation=world.branch, data={"name": "王小明", "gender": "M"}
        )
    assert Person.objects.count() == people
    assert AuditEntry.objects.count() == entries


@pytest.mark.django_db(transaction=True)
def test_a_service_refuses_to_run_inside_another_transaction_unless_in_a_batch(world):
    """Durable: a service nested in someone else's transaction would look committed when it was
    not; it fails instead. A batch (the demo, an import) is the one way to group services."""
    data = {"name": "赵一鸣", "gender": "M"}
    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        person_create(actor=world.secretary, organisation=world.branch, data=data)
    assert not Person.objects.filter(name="赵一鸣").exists()
    with writes.batch():
        person_create(actor=world.secretary, organisation=world.branch, data=data)
        person_create(actor=world.secretary, organisation=world.branch, data={"name": "钱二", "gender": "F"})
    assert Person.objects.filter(name__in=["赵一鸣", "钱二"]).count() == 2


def test_organisation_create_asks_policy(world):
    kwargs = {"code": "school-99", "name": "XX市第九十九中学党支部", "kind": "branch"}
    with pytest.raises(PermissionDenied):  # a branch secretary does not create organisations
        organisation_create(actor=world.secretary, parent=world.branch, **kwargs)
    with pytest.raises(Http404):  # and above her own branch she is out of scope
        organisation_create(actor=world.secretary, parent=world.bureau_org, **kwargs)
    org = organisation_create(actor=world.bureau, parent=world.bureau_org, **kwargs)
    assert org.path == "/bureau/school-99/"
    assert AuditEntry.objects.filter(action=CoreAction.ORGANISATION_CREATED, object_id=str(org.pk)).exists()
    assert Organisation.objects.filter(code="school-99").count() == 1


def test_account_services_ask_policy(world):
    with pytest.raises(PermissionDenied):
        user_create(actor=world.member, organisation=world.branch, username="new", password="Zhibu-x-9876")
    with pytest.raises(Http404):
        role_grant(actor=world.outsider, user=world.member, organisation=world.branch, role="committee")
    user = user_create(
        actor=world.secretary, organisation=world.branch, username="new", password="Zhibu-x-9876"
    )
    assert User.objects.filter(username="new").exists() and user.check_password("Zhibu-x-9876")
