"""设立书记: the superior gives a new, empty branch its secretary (person, login, one-time password,
书记 role), who can then log in and run the branch. Nobody else may, and bad input writes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from zhibu.core import policy
from zhibu.core.audit_actions import CoreAction
from zhibu.core.models import AuditEntry, Organisation, Person, RoleGrant, User
from zhibu.core.services.organisations import organisation_add
from zhibu.core.tests.factories import FAST_HASHERS


@pytest.fixture(autouse=True)
def _fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def new_branch(world):
    return organisation_add(
        actor=None, code="school-21", name="XX市第二十一中学党支部", kind="branch", parent=world.bureau_org
    )


def url(org) -> str:
    return reverse("core:secretary_register", args=[org.code])


FORM = {"name": "王春梅", "gender": "F", "member_since": "2010-07-01", "username": "wangchunmei"}


def counts() -> tuple[int, int, int, int]:
    return Person.objects.count(), User.objects.count(), RoleGrant.objects.count(), AuditEntry.objects.count()


def test_superior_registers_a_new_branchs_secretary_who_then_manages_it(world, login, new_branch, client):
    listing = login(world.bureau).get(reverse("core:organisations") + "?org=bureau")
    assert url(new_branch) in listing.content.decode()
    assert login(world.bureau).get(url(new_branch)).status_code == 200

    response = login(world.bureau).post(url(new_branch), FORM)
    assert response.status_code == 200
    password = response.context["password"]
    assert password in response.content.decode() and "只显示这一次" in response.content.decode()
    user = User.objects.get(username="wangchunmei")
    person = user.person
    assert (person.organisation, person.name, person.name_pinyin, person.party_status) == (
        new_branch,
        "王春梅",
        "wangchunmei",
        "full",
    )
    assert list(person.status_changes.values_list("status", "since")) == [("full", date(2010, 7, 1))]
    assert user.must_change_password and user.check_password(password)
    assert list(user.grants.values_list("organisation__code", "role", "include_subtree")) == [
        ("school-21", "secretary", False)
    ]
    actions = set(AuditEntry.objects.filter(organisation=new_branch).values_list("action", flat=True))
    assert {CoreAction.SECRETARY_REGISTERED, CoreAction.USER_CREATED, CoreAction.ROLE_GRANTED} <= actions
    assert password not in str(list(AuditEntry.objects.values_list("after", flat=True)))
    # She may now add people and open their logins in her branch, and nowhere else.
    assert policy.has_perm(user, "people.edit", new_branch)
    assert policy.has_perm(user, "core.accounts.manage", new_branch)
    assert not policy.has_perm(user, "people.view", world.branch)


@pytest.mark.parametrize(("persona", "status"), [("secretary", 404), ("outsider", 404), ("member", 404)])
def test_nobody_below_the_superior_may_register_a_secretary(world, login, new_branch, persona, status):
    before = counts()
    assert login(world.users[persona]).post(url(new_branch), FORM).status_code == status
    assert counts() == before


def test_a_branch_does_not_register_its_own_secretary(world, login):
    """The branch's secretary sees her own branch but its secretary is appointed from above: 403."""
    before = counts()
    assert login(world.secretary).post(url(world.branch), FORM).status_code == 403
    assert counts() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"username": "secretary"}, "已被使用"),
        ({"username": "王春梅"}, "只能包含英文字母"),
        ({"name": "  "}, "必填"),
        ({"member_since": (timezone.localdate() + timedelta(days=1)).isoformat()}, "入党日期不能晚于今天"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(world, login, new_branch, change, message):
    before = counts()
    response = login(world.bureau).post(url(new_branch), {**FORM, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts() == before


def test_a_closed_branch_gets_no_secretary(world, login, new_branch):
    Organisation.objects.filter(pk=new_branch.pk).update(closed_on=timezone.localdate())
    before = counts()
    response = login(world.bureau).post(url(new_branch), FORM)
    assert "已撤销" in response.content.decode()
    assert counts() == before
