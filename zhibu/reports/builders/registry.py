"""The builders registry: one builder per document kind, registered by the modules beside it."""

from __future__ import annotations

from collections.abc import Callable

from zhibu.core.periods import Period
from zhibu.core.registries.sections import SectionContext

from ..document import Document

Builder = Callable[[object, Period, SectionContext], Document]
_BUILDERS: dict[str, tuple[str, Builder]] = {}


def register(kind: str, label: str):
    def decorator(func: Builder) -> Builder:
        _BUILDERS[kind] = (label, func)
        return func

    return decorator


def kinds() -> dict[str, str]:
    return {kind: str(label) for kind, (label, _f) in _BUILDERS.items()}


def build(kind: str, org, period: Period) -> tuple[Document, SectionContext]:
    if kind not in _BUILDERS:
        raise KeyError(f"no document kind {kind}")
    ctx = SectionContext(document=kind, org=org, period=period)
    document = _BUILDERS[kind][1](org, period, ctx)
    for number, paragraph in enumerate(document.paragraphs(), start=1):
        paragraph.key = paragraph.key or f"p{number}"
    return document, ctx
