"""Chinese text into search tokens, the same way for what is indexed and what is asked, on both
engines (the full-text indexes only split on spaces and fold case).

Indexed text becomes, space-separated:
- the words of rjieba's search mode (`cut_for_search`: jieba-rs, maintained, a wheel on PyPI), and
- every bigram of each run of Chinese characters.

A query becomes, all required (AND):
- each two-character word of rjieba's precise cut (a lone character joined to its neighbour) as it
  is (包教, 党课, 谈心 — always found: every bigram of the text is indexed, whatever the segmenter
  made of its context),
- each longer word as its bigrams (主题党日活动 → 主题 题党 党日 日活 活动), so a phrase is found
  wherever it is written,
- a single character, and letters or digits (pinyin, numbers), as a prefix.

The segmenter's words rank: a text where 党课 is a word holds the token twice (word and bigram), one
where the two characters only meet across words (上党课程 read as 上党/课程) once, so bm25 and ts_rank
put the real word first. The title's tokens weigh more than the body's on both engines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import rjieba
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MIN_LENGTH = 2
MAX_INDEXED = 20000  # characters of a body indexed: a long document's tail adds little but size
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")


def _is_han(token: str) -> bool:
    return bool(_HAN.fullmatch(token))


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str) -> str:
    """The space-separated tokens a text is indexed by."""
    text = (text or "")[:MAX_INDEXED]
    words = [w.lower() for piece in rjieba.cut_for_search(text) for w in _WORD.findall(piece)]
    grams = [g for run in _HAN.findall(text) for g in _bigrams(run)]
    return " ".join(words + grams)


@dataclass(frozen=True)
class Query:
    """A parsed query: `terms` the engine must all match (token, prefix?), `words` to highlight."""

    terms: tuple[tuple[str, bool], ...]
    words: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def fts5(self) -> str:
        """SQLite FTS5 MATCH syntax: quoted tokens (only letters and digits reach here), AND."""
        return " AND ".join(f'"{token}"' + (" *" if prefix else "") for token, prefix in self.terms)

    def tsquery(self) -> str:
        """PostgreSQL to_tsquery('simple', …) syntax: quoted lexemes, `:*` for a prefix, `&`."""
        return " & ".join(f"'{token}'" + (":*" if prefix else "") for token, prefix in self.terms)


def _han_groups(run: str) -> list[str]:
    """rjieba's words of a run of Chinese characters, a single character joined to its neighbour
    (讲党课 → 讲党课, 刘丹 cut as 刘/丹 → 刘丹): alone it would only be a prefix, together its bigrams."""
    groups: list[str] = []
    for piece in rjieba.cut(run):
        if groups and (len(piece) == 1 or len(groups[-1]) == 1):
            groups[-1] += piece
        else:
            groups.append(piece)
    return groups


def parse(text: str) -> Query:
    terms: dict[tuple[str, bool], None] = {}
    words: dict[str, None] = {}
    for token in _WORD.findall((text or "").strip()):
        for run in re.split(f"({_HAN.pattern})", token):
            if not run:
                continue
            if not _is_han(run):
                words[run.lower()] = None
                terms[(run.lower(), True)] = None
                continue
            for word in _han_groups(run):
                words[word] = None
                if len(word) == 1:
                    terms[(word, True)] = None
                for gram in [word] if len(word) == 2 else _bigrams(word):
                    terms[(gram, False)] = None
    return Query(tuple(terms), tuple(words))


def long_enough(text: str) -> bool:
    return len((text or "").strip()) >= MIN_LENGTH


# -- showing a result ---------------------------------------------------------------------------
def _pattern(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)  # 主题党日 before 主题
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)


def highlight(text: str, words: tuple[str, ...]) -> SafeString:
    """`text` as HTML with each query word in <mark>: the text is escaped piece by piece, so neither
    its own markup nor a query word that looks like an entity (lt, amp) can break the page."""
    pattern = _pattern(words)
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped just here
    out, pos = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[pos : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        pos = match.end()
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def snippet(text: str, words: tuple[str, ...], width: int = 120) -> str:
    """About `width` characters of `text` around its first query word (its start when none)."""
    text = " ".join((text or "").split())
    pattern = _pattern(words)
    found = pattern.search(text) if pattern else None
    start = max(0, (found.start() if found else 0) - width // 4)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
