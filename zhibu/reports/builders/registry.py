"""The builders registry: one builder per document kind, registered by the modules beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zhibu.core.periods import Period
from zhibu.core.registries import figures
from zhibu.core.registries.exporters import Progress, no_progress
from zhibu.core.registries.figures import FigureValue
from zhibu.core.registries.sections import SectionContext, token_key

from ..document import Document, tidy

Builder = Callable[[object, Period, SectionContext], Document]
_BUILDERS: dict[str, tuple[str, Builder]] = {}


def register(kind: str, label: str):
    def decorator(func: Builder) -> Builder:
        _BUILDERS[kind] = (label, func)
        return func

    return decorator


def kinds() -> dict[str, str]:
    return {kind: str(label) for kind, (label, _f) in _BUILDERS.items()}


@dataclass
class TrackedContext(SectionContext):
    """A SectionContext that reports each figure it computes: computing figures over a year or a
    bureau's subtree is where drafting spends its time, so the job's bar counts them. The total is
    the number of registered figures until drafting ends (a document may reference fewer, or a
    figure twice with different parameters); `drafting.draft` then reports the exact count."""

    progress: Progress = no_progress
    computed: int = 0

    def value(self, code: str, **params: Any) -> FigureValue:
        fresh = token_key(code, params) not in self.cache
        found = super().value(code, **params)
        if fresh:
            self.computed += 1
            self.progress(self.computed, max(len(figures.all()), self.computed + 1))
        return found


def build(
    kind: str, org, period: Period, progress: Progress = no_progress
) -> tuple[Document, TrackedContext]:
    if kind not in _BUILDERS:
        raise KeyError(f"no document kind {kind}")
    ctx = TrackedContext(document=kind, org=org, period=period, progress=progress)
    document = _BUILDERS[kind][1](org, period, ctx)
    for number, paragraph in enumerate(document.paragraphs(), start=1):
        paragraph.key = paragraph.key or f"p{number}"
        # the last guard: however clauses were joined, no "，，" or "，。" leaves the builder
        paragraph.text = tidy(paragraph.text)
    return document, ctx
