"""The findings the dashboard and the bureau's grid show, stored until a write could change them.

Every registered rule over an organisation's whole subtree costs more than the rest of either page;
core/stamped.py keeps the result until the organisation's data stamp or the day moves. What is
stored is what those pages show — message, rule, severity, organisation, fact — never the evidence
(records, some of them about minors). Documents do not read from here: a summary runs its rules
itself, with the evidence its figures link to.
"""

from __future__ import annotations

from datetime import date

from . import stamped
from .models import Organisation
from .periods import Period
from .registries import findings
from .registries.findings import Finding


def _pack(found: list[Finding]) -> tuple[dict, list]:
    orgs: dict[int, tuple] = {}
    rows = []
    for f in found:
        where = f.organisation
        pk = getattr(where, "pk", None)
        if pk is not None and pk not in orgs:
            orgs[pk] = (where.path, where.name, where.code, where.kind)
        period = f.period
        rows.append(
            (f.message, f.code, f.severity, pk, dict(f.fact),
             (period.kind, period.start, period.end) if period else None)
        )  # fmt: skip
    return orgs, rows


def _unpack(payload: tuple[dict, list]) -> list[Finding]:
    org_fields, rows = payload
    orgs = {
        pk: Organisation(pk=pk, path=path, name=name, code=code, kind=kind)
        for pk, (path, name, code, kind) in org_fields.items()
    }
    periods = {period: Period(*period) for period in {row[5] for row in rows} if period}
    return [
        Finding(message, [], code, severity, orgs.get(pk), periods.get(period), fact)
        for message, code, severity, pk, fact, period in rows
    ]


def stored(org: Organisation, period: Period, today: date | None = None) -> list[Finding]:
    """The findings of (org, period) without their evidence, computed at most once per change."""
    payload = stamped.get_or_compute(
        "findings",
        org,
        lambda: _pack(list(findings.run(org, period))),
        parts=(period.kind, period.start, period.end),
        today=today,
    )
    return _unpack(payload)
