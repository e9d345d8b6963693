"""Document builders, one per kind, in a registry: `build("annual", org, period)`.

A builder returns a Document whose paragraphs carry source text with {fig:…} references;
`evaluate` computes every referenced figure once and `resolve_all` turns paragraphs into runs.
"""

from __future__ import annotations

from . import documents, ledger  # noqa: F401 - registering modules
from .registry import build, kinds, register

__all__ = ["build", "kinds", "register"]
