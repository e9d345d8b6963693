"""A shared school computer keeps nothing after logout: every page a signed-in user gets — mentoring
cases, plans, outcomes, the monthly review, the dashboard — and the login page carry
`Cache-Control: no-store, private`; downloads keep their own `no-store`; static files stay cacheable."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.cache import get_max_age

from zhibu.mentoring.tests.factories import make_case, make_log


def _never_stored(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives and get_max_age(response) == 0


@pytest.fixture
def case(world):
    case = make_case(world.people["member"])
    make_log(case, date(2023, 5, 8))
    return case


@pytest.mark.parametrize("name", ["mentoring:case", "mentoring:case_plan", "mentoring:case_outcome"])
def test_mentoring_case_pages_are_never_stored(world, login, case, name):
    response = login(world.member).get(reverse(name, args=[case.pk]))
    assert response.status_code == 200
    assert _never_stored(response), response.get("Cache-Control")


def test_mentoring_review_and_case_list_are_never_stored(world, login, case):
    client = login(world.secretary)
    for url in (reverse("mentoring:review") + "?org=yucai&month=2023-05", reverse("mentoring:cases")):
        response = client.get(url)
        assert response.status_code == 200 and _never_stored(response), url


def test_dashboard_is_never_stored(world, login):
    response = login(world.member).get(reverse("core:dashboard"))
    assert response.status_code == 200 and _never_stored(response)


def test_error_pages_of_a_signed_in_user_are_never_stored(world, login, case):
    # another branch's case is a 404: even the error page is not kept
    response = login(world.outsider).get(reverse("mentoring:case", args=[case.pk]))
    assert response.status_code == 404 and _never_stored(response)


def test_login_page_is_never_stored_and_anonymous_redirects_are_left_alone(db, client):
    login_page = client.get(reverse("login"))
    assert login_page.status_code == 200 and _never_stored(login_page)
    redirect = client.get(reverse("core:dashboard"))
    assert redirect.status_code == 302 and not redirect.has_header("Cache-Control")


def test_a_download_keeps_its_own_cache_control(world, login, case):
    client = login(world.secretary)
    response = client.post(reverse("mentoring:booklet") + "?org=yucai", {})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"  # core.downloads' header, untouched


def test_static_files_are_not_marked_no_store(world, settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve from the source tree: no collectstatic in tests
    client = Client()
    client.force_login(world.member)
    response = client.get(settings.STATIC_URL + "css/zhibu.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
