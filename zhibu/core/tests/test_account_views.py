"""The 账号与角色 and 下级组织 pages: what each persona sees and may do, the one-time password
shown once, the forced change at the first login, and bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zhibu.core.audit_actions import CoreAction
from zhibu.core.models import AuditEntry, Organisation, RoleGrant, User
from zhibu.core.tests.factories import FAST_HASHERS, TEST_PASSWORD, PersonFactory, make_user

ACCOUNTS = reverse("core:accounts")
ORGANISATIONS = reverse("core:organisations")


@pytest.fixture(autouse=True)
def _fast_hashers(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


def names_on(response) -> list[str]:
    return [row["person"].name for row in response.context["rows"]]


def row_of(response, name: str) -> dict:
    return next(row for row in response.context["rows"] if row["person"].name == name)


def counts() -> tuple[int, int, int]:
    return User.objects.count(), RoleGrant.objects.count(), AuditEntry.objects.count()


# --- the list --------------------------------------------------------------------------------------


def test_secretary_sees_her_branch_with_account_states_and_what_she_may_do(world, login):
    newcomer = PersonFactory(organisation=world.branch, name="赵一鸣")
    response = login(world.secretary).get(ACCOUNTS)
    assert response.status_code == 200
    assert set(names_on(response)) == {"张文华", "于雪华", "刘丹", "何静", "赵一鸣"}
    html = response.content.decode()
    assert "XX市育才学校党支部 · 账号与角色" in html
    assert "未开通" in html and reverse("core:account_create", args=[newcomer.pk]) in html
    member = row_of(response, "刘丹")
    assert member["can_manage"] and member["can_grant"] and all(can for _, can in member["grants"])
    assert reverse("core:account_reset", args=[world.member.pk]) in html
    # Her own account and her own secretary role are the superior's.
    own = row_of(response, "张文华")
    assert not own["can_manage"] and [can for _, can in own["grants"]] == [False]
    assert reverse("core:account_reset", args=[world.secretary.pk]) not in html
    assert "林志强" not in html  # another branch


def test_bureau_chooses_the_branch_and_manages_its_secretary(world, login):
    client = login(world.bureau)
    everyone = client.get(ACCOUNTS + "?org=bureau")
    assert set(names_on(everyone)) == {"张文华", "于雪华", "刘丹", "何静", "林志强", "黄海燕"}
    assert everyone.context["show_org"]
    response = client.get(ACCOUNTS + "?org=school-14")
    assert set(names_on(response)) == {"林志强", "黄海燕"}
    secretary = row_of(response, "林志强")
    assert secretary["can_manage"] and [can for _, can in secretary["grants"]] == [True]
    assert client.get(ACCOUNTS + "?org=nowhere").status_code == 404


def test_list_search_and_status(world, login):
    client = login(world.secretary)
    assert names_on(client.get(ACCOUNTS, {"q": "liudan"})) == ["刘丹"]
    assert names_on(client.get(ACCOUNTS, {"q": "checker"})) == ["何静"]  # by user name
    User.objects.filter(pk=world.member.pk).update(is_active=False)
    assert "已停用" in client.get(ACCOUNTS, {"q": "刘丹"}).content.decode()


def test_list_paginates_with_a_fixed_number_of_queries(world, login):
    client = login(world.secretary)
    client.get(ACCOUNTS)  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(ACCOUNTS)
    for i in range(30):
        person = PersonFactory(organisation=world.branch, name=f"王{i}")
        if i % 2:
            make_user(f"wang{i}", world.branch, "member", person=person)
    with CaptureQueriesContext(connection) as many:
        first = client.get(ACCOUNTS)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(first.context["rows"]) == 25
    assert "第 1 / 2 页，共 34 条" in first.content.decode()
    assert len(client.get(ACCOUNTS + "?page=2").context["rows"]) == 9


# --- opening an account, the one-time password and the first login -------------------------------


def test_open_an_account_and_the_first_login_must_change_the_password(world, login, client):
    newcomer = PersonFactory(organisation=world.branch, name="赵一鸣")
    url = reverse("core:account_create", args=[newcomer.pk])
    page = login(world.secretary).get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["username"] == newcomer.name_pinyin
    response = client.post(url, {"username": "zhaoyiming"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    password = response.context["password"]
    html = response.content.decode()
    assert password in html and "只显示这一次" in html and "当面交给本人" in html
    user = User.objects.get(username="zhaoyiming")
    assert user.person == newcomer and user.must_change_password
    assert not AuditEntry.objects.filter(after__icontains=password).exists()
    # Reloading the list never shows it again.
    assert password not in client.get(ACCOUNTS).content.decode()

    # The newcomer logs in through the real login form and can only change the password.
    client.logout()
    logged_in = client.post(reverse("login"), {"username": "zhaoyiming", "password": password})
    assert logged_in.status_code == 302
    dashboard = client.get(reverse("core:dashboard"))
    assert dashboard.status_code == 302 and dashboard["Location"] == reverse("password_change")
    assert client.get(reverse("people:list"))["Location"] == reverse("password_change")
    changed = client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "Zhao-Mima-2024", "new_password2": "Zhao-Mima-2024"},
    )
    assert changed.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password and user.check_password("Zhao-Mima-2024")


def test_open_an_account_bad_username_shows_the_message_and_writes_nothing(world, login):
    newcomer = PersonFactory(organisation=world.branch, name="赵一鸣")
    before = counts()
    response = login(world.secretary).post(
        reverse("core:account_create", args=[newcomer.pk]), {"username": "member"}
    )
    assert response.status_code == 200
    assert "用户名“member”已被使用，请换一个。" in response.content.decode()
    assert "password" not in response.context
    assert counts() == before


def test_a_person_who_has_an_account_gets_no_second_one(world, login):
    before = counts()
    response = login(world.secretary).post(
        reverse("core:account_create", args=[world.people["member"].pk]), {"username": "liudan2"}
    )
    assert "刘丹 已有账号。" in response.content.decode()
    assert counts() == before


# --- reset, disable, enable ------------------------------------------------------------------------


def test_reset_shows_a_new_password_once_and_the_old_one_stops_working(world, login, client):
    url = reverse("core:account_reset", args=[world.member.pk])
    confirm = login(world.secretary).get(url)
    assert "将为 刘丹（member）生成新的一次性密码" in confirm.content.decode()
    response = client.post(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    password = response.context["password"]
    assert password in response.content.decode()
    client.logout()
    assert client.post(reverse("login"), {"username": "member", "password": TEST_PASSWORD}).status_code == 200
    assert client.post(reverse("login"), {"username": "member", "password": password}).status_code == 302
    assert client.get(reverse("core:dashboard"))["Location"] == reverse("password_change")


def test_disable_then_enable_through_the_pages(world, login):
    client = login(world.secretary)
    response = client.post(reverse("core:account_disable", args=[world.member.pk]))
    assert response.status_code == 302 and response["Location"] == ACCOUNTS + "?org=yucai"
    assert not User.objects.get(pk=world.member.pk).is_active
    assert "已停用 刘丹 的账号。" in client.get(response["Location"]).content.decode()
    again = client.post(reverse("core:account_disable", args=[world.member.pk]))
    assert again.status_code == 200 and "该账号已停用。" in again.content.decode()
    client.post(reverse("core:account_enable", args=[world.member.pk]))
    assert User.objects.get(pk=world.member.pk).is_active


@pytest.mark.parametrize(("persona", "status"), [("committee", 403), ("member", 403), ("outsider", 404)])
def test_account_posts_refused_for_the_wrong_role_and_another_branch(world, login, persona, status):
    client = login(world.users[persona])
    before = counts()
    for name in ("core:account_reset", "core:account_disable", "core:role_grant"):
        assert client.post(reverse(name, args=[world.member.pk]), {"role": "member"}).status_code == status
    assert client.post(reverse("core:role_revoke", args=[world.member.grants.get().pk])).status_code == status
    assert counts() == before


def test_a_secretary_cannot_reset_a_fellow_secretary(world, login):
    colleague = make_user(
        "deputy", world.branch, "secretary", person=PersonFactory(organisation=world.branch)
    )
    before = counts()
    client = login(world.secretary)
    assert client.get(reverse("core:account_reset", args=[colleague.pk])).status_code == 403
    assert client.post(reverse("core:account_reset", args=[colleague.pk])).status_code == 403
    assert counts() == before


# --- grants ----------------------------------------------------------------------------------------


def test_secretary_grants_committee_and_is_offered_only_branch_roles(world, login):
    client = login(world.secretary)
    url = reverse("core:role_grant", args=[world.member.pk])
    form = client.get(url).context["form"]
    assert [value for value, _ in form.fields["role"].choices] == ["committee", "member", "checker"]
    assert "include_subtree" not in form.fields
    before = counts()
    refused = client.post(url, {"organisation": world.branch.pk, "role": "secretary"})
    assert refused.status_code == 200 and "选择一个有效的选项" in refused.content.decode()
    assert counts() == before
    response = client.post(url, {"organisation": world.branch.pk, "role": "committee"})
    assert response.status_code == 302
    assert RoleGrant.objects.filter(user=world.member, organisation=world.branch, role="committee").exists()
    listing = client.get(response["Location"]).content.decode()
    assert "已授予刘丹 在 XX市育才学校党支部 的“支委”角色。" in listing


def test_bureau_appoints_a_secretary_and_is_told_where_it_may_not(world, login):
    client = login(world.bureau)
    url = reverse("core:role_grant", args=[world.member.pk])
    form = client.get(url).context["form"]
    assert "secretary" in dict(form.fields["role"].choices) and "include_subtree" in form.fields
    before = counts()
    refused = client.post(url, {"organisation": world.bureau_org.pk, "role": "bureau"})
    assert "您不能在XX市教育体育局党委授予“局党委查看”角色。" in refused.content.decode()
    assert counts() == before
    assert client.post(url, {"organisation": world.branch.pk, "role": "secretary"}).status_code == 302
    assert RoleGrant.objects.filter(user=world.member, role="secretary").exists()


def test_revoke_through_the_page(world, login):
    grant = world.committee.grants.get()
    client = login(world.secretary)
    url = reverse("core:role_revoke", args=[grant.pk])
    assert "撤销于雪华 在 XX市育才学校党支部 的“支委”角色？" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    assert AuditEntry.objects.filter(action=CoreAction.ROLE_REVOKED).count() == 1


def test_revoking_her_own_last_secretary_role_is_refused_with_the_reason(world, login):
    url = reverse("core:role_revoke", args=[world.secretary.grants.get().pk])
    client = login(world.secretary)
    page = client.get(url)
    message = "不能撤销您本人唯一的书记角色，否则将无人管理账号。请由上级党组织办理。"
    assert page.status_code == 200 and message in page.content.decode()
    assert "<button" not in page.content.decode().split("<main")[1]
    before = counts()
    posted = client.post(url)
    assert posted.status_code == 200 and message in posted.content.decode()
    assert counts() == before


# --- 下级组织 ----------------------------------------------------------------------------------------


def test_bureau_lists_the_organisations_under_it_with_closed_ones_marked(world, login):
    Organisation.objects.filter(pk=world.other_branch.pk).update(closed_on=timezone.localdate())
    response = login(world.bureau).get(ORGANISATIONS + "?org=bureau")
    assert response.status_code == 200
    assert [row["org"].code for row in response.context["rows"]] == ["school-14", "yucai"]
    html = response.content.decode()
    assert f"{timezone.localdate():%Y-%m-%d} 撤销" in html
    assert reverse("core:organisation_close", args=["yucai"]) in html
    assert reverse("core:organisation_close", args=["school-14"]) not in html


def test_bureau_creates_renames_moves_and_closes_through_the_pages(world, login):
    client = login(world.bureau)
    created = client.post(
        reverse("core:organisation_create") + "?org=bureau",
        {
            "parent": world.bureau_org.pk,
            "code": "district",
            "name": "XX区教育党总支",
            "kind": "general_branch",
        },
    )
    assert created.status_code == 302 and created["Location"] == ORGANISATIONS + "?org=bureau"
    district = Organisation.objects.get(code="district")
    assert district.path == "/bureau/district/"

    rename = reverse("core:organisation_rename", args=["district"])
    assert client.post(rename, {"name": "XX区教育系统党总支", "version": 1}).status_code == 302
    stale = client.post(rename, {"name": "又一个名字", "version": 1})
    assert "该记录已被他人修改" in stale.content.decode()

    move = reverse("core:organisation_move", args=["yucai"])
    parents = client.get(move).context["form"].fields["parent"].queryset
    assert set(parents.values_list("code", flat=True)) == {"district", "school-14"}
    assert client.post(move, {"parent": district.pk, "version": 1}).status_code == 302
    assert Organisation.objects.get(code="yucai").path == "/bureau/district/yucai/"

    close = reverse("core:organisation_close", args=["school-14"])
    future = timezone.localdate() + timedelta(days=3)
    refused = client.post(close, {"closed_on": future.isoformat(), "version": 1})
    assert "撤销日期不能晚于今天。" in refused.content.decode()
    assert Organisation.objects.get(code="school-14").closed_on is None
    assert (
        client.post(close, {"closed_on": timezone.localdate().isoformat(), "version": 1}).status_code == 302
    )
    assert Organisation.objects.get(code="school-14").is_closed
    actions = set(
        AuditEntry.objects.filter(action__startswith="core.organisation.").values_list("action", flat=True)
    )
    assert actions == {
        CoreAction.ORGANISATION_CREATED,
        CoreAction.ORGANISATION_RENAMED,
        CoreAction.ORGANISATION_MOVED,
        CoreAction.ORGANISATION_CLOSED,
    }


def test_organisation_create_bad_code_writes_nothing(world, login):
    before = Organisation.objects.count()
    response = login(world.bureau).post(
        reverse("core:organisation_create") + "?org=bureau",
        {"parent": world.bureau_org.pk, "code": "yucai", "name": "重复", "kind": "branch"},
    )
    assert response.status_code == 200
    assert "代码" in response.content.decode() and "已存在" in response.content.decode()
    assert Organisation.objects.count() == before


@pytest.mark.parametrize(("persona", "status"), [("secretary", 403), ("committee", 403), ("outsider", 404)])
def test_organisation_posts_refused_below_the_superior(world, login, persona, status):
    client = login(world.users[persona])
    before = list(Organisation.objects.values_list("name", "path", "closed_on"))
    today = timezone.localdate().isoformat()
    assert (
        client.post(
            reverse("core:organisation_rename", args=["yucai"]), {"name": "X", "version": 1}
        ).status_code
        == status
    )
    assert (
        client.post(
            reverse("core:organisation_close", args=["yucai"]), {"closed_on": today, "version": 1}
        ).status_code
        == status
    )
    assert (
        client.post(
            reverse("core:organisation_create") + "?org=yucai",
            {"parent": world.branch.pk, "code": "g1", "name": "组", "kind": "group"},
        ).status_code
        == status
    )
    assert list(Organisation.objects.values_list("name", "path", "closed_on")) == before


def test_accounts_of_a_closed_branch_offer_no_new_login(world, login):
    newcomer = PersonFactory(organisation=world.other_branch, name="钱二")
    Organisation.objects.filter(pk=world.other_branch.pk).update(closed_on=timezone.localdate())
    response = login(world.bureau).get(ACCOUNTS + "?org=school-14")
    assert "已撤销" in response.content.decode()
    assert not row_of(response, "钱二")["can_create"]
    before = counts()
    refused = login(world.bureau).post(
        reverse("core:account_create", args=[newcomer.pk]), {"username": "qianer"}
    )
    assert "所在党组织已撤销，不能新建账号。" in refused.content.decode()
    assert counts() == before
