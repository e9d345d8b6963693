"""The roster pages: who sees whom, search, pagination, the three write forms and their bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from zhibu.core.models import AuditEntry, PartyStatusChange, Person
from zhibu.core.strokes import name_sort_key
from zhibu.core.tests.factories import PersonFactory, id_number_for

PEOPLE = reverse("people:list")
BRANCH_A = {"张文华", "于雪华", "刘丹", "何静"}
BRANCH_B = {"林志强", "黄海燕"}


def names_on(response) -> list[str]:
    return [p.name for p in response.context["page"].object_list]


def counts() -> tuple[int, int, int]:
    return Person.objects.count(), PartyStatusChange.objects.count(), AuditEntry.objects.count()


# --- reading -------------------------------------------------------------------------------------


def test_secretary_sees_her_branch_sorted_by_strokes(world, login):
    response = login(world.secretary).get(PEOPLE)
    assert response.status_code == 200
    names = names_on(response)
    assert set(names) == BRANCH_A
    assert names == sorted(names, key=name_sort_key)
    assert names[0] == "于雪华"  # 于 3 strokes, 刘 6, 何/张 7
    html = response.content.decode()
    assert "XX市育才学校党支部 · 人员名册" in html
    assert "名单按姓氏笔画排序" in html


def test_list_paginates(world, login):
    for i in range(30):
        PersonFactory(organisation=world.branch, name=f"王{'一二三四五六七八九十'[i % 10]}{i}")
    client = login(world.secretary)
    first = client.get(PEOPLE)
    assert len(names_on(first)) == 25
    assert "第 1 / 2 页，共 34 条" in first.content.decode()
    second = client.get(PEOPLE + "?page=2")
    assert len(names_on(second)) == 9
    assert not set(names_on(first)) & set(names_on(second))


def test_list_never_shows_a_full_id_number(world, login):
    number = id_number_for(7, date(1982, 5, 20))
    Person.objects.filter(pk=world.people["member"].pk).update(id_number=number)
    client = login(world.secretary)
    html = client.get(PEOPLE).content.decode()
    assert number not in html
    assert f"{number[:6]}********{number[-4:]}" in html
    assert (
        number
        not in client.get(reverse("people:person", kwargs={"pk": world.people["member"].pk})).content.decode()
    )


@pytest.mark.parametrize("query", ["丹", "刘丹", "liudan", "LiuDan", "liu dan", "dan"])
def test_search_by_name_and_pinyin(world, login, query):
    response = login(world.secretary).get(PEOPLE, {"q": query})
    assert names_on(response) == ["刘丹"]


def test_search_with_no_match_says_so(world, login):
    response = login(world.secretary).get(PEOPLE, {"q": "不存在的人"})
    assert names_on(response) == []
    assert response.status_code == 200


def test_status_filter(world, login):
    response = login(world.secretary).get(PEOPLE, {"status": "activist"})
    assert names_on(response) == ["何静"]
    members = login(world.secretary).get(PEOPLE, {"status": "members"})
    assert set(names_on(members)) == BRANCH_A - {"何静"}


def test_member_gets_403_and_outsider_404(world, login):
    assert login(world.member).get(PEOPLE).status_code == 403
    assert login(world.member).get(PEOPLE + "?org=yucai").status_code == 403
    assert login(world.checker).get(PEOPLE + "?org=yucai").status_code == 403
    outsider = login(world.outsider)
    assert outsider.get(PEOPLE + "?org=yucai").status_code == 404
    assert outsider.get(PEOPLE + "?org=no-such-branch").status_code == 404
    for name in ("people:person", "people:edit", "people:status"):
        url = reverse(name, kwargs={"pk": world.people["member"].pk})
        assert outsider.get(url).status_code == 404, name
        assert outsider.post(url, {"name": "篡改"}).status_code == 404, name
    assert set(names_on(outsider.get(PEOPLE))) == BRANCH_B


def test_refusals_are_explained_in_chinese(world, login, settings):
    settings.DEBUG = False
    not_found = login(world.outsider).get(reverse("people:person", kwargs={"pk": world.people["member"].pk}))
    assert not_found.status_code == 404
    assert "页面不存在" in not_found.content.decode()
    assert "刘丹" not in not_found.content.decode()  # nothing about the record leaks
    forbidden = login(world.member).get(PEOPLE)
    assert forbidden.status_code == 403
    assert "没有权限" in forbidden.content.decode()


def test_outsider_cannot_create_in_another_branch(world, login):
    before = counts()
    response = login(world.outsider).post(
        reverse("people:create") + "?org=yucai", {"name": "外人", "gender": "M", "party_status": "none"}
    )
    assert response.status_code == 404
    assert counts() == before


def test_bureau_sees_both_branches(world, login):
    client = login(world.bureau)
    response = client.get(PEOPLE)
    assert set(names_on(response)) == BRANCH_A | BRANCH_B
    html = response.content.decode()
    assert "所在党组织" in html and "XX市第十四中学党支部" in html  # which branch each person is in
    assert "所在党组织" not in login(world.secretary).get(PEOPLE).content.decode()
    client = login(world.bureau)
    assert set(names_on(client.get(PEOPLE + "?org=school-14"))) == BRANCH_B
    assert set(names_on(client.get(PEOPLE + "?org=yucai"))) == BRANCH_A
    detail = client.get(reverse("people:person", kwargs={"pk": world.people["outsider"].pk}))
    assert detail.status_code == 200
    # ...but reads only: no edit links, and the edit form is refused.
    assert (
        "编辑"
        not in client.get(reverse("people:person", kwargs={"pk": world.people["member"].pk})).content.decode()
    )
    assert client.get(reverse("people:edit", kwargs={"pk": world.people["member"].pk})).status_code == 403


def test_people_list_query_count_is_constant(world, login, django_assert_max_num_queries):
    client = login(world.secretary)
    client.get(PEOPLE)  # warm the session and caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(PEOPLE).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(40):
        PersonFactory(organisation=world.branch, party_status="full")
    assert queries() == few
    with django_assert_max_num_queries(few):
        client.get(PEOPLE + "?page=2")


# --- writing -------------------------------------------------------------------------------------


def test_the_id_number_is_a_one_line_field(world, login):
    page = login(world.secretary).get(reverse("people:create") + "?org=yucai").content.decode()
    assert '<input type="text" name="id_number"' in page and 'name="id_number" cols' not in page


def test_create_happy_path(world, login):
    number = id_number_for(88, date(1990, 2, 3))
    before = counts()
    client = login(world.secretary)
    response = client.post(
        reverse("people:create") + "?org=yucai",
        {
            "name": "王新",
            "gender": "M",
            "id_number": number,
            "phone": "13912345678",
            "is_staff_member": "on",
            "party_status": "activist",
            "status_since": "2024-03-01",
        },
    )
    person = Person.objects.get(name="王新")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person", kwargs={"pk": person.pk})
    assert person.organisation == world.branch
    assert person.id_number == number
    assert person.birth_date == date(1990, 2, 3)  # read from the ID number
    assert person.name_pinyin == "wangxin"
    assert person.party_status == "activist"
    assert list(person.status_changes.values_list("status", "since")) == [("activist", date(2024, 3, 1))]
    assert counts() == (before[0] + 1, before[1] + 1, before[2] + 1)
    page = client.get(response["Location"])
    assert "已添加 王新" in page.content.decode()


def test_edit_happy_path(world, login):
    person = world.people["member"]
    client = login(world.committee)
    url = reverse("people:edit", kwargs={"pk": person.pk})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "刘丹",
            "gender": "F",
            "phone": "13700000000",
            "unit": "语文组",
            "is_staff_member": "on",
            "version": 1,
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.phone, person.unit, person.version) == ("13700000000", "语文组", 2)
    assert AuditEntry.objects.filter(action="people.person.updated", object_id=str(person.pk)).count() == 1


def test_status_change_happy_path(world, login):
    person = world.people["checker"]
    response = login(world.secretary).post(
        reverse("people:status", kwargs={"pk": person.pk}),
        {"status": "candidate", "since": "2024-05-01", "note": "支委会讨论通过"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.party_status == "candidate"
    assert person.status_changes.last().note == "支委会讨论通过"


def _create(login, world, **overrides):
    data = {"name": "王新", "gender": "M", "is_staff_member": "on", "party_status": "none", **overrides}
    return login(world.secretary).post(reverse("people:create") + "?org=yucai", data)


def test_invalid_id_number_checksum_is_refused(world, login):
    good = id_number_for(88, date(1990, 2, 3))
    bad = good[:-1] + ("1" if good[-1] == "0" else "0")
    before = counts()
    response = _create(login, world, id_number=bad)
    assert response.status_code == 200
    assert "身份证号校验位不正确" in response.content.decode()
    assert counts() == before


def test_malformed_id_number_is_refused(world, login):
    before = counts()
    response = _create(login, world, id_number="12345")
    assert "身份证号应为18位" in response.content.decode()
    assert counts() == before


def test_duplicate_id_number_is_refused(world, login):
    number = id_number_for(88, date(1990, 2, 3))
    assert _create(login, world, id_number=number).status_code == 302
    before = counts()
    response = _create(login, world, name="李新", id_number=number.lower())
    assert response.status_code == 200
    page = response.content.decode()
    assert f"该身份证号已登记在{world.branch.name}的人员名下" in page and "组织关系转接" in page
    assert counts() == before
    # Also when editing someone else to the same number.
    person = world.people["member"]
    response = login(world.secretary).post(
        reverse("people:edit", kwargs={"pk": person.pk}),
        {"name": "刘丹", "gender": "F", "id_number": number, "version": 1},
    )
    assert "该身份证号已登记在" in response.content.decode()
    person.refresh_from_db()
    assert (person.id_number, person.version) == ("", 1)


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_is_refused(world, login, name):
    before = counts()
    response = _create(login, world, name=name)
    assert response.status_code == 200
    html = response.content.decode()
    assert "姓名" in html and ("这个字段是必填项" in html or "姓名不能为空" in html)
    assert counts() == before


def test_status_date_in_the_future_is_refused(world, login):
    person = world.people["checker"]
    before = counts()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = login(world.secretary).post(
        reverse("people:status", kwargs={"pk": person.pk}),
        {"status": "candidate", "since": tomorrow.isoformat()},
    )
    assert response.status_code == 200
    assert "起始日期不能晚于今天" in response.content.decode()
    assert counts() == before
    person.refresh_from_db()
    assert person.party_status == "activist"


def test_status_date_before_the_last_change_is_refused(world, login):
    person = world.people["checker"]  # activist since 2005-07-01 (factory default)
    before = counts()
    response = login(world.secretary).post(
        reverse("people:status", kwargs={"pk": person.pk}),
        {"status": "candidate", "since": "2001-01-01"},
    )
    assert "起始日期不能早于上一次变动" in response.content.decode()
    assert counts() == before


def test_create_status_date_in_the_future_is_refused(world, login):
    before = counts()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = _create(login, world, party_status="activist", status_since=tomorrow.isoformat())
    assert response.status_code == 200
    assert "起始日期不能晚于今天" in response.content.decode()
    assert counts() == before
