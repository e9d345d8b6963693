"""The decorator every document renderer registers with, and the render shortcut."""

from __future__ import annotations

import functools
from collections.abc import Callable

from zhibu.core.registries import exporters
from zhibu.core.registries.exporters import DOCUMENT, Progress, no_progress

from ..document import Document


def register(
    fmt: str,
    *,
    label: str,
    content_type: str,
    order: int = 100,
    available: Callable[[], bool] | None = None,
):
    """Decorator on `render(document) -> bytes`: registers it as the document renderer of `fmt`;
    `order` places its download button."""

    def decorator(func: Callable[[Document], bytes]):
        @functools.wraps(func)
        def with_progress(document: Document, progress: Progress = no_progress) -> bytes:
            progress(0, 1)
            body = func(document)
            progress(1, 1)
            return body

        exporters.register_renderer(
            fmt,
            source=DOCUMENT,
            label=label,
            content_type=content_type,
            available=available,
            order=order,
        )(with_progress)
        return func

    return decorator


def render(fmt: str, document: Document) -> bytes:
    return exporters.renderer(DOCUMENT, fmt).render(document, no_progress)
