"""Panels on one dashboard share one run of the rule checks."""

from django.test import RequestFactory

from zhibu.core.periods import Period
from zhibu.core.registries import dashboard, findings
from zhibu.core.registries.findings import Finding


def test_the_rules_run_once_per_request_however_many_panels_ask(world):
    runs = []

    @findings.register("test.counted", label="计数规则")
    def counted(org, period):
        runs.append(org.pk)
        yield Finding("一条问题")

    try:
        request = RequestFactory().get("/")
        period = Period.year(2026)
        first = dashboard.findings_of(request, world.branch, period)
        second = dashboard.findings_of(request, world.branch, period)
        assert first is second and runs == [world.branch.pk]
        assert any(f.code == "test.counted" for f in first)
        dashboard.findings_of(RequestFactory().get("/"), world.branch, period)  # a new request runs anew
        assert runs == [world.branch.pk, world.branch.pk]
    finally:
        findings._REGISTRY._specs.pop("test.counted", None)
