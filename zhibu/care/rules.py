"""Care findings: a retired staff member not called in a month (问寒问暖 every month, August
included: retirees have no summer holiday).

Three queries over the whole subtree whatever its size: the branches, the retirees, the calls."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core import branches
from zhibu.core.lean import lean
from zhibu.core.models import Organisation
from zhibu.core.periods import Period
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors

findings.practice("care", label=_l("关心关爱"), weakness=_l("关心关爱工作还有疏漏"), order=70)


@findings.register(
    "care.retiree_not_called",
    label=_l("退休教职工当月未问寒问暖"),
    severity="warning",
    records_perm="care.calls",
    practice="care",
    summary=_l("%(n)s人次退休教职工当月没有接到问寒问暖电话"),
    measure="evidence",
)
def retiree_not_called(org: Organisation, period: Period) -> Iterator[Finding]:
    today = timezone.localdate()
    months = [m for m in period.months() if m.end < today]  # a month is judged once it is over
    if not months:
        return
    under = branches.under(org)
    if not under:
        return
    # (lean: the rule reads names and dates, never the encrypted ID numbers each row would decrypt)
    retirees = list(lean(selectors.retirees_of(org)))
    if not retirees:
        return
    called = selectors.called_months(org, months[0].start, months[-1].start)
    by_branch = under.group(retirees, lambda p: p.organisation_id)
    for branch in under:
        for month in months:
            missed = [
                p
                for p in by_branch.get(branch.pk, [])
                if (p.pk, month.start) not in called and not (p.left_on and p.left_on < month.start)
            ]
            if missed:
                yield Finding(
                    _("%(org)s %(month)s未给退休教职工%(names)s打问寒问暖电话")
                    % {"org": branch.name, "month": month.label, "names": "、".join(p.name for p in missed)},
                    evidence=missed,
                    organisation=branch,
                )
