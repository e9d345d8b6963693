"""The count behind each number of a summary's part 三: how many findings of a rule (of one fact),
or how many records they hold, so "支委会有2个月未按期召开" links to what the rule found."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext_lazy as _l

from zhibu.core.periods import Period
from zhibu.core.registries import figures, findings
from zhibu.core.registries.findings import Finding

FINDINGS_COUNT = "findings.count"


def matching(org, period: Period, rule: str, fact: str = "") -> list[Finding]:
    """The rule's findings of the fact, without those another rule's findings already state."""
    found = findings.run(org, period, codes=[rule, *findings.get(rule).covered_by])
    return [f for f in uncovered(list(found)) if f.code == rule and (not fact or f.fact_key == fact)]


def place_of(finding: Finding) -> tuple:
    span = (finding.period.start, finding.period.end) if finding.period else (None, None)
    return (getattr(finding.organisation, "pk", None), *span)


def uncovered(found: list[Finding]) -> list[Finding]:
    """The findings without those a covering rule's finding states as the same fact — same
    organisation, same period (a month the office never checked is not also "its 14 notes were
    not checked")."""
    places: dict[str, set] = {}
    for finding in found:
        places.setdefault(finding.code, set()).add(place_of(finding))
    return [
        f
        for f in found
        if not any(place_of(f) in places.get(code, ()) for code in findings.get(f.code).covered_by)
    ]


def measured(spec: findings.RuleSpec, found: list[Finding]) -> int:
    if spec.measure == "evidence":
        return sum(len(f.evidence) for f in found)
    return len(found)


def _records(found: list[Finding]):
    """The records the findings name, as one queryset when they are of one model (meetings,
    notes, people); findings of absences (a month with no meeting) have none."""
    by_model: dict[type, list] = defaultdict(list)
    for finding in found:
        for item in finding.evidence:
            model, pk = findings.model_and_pk(item)
            if model is not None:
                by_model[model].append(pk)
    if len(by_model) != 1:
        return None
    model, pks = next(iter(by_model.items()))
    return model._default_manager.filter(pk__in=pks)


@figures.register(FINDINGS_COUNT, label=_l("存在的问题"), unit="", flow=False, listed=False)
def findings_count(org, period: Period, *, rule: str = "", fact: str = ""):
    try:
        spec = findings.get(rule)
    except KeyError:
        return 0, None
    found = matching(org, period, rule, fact)
    # A sensitive rule's records (包教 cases, 谈话) are never listed from a document's number.
    records = None if spec.records_perm else _records(found)
    return measured(spec, found), records
