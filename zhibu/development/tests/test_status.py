"""The people service's party status change (owned with the pipeline): a change of an existing
person that skips stages is refused unless recorded as what it is, with its reason; a new person
enters the roster with any status (a record of history)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from zhibu.core.models import PartyStatusChange
from zhibu.people.services.persons import person_create, person_set_status

from . import helpers

pytestmark = pytest.mark.django_db


def test_none_straight_to_full_is_refused_without_a_basis(world):
    person = helpers.applicant(world)
    before = PartyStatusChange.objects.count()
    with pytest.raises(ValidationError) as caught:
        person_set_status(actor=world.secretary, person=person, status="full", since=date(2023, 1, 1))
    assert "从“群众”直接变为“正式党员”跳过了发展党员的程序" in " ".join(caught.value.messages)
    assert PartyStatusChange.objects.count() == before


def test_a_transfer_in_needs_its_reason(world):
    person = helpers.applicant(world)
    with pytest.raises(ValidationError) as caught:
        person_set_status(
            actor=world.secretary, person=person, status="full", since=date(2023, 1, 1), basis="transfer_in"
        )
    assert "组织关系转入须填写原因" in " ".join(caught.value.messages)
    change = person_set_status(
        actor=world.secretary,
        person=person,
        status="full",
        since=date(2023, 1, 1),
        basis="transfer_in",
        reason="自第十四中学党支部转入",
    )
    assert change.note == "组织关系转入：自第十四中学党支部转入"
    person.refresh_from_db()
    assert person.party_status == "full"


def test_one_stage_at_a_time_and_going_back_need_no_basis(world):
    person = helpers.applicant(world)
    person_set_status(actor=world.secretary, person=person, status="applicant", since=date(2023, 1, 1))
    person_set_status(actor=world.secretary, person=person, status="none", since=date(2023, 2, 1))
    assert person.status_changes.count() == 2


def test_a_new_person_may_enter_the_roster_as_a_full_member(world):
    person = person_create(
        actor=world.secretary,
        organisation=world.branch,
        data={"name": "李红梅", "gender": "F"},
        party_status="full",
        status_since=date(2010, 7, 1),
    )
    assert person.party_status == "full"


def test_the_status_page_says_why_and_writes_nothing(world, login):
    person = helpers.applicant(world)
    client = login(world.secretary)
    url = f"/people/{person.pk}/status/"
    response = client.post(url, {"status": "full", "since": "2023-01-01", "version": person.version})
    assert response.status_code == 200 and "跳过了发展党员的程序" in response.content.decode()
    assert not person.status_changes.exists()
    response = client.post(
        url,
        {
            "status": "full",
            "since": "2023-01-01",
            "basis": "history",
            "reason": "2010年入党，补录",
            "version": person.version,
        },
    )
    assert response.status_code == 302 and person.status_changes.get().note.startswith("补录历史记录")
