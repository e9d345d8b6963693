"""Test support shared by every app: the permission-matrix case type.

Each app lists its URL names in `zhibu/<app>/tests/matrix.py` as MATRIX = {url_name: Case(...)};
tests/test_permission_matrix.py requests every URL as every persona and fails when a URL
pattern is missing from all matrices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ALL_OK = {"secretary": 200, "committee": 200, "member": 200, "checker": 200, "bureau": 200, "outsider": 200}


@dataclass
class Case:
    expect: dict[str, int]
    # kwargs for reverse(); a callable receives the `world` fixture (and may create rows).
    kwargs: dict[str, Any] | Callable[[Any], dict[str, Any]] = field(default_factory=dict)
    query: str | Callable[[Any], str] = ""
    anonymous: int = 302
    method: str = "get"

    def resolve_kwargs(self, world) -> dict[str, Any]:
        return self.kwargs(world) if callable(self.kwargs) else dict(self.kwargs)

    def resolve_query(self, world) -> str:
        return self.query(world) if callable(self.query) else self.query


def officers(**overrides: int) -> dict[str, int]:
    """Officer-only page of branch A: members and the checker get 403, the other branch 404."""
    base = {"secretary": 200, "committee": 200, "member": 403, "checker": 403, "bureau": 200, "outsider": 404}
    base.update(overrides)
    return base
