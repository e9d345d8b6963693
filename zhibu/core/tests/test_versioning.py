"""Two officers edit the same person: the second save, made on the version both opened, is refused
with a clear message and overwrites nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from zhibu.core.models import AuditEntry, Person
from zhibu.core.versioning import StaleEdit, update_versioned
from zhibu.people.services import persons as people_services

CONFLICT = "该记录已被他人修改"


def form_data(response) -> dict:
    """What the browser would send back: the form's initial values, including the hidden version."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = "" if value is None else str(value)
    return data


def test_second_officer_saving_a_stale_form_gets_a_conflict_and_changes_nothing(world):
    person = world.people["member"]
    url = reverse("people:edit", kwargs={"pk": person.pk})
    secretary, committee = Client(), Client()
    secretary.force_login(world.secretary)
    committee.force_login(world.committee)

    first_form = form_data(secretary.get(url))
    second_form = form_data(committee.get(url))
    assert first_form["version"] == second_form["version"] == "1"

    saved = secretary.post(url, {**first_form, "phone": "13911112222", "unit": "育才学校语文组"})
    assert saved.status_code == 302
    entries = AuditEntry.objects.count()

    stale = committee.post(url, {**second_form, "phone": "13000000000", "name": "刘丹丹"})
    assert stale.status_code == 200
    html = stale.content.decode()
    assert CONFLICT in html
    assert "您的修改未保存" in html

    person.refresh_from_db()
    assert person.phone == "13911112222"
    assert person.unit == "育才学校语文组"
    assert person.name == "刘丹"
    assert person.version == 2
    assert AuditEntry.objects.count() == entries

    # Reloading the page gives the current version, and then the save goes through.
    fresh = form_data(committee.get(url))
    assert fresh["version"] == "2"
    assert committee.post(url, {**fresh, "name": "刘丹丹"}).status_code == 302
    person.refresh_from_db()
    assert (person.name, person.phone, person.version) == ("刘丹丹", "13911112222", 3)


def test_form_without_a_version_is_refused(world, client):
    person = world.people["member"]
    url = reverse("people:edit", kwargs={"pk": person.pk})
    client.force_login(world.secretary)
    data = form_data(client.get(url))
    del data["version"]
    response = client.post(url, {**data, "phone": "13000000000"})
    assert response.status_code == 200
    assert "缺少版本号" in response.content.decode()
    person.refresh_from_db()
    assert person.phone != "13000000000"


def test_service_raises_stale_edit_and_keeps_the_first_write(world):
    first = Person.objects.get(pk=world.people["member"].pk)
    second = Person.objects.get(pk=world.people["member"].pk)
    people_services.person_update(actor=world.secretary, person=first, version=1, data={"phone": "111"})
    with pytest.raises(StaleEdit) as exc:
        people_services.person_update(actor=world.committee, person=second, version=1, data={"phone": "222"})
    assert CONFLICT in exc.value.messages[0]
    assert Person.objects.get(pk=first.pk).phone == "111"


def test_update_versioned_bumps_the_version_once_per_save(world):
    person = Person.objects.get(pk=world.people["member"].pk)
    update_versioned(person, 1, unit="一")
    update_versioned(person, 2, unit="二")
    person.refresh_from_db()
    assert (person.unit, person.version) == ("二", 3)


def test_two_officers_recording_the_same_status_step_do_not_duplicate_it(world):
    person = world.people["checker"]  # 入党积极分子
    url = reverse("people:status", kwargs={"pk": person.pk})
    secretary, committee = Client(), Client()
    secretary.force_login(world.secretary)
    committee.force_login(world.committee)
    first_form = form_data(secretary.get(url))
    second_form = form_data(committee.get(url))
    assert first_form["version"] == second_form["version"] == "1"
    history = person.status_changes.count()

    step = {"status": "candidate", "since": "2024-05-01", "note": ""}
    assert secretary.post(url, {**first_form, **step}).status_code == 302
    stale = committee.post(url, {**second_form, **step, "since": "2024-05-02"})
    assert stale.status_code == 200
    assert CONFLICT in stale.content.decode()
    assert person.status_changes.count() == history + 1
    assert person.status_changes.last().since == date(2024, 5, 1)
    person.refresh_from_db()
    assert (person.party_status, person.version) == ("candidate", 2)
