"""Renderers in a registry: `render("docx", document) -> bytes`. A resolved Document in, a file out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..document import Document


@dataclass(frozen=True)
class Renderer:
    fmt: str
    label: str
    content_type: str
    func: Callable[[Document], bytes]


_RENDERERS: dict[str, Renderer] = {}


def register(fmt: str, *, label: str, content_type: str):
    def decorator(func: Callable[[Document], bytes]):
        _RENDERERS[fmt] = Renderer(fmt, label, content_type, func)
        return func

    return decorator


def formats() -> dict[str, Renderer]:
    _load()
    return dict(_RENDERERS)


def render(fmt: str, document: Document) -> bytes:
    _load()
    if fmt not in _RENDERERS:
        raise KeyError(f"no renderer for {fmt}")
    return _RENDERERS[fmt].func(document)


def _load() -> None:
    from . import docx, html, markdown, xlsx  # noqa: F401 - registering modules
