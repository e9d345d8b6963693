"""Accounts and roles through the services: who may, what is written, what the trail keeps."""

from __future__ import annotations

from datetime import date

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from zhibu.core import policy
from zhibu.core.audit_actions import CoreAction
from zhibu.core.models import AuditEntry, Organisation, RoleGrant, User
from zhibu.core.services import accounts
from zhibu.core.tests.factories import FAST_HASHERS, TEST_PASSWORD, PersonFactory, make_user


@pytest.fixture(autouse=True)
def _fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS  # argon2 at test-sized cost


@pytest.fixture
def newcomer(world):
    return PersonFactory(organisation=world.branch, name="赵一鸣")


def counts() -> tuple[int, int, int]:
    return User.objects.count(), RoleGrant.objects.count(), AuditEntry.objects.count()


def trail_text() -> str:
    return " ".join(str(e.before) + str(e.after) + e.object_repr for e in AuditEntry.objects.all())


# --- one-time passwords ---------------------------------------------------------------------------


def test_one_time_passwords_are_strong_and_different(world):
    seen = {accounts.one_time_password(world.member) for _ in range(50)}
    assert len(seen) == 50
    for password in seen:
        validate_password(password, world.member)  # the validators of settings accept every one
        assert len(password) == 14 and password.count("-") == 2
        assert not set(password) & set("0O1lI")


# --- account_create -------------------------------------------------------------------------------


def test_secretary_opens_an_account_with_a_one_time_password(world, newcomer):
    user, password = accounts.account_create(actor=world.secretary, person=newcomer, username="zhaoyiming")
    user.refresh_from_db()
    assert user.person == newcomer and user.is_active
    assert user.must_change_password is True
    assert user.check_password(password)
    entry = AuditEntry.objects.get(action=CoreAction.USER_CREATED, object_id=str(user.pk))
    assert entry.organisation_id == world.branch.pk and entry.actor == world.secretary
    assert entry.after["must_change_password"] is True
    assert "password" not in entry.after
    assert password not in trail_text() and user.password not in trail_text()


def test_bureau_opens_accounts_in_any_branch_below(world):
    person = PersonFactory(organisation=world.other_branch, name="周新")
    user, _ = accounts.account_create(actor=world.bureau, person=person, username="zhouxin")
    assert user.person == person


@pytest.mark.parametrize(("persona", "error"), [("committee", PermissionDenied), ("outsider", Http404)])
def test_account_create_refuses_the_wrong_role_and_another_branch(world, newcomer, persona, error):
    before = counts()
    with pytest.raises(error):
        accounts.account_create(actor=world.users[persona], person=newcomer, username="zhaoyiming")
    assert counts() == before


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("", "请填写用户名"),
        ("   ", "请填写用户名"),
        ("Secretary", "用户名“Secretary”已被使用"),
        ("赵一鸣", "用户名只能包含英文字母、数字"),
        ("x" * 151, "用户名不能超过150个字符"),
    ],
)
def test_account_create_bad_username_says_why_and_writes_nothing(world, newcomer, username, message):
    before = counts()
    with pytest.raises(ValidationError) as exc:
        accounts.account_create(actor=world.secretary, person=newcomer, username=username)
    assert message in " ".join(exc.value.message_dict["username"])
    assert counts() == before


def test_account_create_refuses_a_second_login_a_leaver_and_a_closed_branch(world, newcomer):
    before = counts()
    with pytest.raises(ValidationError, match="刘丹 已有账号"):
        accounts.account_create(actor=world.secretary, person=world.people["member"], username="liudan2")
    leaver = PersonFactory(organisation=world.branch, name="孙立", left_on=date(2023, 7, 1))
    with pytest.raises(ValidationError, match="孙立 已离开本组织"):
        accounts.account_create(actor=world.secretary, person=leaver, username="sunli")
    Organisation.objects.filter(pk=world.branch.pk).update(closed_on=date(2024, 1, 1))
    newcomer.refresh_from_db()
    newcomer.organisation.refresh_from_db()
    with pytest.raises(ValidationError, match="所在党组织已撤销"):
        accounts.account_create(actor=world.bureau, person=newcomer, username="zhaoyiming")
    assert counts() == before


# --- password_reset, disable, enable --------------------------------------------------------------


def test_secretary_resets_a_members_password(world):
    member = world.member
    user, password = accounts.password_reset(actor=world.secretary, user=member)
    user.refresh_from_db()
    assert not user.check_password(TEST_PASSWORD) and user.check_password(password)
    assert user.must_change_password is True
    entry = AuditEntry.objects.get(action=CoreAction.PASSWORD_RESET, object_id=str(member.pk))
    assert entry.organisation_id == world.branch.pk
    assert entry.before["must_change_password"] is False and entry.after["must_change_password"] is True
    assert "password" not in entry.before and "password" not in entry.after
    assert password not in trail_text() and user.password not in trail_text()


