"""The findings registry: rule checks every ledger registers and the dashboard and documents run.

    @findings.register("meetings.committee_missing", label="支委会未按月召开", severity="warning")
    def committee_missing(org, period) -> Iterator[Finding]: ...

Put them in `<app>/rules.py`; `core.registries.autodiscover()` imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from ..periods import Period

SEVERITIES = {"info": "提示", "warning": "警告", "critical": "严重"}


@dataclass
class Finding:
    message: str
    evidence: list[Any] = field(default_factory=list)
    code: str = ""
    severity: str | None = None  # None: the rule's registered severity
    organisation: Any = None
    period: Period | None = None

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


class FindingRegistry:
    def __init__(self) -> None:
        self._specs: dict[str, RuleSpec] = {}

    def register(self, code: str, *, label: str, severity: str = "warning", records_perm: str | None = None):
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity}")

        def decorator(func: Callable[..., Iterable[Finding]]):
            self._specs[code] = RuleSpec(code, str(label), severity, func, records_perm)
            return func

        return decorator

    def all(self) -> list[RuleSpec]:
        return sorted(self._specs.values(), key=lambda s: s.code)

    def get(self, code: str) -> RuleSpec:
        return self._specs[code]

    def run(self, org, period: Period, codes: Iterable[str] | None = None) -> Iterator[Finding]:
        wanted = set(codes) if codes is not None else None
        for spec in self.all():
            if wanted is not None and spec.code not in wanted:
                continue
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
run = _REGISTRY.run
condensed = _REGISTRY.condensed
shown_to = _REGISTRY.shown_to
