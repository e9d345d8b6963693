"""Overdue notices: for a branch, each notice it has not relayed by the deadline; run over a
committee, the same for every branch below it, so the bureau sees which branches are late. Three
queries whatever the number of branches."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors


@findings.register(
    "bureau.notice_overdue",
    label=_l("上级通知逾期未落实"),
    severity="warning",
    practice="reporting",
    summary=_l("%(n)s项上级通知逾期未落实"),
)
def notice_overdue(org: Organisation, period: Period) -> Iterator[Finding]:
    today = timezone.localdate()
    branches = list(selectors.branches_under(org)) if org.kind != selectors.BRANCH else [org]
    end = min(period.end + timedelta(days=1), today)
    for branch, notice in selectors.open_notices(branches, org, due_before=end, due_from=period.start):
        yield Finding(
            _("%(org)s未在%(due)s前落实%(issuer)s通知《%(title)s》（%(kind)s）")
            % {
                "org": branch.name,
                "due": cn_date(notice.due_on),
                "issuer": notice.organisation.short_name or notice.organisation.name,
                "title": notice.title,
                "kind": notice.get_kind_display(),
            },
            evidence=[notice],
            organisation=branch,
        )