def test_a_secretary_cannot_take_over_a_fellow_secretary_but_the_bureau_can(world):
    colleague = make_user(
        "deputy", world.branch, "secretary", person=PersonFactory(organisation=world.branch)
    )
    before = counts()
    for service in (accounts.password_reset, accounts.account_disable):
        with pytest.raises(PermissionDenied):
            service(actor=world.secretary, user=colleague)
    assert counts() == before
    # Her own account is beyond her too: the superior resets a secretary's password.
    with pytest.raises(PermissionDenied):
        accounts.password_reset(actor=world.secretary, user=world.secretary)
    _, password = accounts.password_reset(actor=world.bureau, user=world.secretary)
    assert User.objects.get(pk=world.secretary.pk).check_password(password)


@pytest.mark.parametrize(
    ("persona", "target", "error"),
    [
        ("committee", "member", PermissionDenied),
        ("member", "member", PermissionDenied),
        ("outsider", "member", Http404),
        ("secretary", "outsider", Http404),
        ("secretary", "bureau", Http404),  # a login without a person is the administrator's
    ],
)
def test_account_actions_refuse_the_wrong_role_and_another_branch(world, persona, target, error):
    before = counts()
    for service in (accounts.password_reset, accounts.account_disable, accounts.account_enable):
        with pytest.raises(error):
            service(actor=world.users[persona], user=world.users[target])
    assert counts() == before


