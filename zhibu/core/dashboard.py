"""Core's dashboard panel: the open findings of the year, condensed, for those who see figures."""

from __future__ import annotations

from zhibu.core import policy
from zhibu.core.periods import Period
from zhibu.core.registries import dashboard, findings


@dashboard.register("core.findings", template="core/_findings_panel.html", perm="figures.view", order=20)
def findings_panel(request, org, period: Period) -> dict:
    shown = findings.shown_to(
        dashboard.findings_of(request, org, period),
        lambda spec, where: policy.has_perm(request.user, spec.records_perm, where or org),
    )
    return {"org": org, "findings": findings.condensed(shown)}
