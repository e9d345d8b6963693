"""Document renderers: a resolved Document in, a file out. Each registers once, in core's exporter
registry, as a "document" renderer (`core.registries.exporters`); `render("docx", document)` is the
shortcut for code that already holds a document (the management command, pdf, tests)."""

from __future__ import annotations

from . import docx, html, markdown, pdf, xlsx  # noqa: F401 - registering modules
from .registry import register, render

__all__ = ["register", "render"]
