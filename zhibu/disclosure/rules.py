"""Disclosure findings: an objection to a 公示 not answered by the last day of its period. Judged
from that last day on (today included); one query over any subtree."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from zhibu.core.models import Organisation
from zhibu.core.periods import Period, cn_date
from zhibu.core.registries import findings
from zhibu.core.registries.findings import Finding

from . import selectors


@findings.register(
    "disclosure.objection_unanswered",
    label=_l("公示异议未在公示期内答复"),
    severity="warning",
    records_perm="disclosure.view",
    practice="democracy",
    summary=_l("%(n)s条公示异议未在公示期内答复"),
)
def objection_unanswered(org: Organisation, period: Period) -> Iterator[Finding]:
    for objection in selectors.unanswered_by_end(org, period.start, period.end, timezone.localdate()):
        notice = objection.notice
        yield Finding(
            _("%(org)s 公示“%(title)s”（%(end)s截止）收到的异议（%(day)s）未在公示期内答复")
            % {
                "org": objection.organisation.name,
                "title": notice.title,
                "end": cn_date(notice.publish_until),
                "day": cn_date(objection.received_on),
            },
            evidence=[notice],
            organisation=objection.organisation,
        )
