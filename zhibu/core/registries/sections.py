"""The third registry: narrative sections ledgers draft for the documents `reports` builds.

A ledger registers a drafter that returns paragraphs whose text embeds figure references;
the document builder resolves each reference against the figures registry, so every number in
a document is a FigureValue that links to its records:

    @sections.register("study.practice", part="basic", title=_("加强学习，提高认识"), order=20)
    def study_practice(org, period, ctx) -> list[Para]:
        return [Para(_("集中学习%(n)s，其中讲党课%(l)s。") % {
            "n": fig("study.sessions"), "l": fig("study.sessions", form="party_lecture")})]

Parts: "basic" (一、基本情况和主要做法), "achievements" (二、取得的成绩); "weaknesses" and
"plans" are drafted by reports from findings and the obligations providers registered here:

    @sections.obligations("meetings.calendar")
    def next_obligations(org, period) -> list[Obligation]: ...

A ledger that registers figures but no section still reaches every document: the builder adds a
generic paragraph listing its figures. See docs/reports.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..periods import Period
from . import figures
from .figures import FigureValue

PARTS = ("basic", "achievements", "weaknesses", "plans")
DOCUMENTS = frozenset({"annual", "monthly", "weekly"})
TOKEN = re.compile(r"\{fig:([a-z0-9_]+\.[a-z0-9_]+)((?:\|[a-z0-9_]+=[^|{}]*)*)\}")
# A reference may carry a period of its own (the monthly summary's table: the previous month, the
# same month last year): {fig:meetings.held|at=month:2026-10-01:2026-10-31}. It is not passed to
# the figure; the figure is computed for that period instead of the document's.
AT = "at"


def _param_text(value: Any) -> str:
    return ":".join(value.as_json()) if isinstance(value, Period) else str(value)


def param_period(text: str) -> Period:
    return Period.from_json(text.split(":"))


def split_period(params: dict[str, Any], default: Period) -> tuple[Period, dict[str, Any]]:
    """(the period a reference is computed for, the parameters the figure itself takes)."""
    if AT not in params:
        return default, params
    rest = {k: v for k, v in params.items() if k != AT}
    at = params[AT]
    return (at if isinstance(at, Period) else param_period(at)), rest


def fig(code: str, **params: Any) -> str:
    """The reference a drafter embeds in its text: {fig:study.sessions|form=party_lecture}."""
    figures.get(code)  # fail at drafting time, not at render time, on a typo
    return "{fig:" + token_key(code, params) + "}"


def parse_token(body_code: str, raw_params: str) -> tuple[str, dict[str, str]]:
    params = dict(part.split("=", 1) for part in raw_params.split("|") if part)
    return body_code, params


def token_key(code: str, params: dict[str, Any]) -> str:
    return code + "".join(f"|{key}={_param_text(params[key])}" for key in sorted(params))


@dataclass
class Para:
    """A drafted paragraph; `text` may embed {fig:…} references."""

    text: str


@dataclass
class Obligation:
    """Something due in a coming period (a meeting to hold, a report to submit).

    A summary's 今后的打算 merges a group's obligations into one sentence: `lead` then, per `how`,
    the `what`s joined — "严格落实“三会一课”制度，按月召开支委会和主题党日、按季度召开党课".
    `group` is the practice it belongs to (findings.practice). `done`: already met (a meeting
    held); the dashboard leaves those out, a plan drafted from the rules keeps them."""

    due_on: date | None
    text: str
    source: str = ""
    group: str = ""
    lead: str = ""
    how: str = ""
    what: str = ""
    done: bool = False
    rank: int = 0  # the order of `how`s within a group's sentence (monthly before quarterly …)


@dataclass
class SectionContext:
    """Given to drafters: which document is being built, plus cached figure values so a drafter
    can decide what to say (omit a practice with no records) without computing twice."""

    document: str
    org: Any
    period: Period
    cache: dict[str, FigureValue] = field(default_factory=dict)

    def value(self, code: str, **params: Any) -> FigureValue:
        key = token_key(code, params)
        if key not in self.cache:
            period, own = split_period(params, self.period)
            self.cache[key] = figures.compute(code, self.org, period, **own)
        return self.cache[key]


@dataclass(frozen=True)
class SectionSpec:
    code: str
    part: str
    title: str
    order: int
    documents: frozenset
    func: Callable[..., list[Para]]

    @property
    def ledger(self) -> str:
        return self.code.split(".", 1)[0]


class SectionRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, SectionSpec] = {}
        self._obligations: dict[str, Callable[[Any, Period], Iterable[Obligation]]] = {}
        self._ledger_labels: dict[str, str] = {}
        self._remedies: dict[str, str] = {}

    def register(
        self,
        code: str,
        *,
        part: str,
        title: str,
        order: int = 100,
        documents: Iterable[str] = DOCUMENTS,
    ):
        if part not in PARTS:
            raise ValueError(f"unknown section part {part!r}")
        docs = frozenset(documents)
        if docs - DOCUMENTS:
            raise ValueError(f"unknown documents {sorted(docs - DOCUMENTS)}")

        def decorator(func: Callable[..., list[Para]]):
            self._specs[code] = SectionSpec(code, part, title, order, docs, func)
            return func

        return decorator

    def unregister(self, code: str) -> None:
        self._specs.pop(code, None)

    def all(self) -> list[SectionSpec]:
        return sorted(self._specs.values(), key=lambda s: (s.order, s.code))

    def for_document(self, document: str, part: str | None = None) -> list[SectionSpec]:
        return [s for s in self.all() if document in s.documents and (part is None or s.part == part)]

    # -- ledger labels: "people" → "党员队伍" for generic paragraphs and workbook sheets ----------
    def label_ledger(self, ledger: str, label: str) -> None:
        self._ledger_labels[ledger] = str(label)

    def ledger_label(self, ledger: str) -> str:
        if ledger in self._ledger_labels:
            return self._ledger_labels[ledger]
        from django.apps import apps

        try:
            return str(apps.get_app_config(ledger).verbose_name)
        except LookupError:
            return ledger

    # -- remedies: what "今后的打算" promises for an open finding of a rule -----------------------
    def remedy(self, rule_code: str, text: str) -> None:
        self._remedies[rule_code] = text

    def remedy_for(self, rule_code: str) -> str | None:
        text = self._remedies.get(rule_code)
        return str(text) if text is not None else None

    # -- obligations: what falls due in a coming period -----------------------------------------
    def obligations(self, code: str):
        def decorator(func: Callable[[Any, Period], Iterable[Obligation]]):
            self._obligations[code] = func
            return func

        return decorator

    def unregister_obligations(self, code: str) -> None:
        self._obligations.pop(code, None)

    def obligations_for(
        self, org, period: Period, *, exclude: Iterable[str] = (), include_done: bool = False
    ) -> list[Obligation]:
        """Every provider's obligations, but those of the codes in `exclude` (a page that shows
        its own, e.g. the meetings calendar, reads the others' here), and those already met
        unless `include_done`."""
        found: list[Obligation] = []
        skipped = set(exclude)
        for code in sorted(set(self._obligations) - skipped):
            for item in self._obligations[code](org, period):
                if item.done and not include_done:
                    continue
                item.source = item.source or code
                found.append(item)
        return sorted(found, key=lambda o: (o.due_on or date.max, o.text))


_REGISTRY = SectionRegistry()
# The module is the registry: `sections.register(...)`, `sections.remedy(...)` everywhere.
register = _REGISTRY.register
unregister = _REGISTRY.unregister
all = _REGISTRY.all  # noqa: A001 - read as sections.all()
for_document = _REGISTRY.for_document
label_ledger = _REGISTRY.label_ledger
ledger_label = _REGISTRY.ledger_label
remedy = _REGISTRY.remedy
remedy_for = _REGISTRY.remedy_for
obligations = _REGISTRY.obligations
unregister_obligations = _REGISTRY.unregister_obligations
obligations_for = _REGISTRY.obligations_for
