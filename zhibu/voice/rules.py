"""Voice findings: a suggestion not answered within the branch's set time — its deadline fell in
the period and has passed, and it has no answer, or was answered late. One query over the subtree."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.lean import lean
from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors

findings.practice(
    "democracy", label=_l("党内民主和党务公开"), weakness=_l("发扬党内民主、接受群众监督还不够到位"), order=90
)


@findings.register(
    "voice.not_answered",
    label=_l("意见建议未按时答复"),
    severity="warning",
    records_perm="voice.edit",
    practice="democracy",
    summary=_l("%(n)s条意见建议未按时答复"),
)
def not_answered(org: Organisation, period: Period) -> Iterator[Finding]:
    today = timezone.localdate()
    for s in lean(selectors.late(org, period.start, period.end, today)).order_by("due_on", "pk"):
        if s.answered_on is None:
            text = _("%(org)s %(day)s收到的意见建议“%(topic)s”超过答复期限（%(due)s）仍未答复")
        else:
            text = _("%(org)s %(day)s收到的意见建议“%(topic)s”超过答复期限（%(due)s）才答复")
        yield Finding(
            text
            % {
                "org": s.organisation.name,
                "day": cn_date(s.received_on),
                "topic": s.topic,
                "due": cn_date(s.due_on),
            },
            evidence=[s],
            organisation=s.organisation,
        )