def test_disable_and_enable_an_account(world):
    member = world.member
    accounts.account_disable(actor=world.secretary, user=member)
    assert User.objects.get(pk=member.pk).is_active is False
    with pytest.raises(ValidationError, match="该账号已停用"):
        accounts.account_disable(actor=world.secretary, user=member)
    accounts.account_enable(actor=world.secretary, user=member)
    assert User.objects.get(pk=member.pk).is_active is True
    with pytest.raises(ValidationError, match="该账号已是启用状态"):
        accounts.account_enable(actor=world.secretary, user=member)
    actions = list(
        AuditEntry.objects.filter(object_id=str(member.pk), action__startswith="core.user.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [CoreAction.USER_DISABLED, CoreAction.USER_ENABLED]
    disabled = AuditEntry.objects.get(action=CoreAction.USER_DISABLED)
    assert disabled.before["is_active"] is True and disabled.after["is_active"] is False


# --- role_grant ------------------------------------------------------------------------------------


def test_secretary_makes_a_member_committee(world):
    grant = accounts.role_grant(
        actor=world.secretary, user=world.member, organisation=world.branch, role="committee"
    )
    assert grant.granted_by == world.secretary
    assert policy.has_perm(world.member, "people.edit", world.branch)
    entry = AuditEntry.objects.get(action=CoreAction.ROLE_GRANTED, object_id=str(grant.pk))
    assert entry.organisation_id == world.branch.pk and entry.after["role"] == "committee"


@pytest.mark.parametrize(
    ("role", "subtree"), [("secretary", False), ("bureau", False), ("committee", True), ("member", True)]
)
def test_a_secretary_cannot_grant_more_than_a_branch_role(world, role, subtree):
    before = counts()
    with pytest.raises(PermissionDenied):
        accounts.role_grant(
            actor=world.secretary,
            user=world.member,
            organisation=world.branch,
            role=role,
            include_subtree=subtree,
        )
    assert counts() == before
    assert not accounts.may_grant(world.secretary, world.branch, role, subtree)


def test_the_superior_appoints_a_branch_secretary(world):
    grant = accounts.role_grant(
        actor=world.bureau, user=world.member, organisation=world.branch, role="secretary"
    )
    assert grant.role == "secretary"
    assert policy.has_perm(world.member, "core.accounts.manage", world.branch)
    # but not a role at its own level: the root committee's grants are the administrator's
    with pytest.raises(PermissionDenied):
        accounts.role_grant(
            actor=world.bureau, user=world.member, organisation=world.bureau_org, role="bureau"
        )


def test_grantable_roles_follow_the_rule(world):
    assert [r for r, _ in accounts.grantable_roles(world.secretary, world.branch)] == [
        "committee",
        "member",
        "checker",
    ]
    assert {r for r, _ in accounts.grantable_roles(world.bureau, world.branch)} == {
        "secretary",
        "committee",
        "member",
        "checker",
        "bureau",
    }
    assert accounts.grantable_roles(world.committee, world.branch) == []


def test_role_grant_scope_and_bad_input(world):
    before = counts()
    with pytest.raises(Http404):  # another branch's organisation
        accounts.role_grant(
            actor=world.secretary, user=world.member, organisation=world.other_branch, role="member"
        )
    with pytest.raises(Http404):  # someone of another branch
        accounts.role_grant(
            actor=world.secretary, user=world.outsider, organisation=world.branch, role="member"
        )
    with pytest.raises(Http404):
        accounts.role_grant(actor=world.outsider, user=world.member, organisation=world.branch, role="member")
    with pytest.raises(PermissionDenied):
        accounts.role_grant(
            actor=world.committee, user=world.member, organisation=world.branch, role="member"
        )
    with pytest.raises(ValidationError) as exc:
        accounts.role_grant(actor=world.secretary, user=world.member, organisation=world.branch, role="admin")
    assert exc.value.message_dict["role"] == ["请选择有效的角色。"]
    with pytest.raises(ValidationError) as exc:
        accounts.role_grant(
            actor=world.secretary, user=world.member, organisation=world.branch, role="member"
        )
    assert "已有此角色" in exc.value.message_dict["role"][0]
    Organisation.objects.filter(pk=world.branch.pk).update(closed_on=date(2024, 1, 1))
    world.branch.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        accounts.role_grant(actor=world.bureau, user=world.member, organisation=world.branch, role="checker")
    assert exc.value.message_dict["organisation"] == ["该党组织已撤销，不能再授予角色。"]
    assert counts() == before


# --- role_revoke -----------------------------------------------------------------------------------


def test_secretary_withdraws_a_branch_role(world):
    grant = world.committee.grants.get()
    pk = grant.pk
    accounts.role_revoke(actor=world.secretary, grant=grant)
    assert not RoleGrant.objects.filter(pk=pk).exists()
    assert not policy.has_perm(world.committee, "people.edit", world.branch)
    entry = AuditEntry.objects.get(action=CoreAction.ROLE_REVOKED)
    assert entry.organisation_id == world.branch.pk and entry.before["role"] == "committee"
    assert entry.object_id == str(pk)


def test_secretary_cannot_revoke_her_own_last_secretary_grant(world):
    before = counts()
    with pytest.raises(ValidationError) as exc:
        accounts.role_revoke(actor=world.secretary, grant=world.secretary.grants.get())
    assert exc.value.messages == ["不能撤销您本人唯一的书记角色，否则将无人管理账号。请由上级党组织办理。"]
    assert counts() == before


def test_revoke_rules_for_other_grants(world):
    colleague = make_user(
        "deputy", world.branch, "secretary", person=PersonFactory(organisation=world.branch)
    )
    before = counts()
    with pytest.raises(PermissionDenied):  # a fellow secretary is the superior's to remove
        accounts.role_revoke(actor=world.secretary, grant=colleague.grants.get())
    with pytest.raises(PermissionDenied):
        accounts.role_revoke(actor=world.committee, grant=world.member.grants.get())
    with pytest.raises(Http404):
        accounts.role_revoke(actor=world.secretary, grant=world.outsider.grants.get())
    with pytest.raises(Http404):
        accounts.role_revoke(actor=world.outsider, grant=world.member.grants.get())
    assert counts() == before
    accounts.role_revoke(actor=world.bureau, grant=colleague.grants.get())
    assert not colleague.grants.exists()


def test_a_password_reset_clears_a_lockout(world, client):
    for _ in range(5):
        client.post(reverse("login"), {"username": "member", "password": "wrong-password"})
    assert AccessAttempt.objects.filter(username="member").exists()
    _, password = accounts.password_reset(actor=world.secretary, user=world.member)
    assert not AccessAttempt.objects.filter(username="member").exists()
    entry = AuditEntry.objects.get(action=CoreAction.PASSWORD_RESET)
    assert entry.after["lockout_cleared"] == 1
    response = client.post(reverse("login"), {"username": "member", "password": password})
    assert response.status_code == 302


def test_a_disabled_account_cannot_log_in_and_its_session_ends(world, client):
    client.force_login(world.member)
    assert client.get(reverse("core:dashboard")).status_code == 200
    accounts.account_disable(actor=world.secretary, user=world.member)
    assert client.get(reverse("core:dashboard")).status_code == 302  # back to the login page
    response = client.post(reverse("login"), {"username": "member", "password": TEST_PASSWORD})
    assert response.status_code == 200  # the form again, no session
    assert client.get(reverse("core:dashboard")).status_code == 302
