"""Fixtures for core's own tests."""

from __future__ import annotations

import pytest

from zhibu.core.registries import jobs as job_kinds


@pytest.fixture
def kinds():
    """Throwaway job kinds registered for one test."""
    added: list[str] = []

    def add(kind: str, handler, perm: str = "people.import"):
        job_kinds.register(kind, perm=perm)(handler)
        added.append(kind)

    yield add
    for kind in added:
        job_kinds._KINDS.pop(kind, None)
