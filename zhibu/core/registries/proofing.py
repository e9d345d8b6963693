"""Proofing registry: checkers that mark suspected wrong words in a text with a suggested correction.

The proofread app registers its confusion-list checker from `proofing.py`; the report editor (which
imports only core) asks `check(text, org)` and shows each `Suggestion` with a one-click correction.
Offsets are into the text as given (Python str indices), so `apply` replaces exactly the marked span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    wrong: str
    right: str
    note: str = ""

    @property
    def token(self) -> str:
        """What a form posts to accept this suggestion: the position and both forms, so a text that
        changed since it was checked is refused instead of corrected in the wrong place."""
        return f"{self.start}:{self.end}:{self.right}"


Checker = Callable[[str, Any], list[Suggestion]]
_CHECKERS: dict[str, Checker] = {}


def register(code: str, checker: Checker) -> None:
    _CHECKERS[code] = checker


def check(text: str, org=None) -> list[Suggestion]:
    """Every registered checker's suggestions, in text order, without overlaps."""
    return without_overlaps([s for checker in _CHECKERS.values() for s in checker(text, org)])


def check_parts(parts: list[tuple[str, str]], org=None) -> dict[str, list[Suggestion]]:
    """Suggestions for several texts (a document's paragraphs) keyed by each text's key, offsets
    into that text, from one check of the texts joined by blank lines (so a checker reads its
    branch's entries once)."""
    joined, starts, at = [], [], 0
    for _key, text in parts:
        starts.append(at)
        joined.append(text)
        at += len(text) + 2
    found: dict[str, list[Suggestion]] = {}
    for suggestion in check("\n\n".join(joined), org):
        index = max(i for i, start in enumerate(starts) if start <= suggestion.start)
        base = starts[index]
        own = replace(suggestion, start=suggestion.start - base, end=suggestion.end - base)
        found.setdefault(parts[index][0], []).append(own)
    return found


def without_overlaps(suggestions: list[Suggestion]) -> list[Suggestion]:
    """In text order; where two overlap the earlier (then the longer) one wins, so applying them all
    never corrupts the text."""
    kept: list[Suggestion] = []
    for suggestion in sorted(suggestions, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or suggestion.start >= kept[-1].end:
            kept.append(suggestion)
    return kept


def find(suggestions: list[Suggestion], token: str) -> Suggestion | None:
    return next((s for s in suggestions if s.token == token), None)


def apply(text: str, suggestion: Suggestion) -> str:
    return text[: suggestion.start] + suggestion.right + text[suggestion.end :]


def apply_all(text: str, suggestions: list[Suggestion]) -> str:
    """Apply non-overlapping suggestions from the end, so earlier offsets stay valid."""
    for suggestion in sorted(suggestions, key=lambda s: s.start, reverse=True):
        text = apply(text, suggestion)
    return text


def segments(text: str, suggestions: list[Suggestion]) -> list[dict[str, Any]]:
    """The text cut into plain runs and marked runs (each with its suggestion), for a template."""
    parts: list[dict[str, Any]] = []
    at = 0
    for suggestion in suggestions:
        if suggestion.start > at:
            parts.append({"text": text[at : suggestion.start], "suggestion": None})
        parts.append({"text": text[suggestion.start : suggestion.end], "suggestion": suggestion})
        at = suggestion.end
    if at < len(text):
        parts.append({"text": text[at:], "suggestion": None})
    return parts
