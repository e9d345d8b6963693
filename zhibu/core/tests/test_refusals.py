"""A refusal says which roles may do the thing, and whom to ask: never "ask the secretary" to the
secretary herself."""

from django.urls import reverse


def test_a_secretary_refused_the_cadence_rules_is_sent_to_the_superior(world, login):
    response = login(world.secretary).get(reverse("meetings:rules"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "局党委查看" in page and "请联系上级党委" in page and "请联系支部书记" not in page


def test_a_member_refused_an_officer_page_is_sent_to_her_secretary(world, login):
    response = login(world.member).get(reverse("people:list") + "?org=yucai")
    page = response.content.decode()
    assert response.status_code == 403
    assert "书记" in page and "请联系支部书记" in page
