"""Late and missing submissions, for the branch and for its superior (run over a subtree the rule
names each branch). A bounded number of queries whatever the number of branches."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from .deadlines import past_due_under
from .models import KIND_CHOICES

findings.practice(
    "reporting", label=_l("落实上级部署"), weakness=_l("落实上级部署和报送材料还不够及时"), order=15
)

KIND_LABELS = dict(KIND_CHOICES)


def _obligations(org: Organisation, period: Period) -> list[tuple]:
    return past_due_under(org, period, timezone.localdate())


@findings.register(
    "reports.submission_missing",
    label=_l("材料未按时报送"),
    severity="warning",
    practice="reporting",
    summary=_l("%(n)s份材料未报送"),
)
def submission_missing(org: Organisation, period: Period) -> Iterator[Finding]:
    for branch, kind, sub, due, submission in _obligations(org, period):
        if submission is None:
            yield Finding(
                _("%(org)s%(p)s的%(kind)s未报送（应于%(due)s前报送）")
                % {"org": branch.name, "p": sub.label, "kind": KIND_LABELS[kind], "due": cn_date(due)},
                organisation=branch,
            )


@findings.register(
    "reports.submission_late",
    label=_l("材料迟报"),
    severity="info",
    practice="reporting",
    summary=_l("%(n)s份材料迟报"),
)
def submission_late(org: Organisation, period: Period) -> Iterator[Finding]:
    for branch, kind, sub, due, submission in _obligations(org, period):
        if submission is not None and timezone.localtime(submission.submitted_at).date() > due:
            yield Finding(
                _("%(org)s%(p)s的%(kind)s迟报（应于%(due)s前，实际%(on)s）")
                % {
                    "org": branch.name,
                    "p": sub.label,
                    "kind": KIND_LABELS[kind],
                    "due": cn_date(due),
                    "on": cn_date(timezone.localtime(submission.submitted_at).date()),
                },
                evidence=[submission],
                organisation=branch,
            )
