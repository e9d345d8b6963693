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


def test_every_url_is_in_the_matrix():
    missing = _url_names() - set(MATRIX)
    assert not missing, f"URL names missing from the permission matrix: {sorted(missing)}"
    stale = set(MATRIX) - _url_names()
    assert not stale, f"matrix lists URL names that no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_permission_matrix(url_name, persona, world, client):
    case = MATRIX[url_name]
    url = reverse(url_name, kwargs=case.resolve_kwargs(world)) + case.resolve_query(world)
    if persona != "anonymous":
        client.force_login(world.users[persona])
    response = getattr(client, case.method)(url)
    expected = case.anonymous if persona == "anonymous" else case.expect[persona]
    assert response.status_code == expected, f"{url_name} as {persona}: {response.status_code} != {expected}"
