"""The proofreader: find the confusion list's wrong forms in a text, each only in its context.

Pure Python and offline: the built-in list (data/confusions.toml) is read and compiled once per
process; a branch's own entries (plain text, no regex) are compiled per call — a branch has a few.
A match inside a figure reference ({fig:…}) is never flagged: those are codes, not prose.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from zhibu.core.models import Organisation
from zhibu.core.registries.proofing import Suggestion, without_overlaps

from . import selectors

DATA = Path(__file__).resolve().parent / "data" / "confusions.toml"
WINDOW = 40  # characters before a match that a `before` context may look at
PROTECTED = re.compile(r"\{fig:[^}]*\}")
SOURCES = {"reference", "gongwen", "branch"}


@dataclass(frozen=True)
class Rule:
    wrong: str
    right: str
    note: str
    source: str
    before: re.Pattern | None = None
    after: re.Pattern | None = None
    not_before: re.Pattern | None = None
    not_after: re.Pattern | None = None

    def fits(self, text: str, start: int, end: int) -> bool:
        """Whether the context around text[start:end] is one where `wrong` is wrong."""
        left = max(0, start - WINDOW)
        if self.before and not self.before.search(text, left, start):
            return False
        if self.not_before and self.not_before.search(text, left, start):
            return False
        if self.after and not self.after.match(text, end):
            return False
        return not (self.not_after and self.not_after.match(text, end))


def _ending(pattern: str | None) -> re.Pattern | None:
    """A `before` context matches text that ends right where the wrong form starts."""
    return re.compile(f"(?:{pattern})\\Z") if pattern else None


def _starting(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern) if pattern else None


def rule_from(entry: dict) -> Rule:
    if not entry.get("wrong") or not entry.get("right") or entry["wrong"] == entry["right"]:
        raise ValueError(f"confusion entry needs different wrong and right forms: {entry}")
    if entry.get("source") not in SOURCES:
        raise ValueError(f"confusion entry without a known source: {entry}")
    return Rule(
        wrong=entry["wrong"],
        right=entry["right"],
        note=entry.get("note", ""),
        source=entry["source"],
        before=_ending(entry.get("before")),
        after=_starting(entry.get("after")),
        not_before=_ending(entry.get("not_before")),
        not_after=_starting(entry.get("not_after")),
    )


@cache
def builtin_rules() -> tuple[Rule, ...]:
    with DATA.open("rb") as f:
        return tuple(rule_from(entry) for entry in tomllib.load(f)["entry"])


def literal_rule(*, wrong: str, right: str, before: str = "", after: str = "", note: str = "") -> Rule:
    """A branch's entry: contexts are plain text, escaped, so a secretary never writes a regex."""
    return Rule(
        wrong=wrong,
        right=right,
        note=note,
        source="branch",
        before=_ending(re.escape(before)) if before else None,
        after=_starting(re.escape(after)) if after else None,
    )


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PROTECTED.finditer(text)]


def find(text: str, rules: Iterable[Rule]) -> list[Suggestion]:
    """Every place a rule's wrong form stands in its context, in text order; of overlapping ones the
    earlier (then the longer) is kept."""
    shielded = _protected(text)
    found = []
    for rule in rules:
        at = text.find(rule.wrong)
        while at != -1:
            end = at + len(rule.wrong)
            inside = any(s < end and at < e for s, e in shielded)
            if not inside and rule.fits(text, at, end):
                found.append(Suggestion(at, end, rule.wrong, rule.right, rule.note))
            at = text.find(rule.wrong, at + 1)
    return without_overlaps(found)


def check(text: str, org: Organisation | None = None) -> list[Suggestion]:
    """The suspected wrong words of `text`: the built-in list, plus the entries of `org` and of the
    organisations above it. One query when `org` is given, none otherwise."""
    rules = list(builtin_rules())
    if org is not None:
        rules += [
            literal_rule(wrong=e.wrong, right=e.right, before=e.before, after=e.after, note=e.note)
            for e in selectors.entries_applying(org)
        ]
    return find(text, rules)
