"""Sort Chinese names 按姓氏笔画, the way official name lists are ordered.

Rule: compare the first character (the surname) by total stroke count, then by its stroke
sequence stroke by stroke in the order 横 1 < 竖 2 < 撇 3 < 点 4 < 折 5; if still equal,
compare the next character the same way, and so on.  Pinyin order is not used at all.

Stroke data lives in data/strokes.tsv (provenance and licence in data/strokes.LICENSE.txt).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_DATA = Path(__file__).resolve().parent / "data" / "strokes.tsv"

# Separators that appear inside names (e.g. 买买提·艾力, 玛丽 居里) but carry no order.
_IGNORED = frozenset("·・•‧∙")


@functools.cache
def _table() -> dict[str, str]:
    # Loaded on first use only, so importing the module (e.g. from settings or models) stays cheap.
    table: dict[str, str] = {}
    with _DATA.open(encoding="utf-8") as fh:
        for line in fh:
            ch, _, seq = line.rstrip("\n").partition("\t")
            if ch and seq:
                table[ch] = seq
    return table


def stroke_sequence(ch: str) -> str:
    """Stroke sequence of one character as digits 1-5, or "" when it is not in the table."""
    if len(ch) != 1:
        raise ValueError(f"expected a single character, got {ch!r}")
    return _table().get(ch, "")


def stroke_count(ch: str) -> int:
    """Total strokes of one character, 0 when unknown."""
    return len(stroke_sequence(ch))


def _char_key(ch: str) -> tuple[int, int, str]:
    seq = _table().get(ch)
    if seq is None:
        # Unknown characters (rare hanzi, Latin letters, ...) go after every known one and
        # among themselves by code point, so the order is still total and deterministic.
        return (1, ord(ch), "")
    # Within the same count, plain string comparison of equal-length digit strings is
    # exactly the stroke-by-stroke 横竖撇点折 comparison.
    return (0, len(seq), seq)


@functools.lru_cache(maxsize=65536)
def name_sort_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Key for 按姓氏笔画 ordering; a name that is a prefix of another sorts first (王五 < 王五一).
    Cached: a bureau's rules sort its members' names many times over (a key is an immutable tuple)."""
    return tuple(_char_key(ch) for ch in name if not ch.isspace() and ch not in _IGNORED)


def sort_by_surname_strokes(items: Iterable[T], key: Callable[[T], str] = lambda x: x) -> list[T]:
    """Return items sorted 按姓氏笔画 by key(item); stable, so equal names keep their input order."""
    return sorted(items, key=lambda item: name_sort_key(key(item)))


SORT_KEY_LENGTH = 1000


def name_sort_string(name: str) -> str:
    """name_sort_key as a string of digits, for a database column ordered by plain comparison: each
    known character is "0", its stroke count in two digits and its stroke sequence; an unknown one
    is "1" and its code point in seven digits. Equal characters encode alike, so the first
    differing character decides, exactly as the tuple comparison does; a prefix still sorts first.
    Cut at SORT_KEY_LENGTH (an index entry stays small; no real name comes near it)."""
    parts = []
    for flag, count, seq in name_sort_key(name):
        parts.append(f"0{count:02d}{seq}" if flag == 0 else f"1{count:07d}")
    return "".join(parts)[:SORT_KEY_LENGTH]
