"""Talks findings: a committee member who talked less than the branch's monthly quota in an ended
month — one line per member, her short months joined ("2026年3月、5—6月"), as the study hours rule.
Four queries over the whole subtree (talks/quota.py)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation, Person
from zhibu.core.periods import Period, months_label
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding, Ref

from . import quota


@findings.register(
    "talks.below_quota",
    label=_l("支委每月谈心谈话次数不足"),
    severity="warning",
    records_perm="talks.view",
    practice="management",
    summary=_l("%(n)s名支委谈心谈话次数不足"),
)
def below_quota(org: Organisation, period: Period) -> Iterator[Finding]:
    for judged in quota.judge(org, period):
        if judged.short:
            yield Finding(
                _("%(name)s %(when)s谈心谈话少于%(q)d次")
                % {"name": judged.name, "when": months_label(judged.short), "q": judged.quota},
                evidence=[Ref(Person, judged.person_id)],
                organisation=judged.branch,
            )
