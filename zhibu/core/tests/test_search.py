import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["hits"]]


def test_secretary_finds_her_member_by_two_characters(world, login):
    response = login(world.secretary).get(reverse("core:search"), {"q": "刘丹"})
    assert response.status_code == 200
    assert titles(response) == ["刘丹"]
    assert reverse("people:person", args=[world.people["member"].pk]) in response.content.decode()


def test_search_by_pinyin(world, login):
    response = login(world.secretary).get(reverse("core:search"), {"q": "zhangwen"})
    assert titles(response) == ["张文华"]


def test_outsider_does_not_find_another_branchs_people(world, login):
    response = login(world.outsider).get(reverse("core:search"), {"q": "刘丹"})
    assert titles(response) == []
    assert "没有找到" in response.content.decode()


def test_member_without_roster_permission_sees_no_people(world, login):
    response = login(world.member).get(reverse("core:search"), {"q": "张文华"})
    assert titles(response) == []


def test_bureau_finds_people_of_every_branch(world, login):
    response = login(world.bureau).get(reverse("core:search"), {"q": "林志强"})
    assert titles(response) == ["林志强"]


def test_one_character_asks_for_more(world, login):
    response = login(world.secretary).get(reverse("core:search"), {"q": "刘"})
    assert titles(response) == []
    assert "请至少输入两个字" in response.content.decode()
