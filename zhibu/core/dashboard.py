"""Core's dashboard panel: the open findings of the year, condensed, for those who see figures."""

from __future__ import annotations

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.registries import dashboard, findings

SHOWN = 30  # lines of the panel


@dashboard.register("core.findings", template="core/_findings_panel.html", perm="figures.view", order=20)
def findings_panel(request, org, period: Period) -> dict:
    shown = findings.shown_to(
        dashboard.findings_of(request, org, period),
        lambda spec, where: policy.has_perm(request.user, spec.records_perm, where or org),
    )
    condensed = findings.condensed(shown)
    # A bureau has thousands: the most serious first, and the count of the rest (the grid has
    # every branch's numbers by severity).
    condensed.sort(key=lambda f: -findings.WEIGHTS.get(f.severity or "", 0))
    return {"org": org, "findings": condensed[:SHOWN], "more": max(0, len(condensed) - SHOWN)}
