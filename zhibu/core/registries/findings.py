"""The findings registry: rule checks every ledger registers and the dashboard and documents run.

    @findings.register("meetings.committee_missing", label="支委会未按月召开", severity="warning")
    def committee_missing(org, period) -> Iterator[Finding]: ...

Put them in `<app>/rules.py`; `core.registries.autodiscover()` imports them.

Documents that go to a superior never quote a finding's message (it names people): part 三 says
per *practice* (三会一课, 学习, 包教 …) what is weak, with each rule's `summary` — a clause that
counts its findings ("支委会有%(n)s个月未按期召开") — as the evidence in aggregate. So a rule
registers the practice it judges, that summary, and the rules whose findings state the same fact
(`covered_by`, e.g. "no note check this month" covers "these notes were not checked"):

    findings.practice("meetings", label=_l("三会一课"), weakness=_l("“三会一课”执行还不够严格"))

    @findings.register("meetings.cadence_missed", label=..., practice="meetings",
                       summary=_l("%(type)s有%(n)s%(unit)s未按期召开"))

A finding may carry a `fact` ({"type": "支委会", "unit": "个月"}): findings of one rule are counted
per fact, and the fact's values fill the summary. See reports/synthesis.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .. import memo, parallel
from ..periods import Period

SEVERITIES = {"info": "提示", "warning": "警告", "critical": "严重"}
# How much a finding weighs when part 三 orders the practices, most serious first.
WEIGHTS = {"info": 1, "warning": 2, "critical": 3}
MEASURES = ("findings", "evidence")


@dataclass(frozen=True, slots=True)
class Ref:
    """A record a finding names by its model and pk alone: all that counting it and linking to it
    need. For rules naming tens of thousands (a bureau's unchecked notes), where building each as
    a model instance was most of the rule's time."""

    model: type
    pk: int


def model_and_pk(item: Any) -> tuple[type | None, Any]:
    """(model, pk) of a finding's evidence item, a model instance or a Ref; (None, None) for
    anything else (an evidence placeholder)."""
    if isinstance(item, Ref):
        return item.model, item.pk
    if getattr(item, "_meta", None) is not None and item.pk is not None:
        return type(item), item.pk
    return None, None


@dataclass
class Finding:
    message: str
    evidence: list[Any] = field(default_factory=list)
    code: str = ""
    severity: str | None = None  # None: the rule's registered severity
    organisation: Any = None
    period: Period | None = None
    # What this finding counts towards in a document's aggregate sentence: findings of one rule
    # with equal facts are counted together, and the values fill the rule's summary.
    fact: dict[str, str] = field(default_factory=dict)

    @property
    def fact_key(self) -> str:
        return "/".join(f"{k}={v}" for k, v in sorted(self.fact.items()))

    @property
    def severity_label(self) -> str:
        return SEVERITIES.get(self.severity or "", self.severity or "")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    label: str
    severity: str
    func: Callable[..., Iterable[Finding]]
    # As for figures: a sensitive rule's messages (which name cases) are shown only to users with
    # this permission; everyone else, and every document, gets one line with the count.
    records_perm: str | None = None
    practice: str = ""
    # "%(n)s名党员…": the aggregate clause, %(n)s the count (a link in documents), other keys
    # from the findings' fact; `measure` counts findings or their evidence (notes, meetings).
    summary: str | dict = ""  # a dict: one wording per fact "variant" ("" the default)
    measure: str = "findings"
    covered_by: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        return WEIGHTS[self.severity]


@dataclass(frozen=True)
class PracticeSpec:
    """A kind of party work the findings judge: 三会一课, 学习教育, 包教 … Part 三 of a summary
    has one paragraph per practice with findings, opening with `weakness`."""

    code: str
    label: str
    weakness: str
    order: int = 100


# Within `memo.memoised()` (a document's draft, a stored page's computation), each rule runs once
# per (organisation, period): a document asks for its findings to draft part 三 and again for the
# counts its sentences link to.
memoised = memo.memoised


class FindingRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, RuleSpec] = {}
        self._practices: dict[str, PracticeSpec] = {}

    def register(
        self,
        code: str,
        *,
        label: str,
        severity: str = "warning",
        records_perm: str | None = None,
        practice: str = "",
        summary: str | dict = "",
        measure: str = "findings",
        covered_by: Iterable[str] = (),
    ):
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity}")
        if measure not in MEASURES:
            raise ValueError(f"unknown measure {measure}")

        def decorator(func: Callable[..., Iterable[Finding]]):
            self._specs[code] = RuleSpec(
                code, str(label), severity, func, records_perm, practice, summary, measure, tuple(covered_by)
            )
            return func

        return decorator

    # -- practices ----------------------------------------------------------------------------
    def practice(self, code: str, *, label: str, weakness: str, order: int = 100) -> None:
        """Register a practice; registering it again from another ledger must say the same."""
        spec = PracticeSpec(code, str(label), str(weakness), order)
        known = self._practices.get(code)
        if known is not None and (str(known.label), str(known.weakness)) != (str(label), str(weakness)):
            raise ValueError(f"practice {code} registered twice with different words")
        self._practices[code] = spec

    def get_practice(self, code: str) -> PracticeSpec:
        return self._practices[code]

    def practices(self) -> list[PracticeSpec]:
        return sorted(self._practices.values(), key=lambda p: (p.order, p.code))

    def all(self) -> list[RuleSpec]:
        return sorted(self._specs.values(), key=lambda s: s.code)

    def get(self, code: str) -> RuleSpec:
        return self._specs[code]

    def run(self, org, period: Period, codes: Iterable[str] | None = None) -> Iterator[Finding]:
        wanted = set(codes) if codes is not None else None
        specs = [spec for spec in self.all() if wanted is None or spec.code in wanted]
        results = memo.store()
        if results is None:
            for spec in specs:
                yield from self._run_one(spec, org, period)
            return

        def key(spec: RuleSpec) -> tuple:
            return ("findings", spec.code, getattr(org, "pk", org), period.kind, period.start, period.end)

        # within a unit of work each rule runs once, the missing ones side by side (core/parallel.py)
        missing = [spec for spec in specs if key(spec) not in results]
        found = parallel.each(lambda spec: list(self._run_one(spec, org, period)), missing)
        for spec, of_spec in zip(missing, found, strict=True):
            results[key(spec)] = of_spec
        for spec in specs:
            yield from results[key(spec)]

    def tasks(self, org, period: Period) -> list[Callable[[], None]]:
        """One call per rule that runs it into the unit of work's store, for a page or a draft that
        computes its rules side by side with other parts (parallel.calls); run() then reads them."""
        return [functools.partial(self._run_into_store, spec.code, org, period) for spec in self.all()]

    def _run_into_store(self, code: str, org, period: Period) -> None:
        for _finding in self.run(org, period, [code]):
            pass

    def _run_one(self, spec: RuleSpec, org, period: Period) -> Iterator[Finding]:
        for finding in spec.func(org, period):
            finding.code = finding.code or spec.code
            finding.severity = finding.severity or spec.severity
            finding.organisation = finding.organisation or org
            finding.period = finding.period or period
            yield finding

    def condensed(self, found: Iterable[Finding], keep: int = 3) -> list[Finding]:
        """Repeated findings of one rule and organisation folded into one: a year of missed
        bulletins reads as "…共52项，如…；…等", not fifty-two lines. Order of first appearance kept."""
        groups: dict[tuple[str, Any], list[Finding]] = {}
        for finding in found:
            groups.setdefault((finding.code, getattr(finding.organisation, "pk", None)), []).append(finding)
        several_orgs = len({org for _code, org in groups}) > 1
        result: list[Finding] = []
        for (code, _org), items in groups.items():
            messages = list(dict.fromkeys(f.message.rstrip("。；;") for f in items))
            if len(messages) <= keep:
                seen: set[str] = set()
                for f in items:
                    if f.message.rstrip("。；;") not in seen:
                        seen.add(f.message.rstrip("。；;"))
                        result.append(f)
                continue
            first = items[0]
            label = self._specs[code].label if code in self._specs else code
            where = getattr(first.organisation, "name", "") if several_orgs else ""
            message = _("%(where)s%(label)s共%(n)d项，如%(first)s等") % {
                "where": where,
                "label": label,
                "n": len(messages),
                "first": "；".join(messages[:2]),
            }
            evidence = [e for f in items for e in f.evidence]
            result.append(Finding(message, evidence, code, first.severity, first.organisation, first.period))
        return result

    def shown_to(self, found: Iterable[Finding], may_see: Callable[[RuleSpec, Any], bool]) -> list[Finding]:
        """The findings with each sensitive rule's messages folded into one counted line wherever
        `may_see(spec, organisation)` is false. Documents pass `lambda *_: False`."""
        shown: list[Finding] = []
        folded: dict[tuple[str, Any], Finding] = {}
        for finding in found:
            spec = self._specs.get(finding.code)
            if spec is None or spec.records_perm is None or may_see(spec, finding.organisation):
                shown.append(finding)
                continue
            key = (spec.code, getattr(finding.organisation, "pk", None))
            if key not in folded:
                folded[key] = Finding(
                    "", [], spec.code, finding.severity, finding.organisation, finding.period
                )
                shown.append(folded[key])
            folded[key].evidence.append(None)  # counted, never listed
        for item in folded.values():
            where = getattr(item.organisation, "name", "")
            item.message = f"{where}{self._specs[item.code].label}（{len(item.evidence)}项）"
            item.evidence = []
        return shown


_REGISTRY = FindingRegistry()
register = _REGISTRY.register
all = _REGISTRY.all  # noqa: A001 - read as findings.all()
get = _REGISTRY.get
practice = _REGISTRY.practice
get_practice = _REGISTRY.get_practice
practices = _REGISTRY.practices
run = _REGISTRY.run
tasks = _REGISTRY.tasks
condensed = _REGISTRY.condensed
shown_to = _REGISTRY.shown_to
