"""A refusal says which roles may do the thing, and whom to ask: never "ask the secretary" to the
secretary herself."""

from django.urls import reverse

from zhibu.core.tests.factories import PersonFactory, make_user


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


def test_a_refusal_with_a_reason_of_its_own_shows_that_reason(world, login):
    # A deputy secretary of the same branch: the secretary may not touch an account holding a
    # role she could not grant, and the page says so instead of a generic "no permission".
    deputy = make_user("fushuji", world.branch, "secretary", person=PersonFactory(organisation=world.branch))
    response = login(world.secretary).post(reverse("core:account_reset", args=[deputy.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "该账号拥有您无权授予的角色，请由上级党组织办理。" in page
    assert "请联系支部书记" not in page


def test_a_refusal_naming_no_right_sends_a_secretary_up_and_a_member_to_her_secretary(rf, world):
    from django.core.exceptions import PermissionDenied

    from zhibu.core.views.pages import permission_denied

    for user, contact in [(world.secretary, "请联系上级党委"), (world.member, "请联系支部书记")]:
        request = rf.get("/")
        request.user = user
        page = permission_denied(request, PermissionDenied()).content.decode()
        assert "您的角色不能进行此操作" in page and contact in page


def test_the_lockout_page_says_how_to_get_back_in(client):
    from django.template.loader import render_to_string

    page = render_to_string("registration/locked.html")
    assert "重置密码" in page and "上级党委" in page
