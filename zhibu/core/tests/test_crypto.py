"""Encryption at rest: the database holds only Fernet tokens; keys rotate without losing data."""

from __future__ import annotations

import io
from datetime import date

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from zhibu.core import crypto
from zhibu.core.models import Person
from zhibu.core.tests.factories import id_number_for
from zhibu.people.services import persons as people_services

NUMBER = id_number_for(321, date(1979, 11, 2))


def raw_id_number(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM core_person WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.fixture
def person(world) -> Person:
    return people_services.person_create(
        actor=world.secretary,
        organisation=world.branch,
        data={"name": "苑蓉晖", "gender": "F", "id_number": NUMBER},
    )


def test_the_database_column_holds_no_clear_text(person):
    raw = raw_id_number(person.pk)
    assert NUMBER not in raw
    assert NUMBER[6:14] not in raw  # not even the birth date part
    assert raw.startswith("gAAAAA")  # a Fernet token
    assert Person.objects.get(pk=person.pk).id_number == NUMBER


def test_the_digest_finds_duplicates_without_decrypting(person):
    assert person.id_number_digest == crypto.blind_index(NUMBER, "person.id_number")
    assert NUMBER not in person.id_number_digest
    # The digest is keyed by purpose: the same value under another purpose gives another digest.
    assert crypto.blind_index(NUMBER, "other.purpose") != person.id_number_digest


def test_empty_values_stay_empty(world):
    person = people_services.person_create(
        actor=world.secretary, organisation=world.branch, data={"name": "王五", "gender": "M"}
    )
    assert raw_id_number(person.pk) == ""
    assert Person.objects.get(pk=person.pk).id_number == ""


def test_rotate_keys_lets_the_old_key_be_dropped(person, settings):
    old_keys = list(settings.FERNET_KEYS)
    new_key = Fernet.generate_key().decode()
    old_token = raw_id_number(person.pk)

    with override_settings(FERNET_KEYS=[new_key, *old_keys]):
        # Before rotation both keys are needed: the row is still under the old key.
        assert Person.objects.get(pk=person.pk).id_number == NUMBER
        out = io.StringIO()
        call_command("rotate_keys", stdout=out)
        assert "re-encrypted" in out.getvalue()
        new_token = raw_id_number(person.pk)
    assert new_token != old_token
    assert Fernet(new_key.encode()).decrypt(new_token.encode()).decode() == NUMBER

    with override_settings(FERNET_KEYS=[new_key]):
        assert Person.objects.get(pk=person.pk).id_number == NUMBER
        with pytest.raises(InvalidToken):
            crypto.decrypt(old_token)


def test_dropping_a_key_before_rotation_fails_loudly(person):
    with (
        override_settings(FERNET_KEYS=[Fernet.generate_key().decode()]),
        pytest.raises(ValueError, match="ZHIBU_FERNET_KEYS"),
    ):
        Person.objects.get(pk=person.pk)


def test_audit_snapshot_redacts_encrypted_fields(person):
    from zhibu.core.audit import snapshot

    assert snapshot(person)["id_number"] == "***"
