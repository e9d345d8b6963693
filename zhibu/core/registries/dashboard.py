"""Dashboard panel registry: an app adds a panel (template + context function + permission) so the
dashboard shows it without core importing the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import policy


@dataclass(frozen=True)
class Panel:
    code: str
    template: str
    context: Callable[..., dict[str, Any]]  # (request, org, period) -> template context
    perm: str
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register(code: str, *, template: str, perm: str, order: int = 100):
    def decorator(func: Callable[..., dict[str, Any]]):
        _PANELS[code] = Panel(code, template, func, perm, order)
        return func

    return decorator


def panels_for(request, org, period) -> list[dict[str, Any]]:
    visible = sorted(_PANELS.values(), key=lambda p: (p.order, p.code))
    return [
        {"code": p.code, "template": p.template, "data": p.context(request, org, period)}
        for p in visible
        if policy.has_perm(request.user, p.perm, org)
    ]


def findings_of(request, org, period) -> list:
    """The rule checks of (org, period), run once per request however many panels show them, and
    across requests only when a write or the date has changed them (core/findings_store.py)."""
    cache = request.__dict__.setdefault("_zhibu_findings", {}) if request is not None else {}
    key = (org.pk, period.start, period.end)
    if key not in cache:
        from .. import findings_store

        cache[key] = findings_store.stored(org, period)
    return cache[key]
