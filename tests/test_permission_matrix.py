"""Every URL pattern × every persona, with the expected status. A new URL that no app's
matrix lists fails `test_every_url_is_in_the_matrix`."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import zhibu
from conftest import PERSONAS
from zhibu.core.testing import Case

SKIP_NAMESPACES = {"admin"}


def _collect_matrix() -> dict[str, Case]:
    matrix: dict[str, Case] = {}
    for app in pkgutil.iter_modules(zhibu.__path__):
        try:
            module = importlib.import_module(f"zhibu.{app.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        overlap = set(matrix) & set(module.MATRIX)
        assert not overlap, f"URL names listed twice: {overlap}"
        matrix.update(module.MATRIX)
    return matrix


def _url_names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIP_NAMESPACES:
                continue
            ns = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


MATRIX = _collect_matrix()
URL_NAMES = sorted(MATRIX)
SIGNED_IN = [persona for persona in PERSONAS if persona != "anonymous"]


def _cases(keep) -> list:
    """(url_name, persona) pairs whose expected status passes `keep`, with the ids the matrix always had."""
    return [
        pytest.param(url_name, persona, id=f"{url_name}-{persona}")
        for url_name in URL_NAMES
        for persona in SIGNED_IN
        if keep(MATRIX[url_name].expect[persona])
    ]


# Every signed-in (url, persona) pair falls in exactly one of these three (pretix's shape): another
# branch's rows do not exist for you (404), in scope without the permission is refused (403), the rest
# is what the persona may do (200, or 302/405 where the view answers that way).
OUT_OF_SCOPE = _cases(lambda status: status == 404)
NO_PERMISSION = _cases(lambda status: status == 403)
PERMITTED = _cases(lambda status: status not in (403, 404))


def _request(client, world, url_name: str, persona: str):
    case = MATRIX[url_name]
    url = reverse(url_name, kwargs=case.resolve_kwargs(world)) + case.resolve_query(world)
    if persona != "anonymous":
        client.force_login(world.users[persona])
    return getattr(client, case.method)(url)


def _templates(response) -> list[str]:
    return [template.name for template in response.templates]


@pytest.fixture
def no_page_rendering(monkeypatch):
    """Only the status is asserted, so page templates render as an empty string (pretix's perf_patch).
    Views, forms, permission checks, queries and redirects all run as usual."""
    monkeypatch.setattr("django.template.backends.django.Template.render", lambda *args, **kwargs: "")


def test_every_url_is_in_the_matrix():
    missing = _url_names() - set(MATRIX)
    assert not missing, f"URL names missing from the permission matrix: {sorted(missing)}"
    stale = set(MATRIX) - _url_names()
    assert not stale, f"matrix lists URL names that no longer exist: {sorted(stale)}"


def test_every_signed_in_case_is_checked_exactly_once():
    checked = [param.values for param in OUT_OF_SCOPE + NO_PERMISSION + PERMITTED]
    assert sorted(checked) == sorted((url_name, persona) for url_name in URL_NAMES for persona in SIGNED_IN)


@pytest.mark.parametrize("url_name", URL_NAMES)
def test_anonymous(url_name, world, client):
    response = _request(client, world, url_name, "anonymous")
    expected = MATRIX[url_name].anonymous
    assert response.status_code == expected, f"{url_name} as anonymous: {response.status_code} != {expected}"
    if expected == 302:
        assert response["Location"].startswith(reverse("login") + "?next="), response["Location"]


@pytest.mark.parametrize(("url_name", "persona"), OUT_OF_SCOPE)
def test_other_branch_gets_404(url_name, persona, world, client):
    response = _request(client, world, url_name, persona)
    assert response.status_code == 404, f"{url_name} as {persona}: {response.status_code} != 404"
    assert "404.html" in _templates(response)


@pytest.mark.parametrize(("url_name", "persona"), NO_PERMISSION)
def test_in_scope_without_permission_gets_403(url_name, persona, world, client):
    response = _request(client, world, url_name, persona)
    assert response.status_code == 403, f"{url_name} as {persona}: {response.status_code} != 403"
    assert "403.html" in _templates(response)


@pytest.mark.parametrize(("url_name", "persona"), PERMITTED)
def test_permitted(url_name, persona, world, client, no_page_rendering):
    response = _request(client, world, url_name, persona)
    expected = MATRIX[url_name].expect[persona]
    assert response.status_code == expected, f"{url_name} as {persona}: {response.status_code} != {expected}"


def test_daily_use_and_account_pages_are_in_the_matrix():
    # Named here too, so that moving them under another name cannot drop them from the matrix unseen.
    daily = {"core:remove", "core:recycle", "core:recycle_restore", "password_change", "core:accounts"}
    assert daily <= set(MATRIX)
    ledgers = {name.split(":")[0] for name in MATRIX if ":" in name}
    assert {"meetings", "study", "mentoring", "care", "service", "pledges", "talks", "dues"} <= ledgers
